// Lint for the whole repository (npm test runs it first, with prettier --check).
// The layer rules of docs/architecture.md are mirrored here as import boundaries, so an editor
// shows a wrong import as it is typed; functions/tests/unit/architecture/layers.test.ts checks
// the same rules (and what an import rule cannot see, such as routes calling repositories).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const repositories = ['**/*-repository', '**/*-items'];
const restrict = (message, group) => ({
  '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ group, message }] }],
});

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '.data/**',
      '.jest-cache/**',
      'miniprogram/dist/**',
      'miniprogram/dist-h5/**',
      'functions/cloud/api/index.js',
      'functions/cloud/api/lazy/**',
      'coverage/**',
      'test-artifacts/**',
      'cdk.out/**',
    ],
  },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // Unused names are errors, except the `_name` convention for what a signature must take.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['miniprogram/src/**/*.{ts,tsx}', 'miniprogram/tests/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, wx: 'readonly' } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      // useAsync's callers pass value keys (e.g. ids.join(',')) on purpose, so only React's own hooks are checked.
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['miniprogram/src/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)shared(/index)?$',
              allowTypeImports: true,
              message:
                "shared's index carries zod, which the mini-program must not bundle: import values from their own file (e.g. shared/evaluation/missing-labels); types may come from the index",
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          // Taro's H5 components write disabled={false} as disabled="false", which their own
          // [disabled] style paints pale: an enabled button looked switched off (issue 16).
          selector:
            "JSXOpeningElement[name.name=/^(Button|Input|Textarea|Picker|Switch|Checkbox|Radio)$/] > JSXAttribute[name.name='disabled'] > JSXExpressionContainer > :not(LogicalExpression[operator='||'][right.name='undefined'])",
          message:
            'Write disabled={condition || undefined}: on H5 a false disabled prop still renders disabled="false" and greys the control out.',
        },
      ],
    },
  },
  {
    files: ['**/tests/**/*.{ts,tsx}', 'tests/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.jest } },
    rules: {
      // Tests read JSON answers of any shape and load built bundles (CommonJS) on purpose.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  // Layer rules (docs/architecture.md).
  {
    files: ['functions/src/features/*/domain/**/*.ts'],
    rules: restrict('domain code is pure: no db, repository, http, storage or infrastructure', [
      '**/db/*',
      '**/http/*',
      '**/storage/*',
      '**/infrastructure',
      ...repositories,
    ]),
  },
  {
    files: ['functions/src/features/*/*.ts'],
    rules: restrict('services and repositories import nothing from http/', ['**/http/*']),
  },
  {
    files: ['functions/src/features/*/routes/**/*.ts'],
    rules: restrict('routes reach data only through services', ['**/db/*', '**/storage/*', '**/infrastructure', ...repositories]),
  },
  {
    files: ['functions/src/adapters/*.ts'],
    rules: restrict('no adapter imports another', ['./*', '**/adapters/*']),
  },
);

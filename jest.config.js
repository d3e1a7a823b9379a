/**
 * One jest run, several projects. Integration and contract tests share one DynamoDB Local
 * started by tests/support/global-setup (each test file creates its own table).
 * The simulate and e2e projects need the weapp / h5 builds that scripts/test.mjs makes first.
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
    },
    module: { type: 'commonjs' },
  },
];

const base = {
  transform: { '^.+\\.(t|j)sx?$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(opencc-js|pinyin-pro|jose)/)'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'jsx', 'json', 'cjs', 'mjs'],
  testEnvironment: 'node',
};

module.exports = {
  cacheDirectory: '<rootDir>/.jest-cache',
  // Generous: the 2-core CI machine also runs DynamoDB Local, java and builds; speed lives in npm run bench.
  testTimeout: 30_000,
  transform: base.transform,
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
  maxWorkers: 2,
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/shared/tests/**/*.test.ts', '<rootDir>/functions/tests/unit/**/*.test.ts'] },
    { ...base, displayName: 'integration', testMatch: ['<rootDir>/functions/tests/integration/**/*.test.ts'] },
    { ...base, displayName: 'contract', testMatch: ['<rootDir>/tests/contract/**/*.test.ts'] },
    { ...base, displayName: 'cli', testMatch: ['<rootDir>/tests/cli/**/*.test.ts'] },
    { ...base, displayName: 'infra', testMatch: ['<rootDir>/infra/tests/**/*.test.ts'] },
    {
      ...base,
      displayName: 'components',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/miniprogram/tests/**/*.test.tsx'],
      // @tarojs/components pulls in ESM-only packages (swiper's .mjs); compile all of it.
      transform: { ...base.transform, '^.+\\.mjs$': swc },
      transformIgnorePatterns: [],
      setupFiles: ['<rootDir>/miniprogram/tests/support/taro-globals.ts'],
      setupFilesAfterEnv: ['<rootDir>/miniprogram/tests/support/testing-library.ts'],
      moduleNameMapper: {
        '^@tarojs/components$': '@tarojs/components/lib/react',
        '^@tarojs/taro$': '<rootDir>/miniprogram/tests/support/taro-shim.ts',
        '\\.(css|scss)$': '<rootDir>/miniprogram/tests/support/style-stub.js',
      },
    },
    {
      ...base,
      displayName: 'simulate',
      testMatch: ['<rootDir>/tests/simulate/**/*.test.ts'],
      // miniprogram-simulate renders into a DOM; the in-test API server needs Node's fetch
      // globals and (through the export conditions) the AWS SDK's Node build.
      testEnvironment: '<rootDir>/tests/simulate/support/jsdom-node-environment.js',
      testEnvironmentOptions: { customExportConditions: ['node', 'node-addons'] },
      // The weapp bundle is already compiled; running swc over it only costs time.
      transformIgnorePatterns: [...base.transformIgnorePatterns, '<rootDir>/miniprogram/dist/'],
    },
    { ...base, displayName: 'e2e', testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'] },
  ],
};

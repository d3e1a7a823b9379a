import { join } from 'node:path';

/**
 * NodejsFunction needs absolute paths, and the entry must sit under projectRoot;
 * the repository's one package.json / package-lock.json keeps that true.
 */
export const REPO_ROOT = join(__dirname, '..', '..');
export const LAMBDA_ENTRY = join(REPO_ROOT, 'functions', 'src', 'adapters', 'lambda.ts');
export const PACKAGE_LOCK = join(REPO_ROOT, 'package-lock.json');

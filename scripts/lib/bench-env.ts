/**
 * The environment every bench section's server runs with: the caller's environment, its own
 * table on its own DynamoDB Local, and fixed secrets (a bench signs nothing anyone keeps).
 */
export function benchEnv(tableName: string, endpoint: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    TABLE_NAME: tableName,
    DYNAMODB_ENDPOINT: endpoint,
    SESSION_SECRET: 'bench-session-secret-0123456789abcdef0123',
    PSEUDONYM_SECRET: 'bench-pseudonym-secret-0123456789abcdef01',
    ...extra,
  };
}

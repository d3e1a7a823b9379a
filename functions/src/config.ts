/** Server configuration, read once from the environment of whichever runtime hosts the core. */
export interface ServerConfig {
  tableName: string;
  region: string;
  /** Set for DynamoDB Local; unset on AWS. */
  dynamodbEndpoint?: string;
  /** How long a warm container reuses the school search index. */
  searchCacheTtlMs: number;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    tableName: env.TABLE_NAME ?? 'jituan',
    region: env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'cn-north-1',
    dynamodbEndpoint: env.DYNAMODB_ENDPOINT || undefined,
    searchCacheTtlMs: Number(env.SEARCH_CACHE_TTL_SECONDS ?? 60) * 1000,
  };
}

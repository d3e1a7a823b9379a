export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __DYNAMODB_LOCAL__?: { stop(): Promise<void> } }).__DYNAMODB_LOCAL__?.stop();
}

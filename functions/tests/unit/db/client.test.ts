import { createDocumentClient } from '../../../src/db/client';

describe('the DynamoDB client', () => {
  it('has no SDK logger middleware, which would copy and filter every request and answer for a no-op logger', () => {
    // Prepare
    const db = createDocumentClient({ region: 'cn-north-1', endpoint: 'http://127.0.0.1:1' });

    // Act
    const middleware = db.middlewareStack.identify();

    // Assess: nothing named like a logger is left (were the SDK to rename its middleware, the
    // removal by SDK_LOGGER_MIDDLEWARE would miss it, and it would show here).
    expect(middleware.length).toBeGreaterThan(5);
    expect(middleware.filter((name) => /logger/i.test(name))).toEqual([]);
  });
});

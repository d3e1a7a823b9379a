import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { batchGet } from '../../../src/db/batch-get';

const TABLE = 't';
const key = (i: number) => ({ pk: `K#${i}`, sk: 'META' });

/**
 * A client whose BatchGetItem answers each key it is asked for, except that the first
 * `unprocessedRounds` answers hand the last key of the request back unprocessed, as DynamoDB
 * does under throttling. Records every request's keys.
 */
function throttlingClient(unprocessedRounds: number) {
  const requests: Array<Array<Record<string, unknown>>> = [];
  const send = async (command: { input: { RequestItems: Record<string, { Keys: Array<Record<string, unknown>> }> } }) => {
    const asked = command.input.RequestItems[TABLE].Keys;
    requests.push(asked);
    const held = requests.length <= unprocessedRounds ? asked.slice(-1) : [];
    const answered = asked.filter((k) => !held.includes(k)).map((k) => ({ ...k, found: true }));
    return { Responses: { [TABLE]: answered }, UnprocessedKeys: held.length ? { [TABLE]: { Keys: held } } : {} };
  };
  return { db: { send } as unknown as DynamoDBDocumentClient, requests };
}

describe('batchGet', () => {
  afterEach(() => jest.useRealTimers());

  it('asks 100 keys a request and asks again for the keys handed back unprocessed', async () => {
    // Prepare
    jest.useFakeTimers();
    const { db, requests } = throttlingClient(2);
    const keys = Array.from({ length: 150 }, (_, i) => key(i));

    // Act
    const reading = batchGet(db, TABLE, keys);
    await jest.runAllTimersAsync();
    const found = await reading;

    // Assess: 100 (one back), that one again (back again), that one a third time, then the other 50.
    expect(requests.map((r) => r.length)).toEqual([100, 1, 1, 50]);
    expect(found.map((item) => item.pk).sort()).toEqual(keys.map((k) => k.pk).sort());
  });

  it('fails after 8 retries rather than answer as if the keys it never got did not exist', async () => {
    // Prepare
    jest.useFakeTimers();
    const { db, requests } = throttlingClient(Infinity);

    // Act
    const reading = batchGet(db, TABLE, [key(1), key(2)]);
    const failed = expect(reading).rejects.toThrow('BatchGet kept returning unprocessed keys');
    await jest.runAllTimersAsync();

    // Assess
    await failed;
    expect(requests).toHaveLength(9);
  });
});

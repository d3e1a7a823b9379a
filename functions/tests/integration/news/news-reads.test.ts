import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createCore } from '../../../src/core';
import { keys } from '../../../src/db/keys';
import { createLogger } from '../../../src/log/logger';
import { createSeededTable, type TestTable } from '../../../../tests/support/dynamo';
import { TestClient } from '../../../../tests/support/api-client';
import { draft, testImageDir } from '../../../../tests/support/news';
import { testConfig } from '../../../../tests/support/test-config';

type Sent = { constructor: { name: string }; input: Record<string, unknown> };

/** The partitions each read of the document client asked for (GetItem, Query on the table, BatchGetItem). */
function countReads(db: DynamoDBDocumentClient) {
  const partitions: string[] = [];
  const send = db.send.bind(db);
  const spy = jest.spyOn(db, 'send').mockImplementation(((command: Sent) => {
    const { input } = command;
    if (command.constructor.name === 'GetCommand') partitions.push(String((input.Key as { pk: string }).pk));
    if (command.constructor.name === 'QueryCommand' && !input.IndexName)
      partitions.push(String((input.ExpressionAttributeValues as Record<string, unknown>)[':pk']));
    if (command.constructor.name === 'BatchGetCommand')
      for (const { Keys } of Object.values(input.RequestItems as Record<string, { Keys: Array<{ pk: string }> }>))
        partitions.push(...Keys.map((k) => k.pk));
    return send(command as never);
  }) as never);
  return {
    of: (pk: string) => partitions.filter((p) => p === pk).length,
    stop: () => spy.mockRestore(),
  };
}

/** How often one admin request reads the news item and its group (DynamoDB Local, the real client). */
describe('news admin reads', () => {
  let table: TestTable;
  let core: ReturnType<typeof createCore>;
  let admin: TestClient;
  const images = testImageDir();
  const group = keys.groupPartition('jn-jingwu').pk;
  const item = (id: string) => keys.newsPartition(id).pk;

  async function created(title: string, publish = false) {
    const answer = await admin.call('POST', '/api/admin/groups/jn-jingwu/news', draft(title));
    if (publish) expect((await admin.call('POST', `/api/admin/news/${answer.body.id}/publish`, {})).status).toBe(200);
    return answer.body.id as string;
  }

  beforeAll(async () => {
    table = await createSeededTable('news-reads');
    // With a template the publication also sends notifications, which name the group.
    const config = testConfig(table.tableName, 'local', {
      AUTH_DEV_LOGIN: '1',
      RATE_WRITES_CAPACITY: '100000',
      NEWS_IMAGE_DIR: images.dir,
      WECHAT_NEWS_TEMPLATE_ID: 'tmpl-news-reads',
    });
    core = createCore(config, { logger: createLogger(undefined, 'silent') });
    admin = new TestClient(core.app);
    await admin.devLogin('group_admin');
  });
  afterAll(async () => {
    images.drop();
    await table.drop();
  });

  it('publishing one item reads the item once and its group once', async () => {
    // Prepare
    const id = await created('读一次');
    const reads = countReads(core.db);

    // Act
    const published = await admin.call('POST', `/api/admin/news/${id}/publish`, {});
    reads.stop();

    // Assess
    expect(published).toMatchObject({ status: 200, body: { status: 'published', version: 2, groupName: '经五教育集团' } });
    expect(published.body.history.map((h: { action: string }) => h.action)).toEqual(['create', 'publish']);
    expect({ item: reads.of(item(id)), group: reads.of(group) }).toEqual({ item: 1, group: 1 });
  });

  const edit = { ...draft('改过的标题'), version: 1 };
  it.each<[string, string, string, unknown, boolean]>([
    ['an edit', 'PUT', '', edit, false],
    ['an unpublication', 'POST', '/unpublish', undefined, true],
    ['the admin detail', 'GET', '', undefined, false],
  ])('%s reads the item once and its group once', async (_label, method, suffix, body, publish) => {
    // Prepare
    const id = await created('也读一次', publish);
    const reads = countReads(core.db);

    // Act
    const answer = await admin.call(method, `/api/admin/news/${id}${suffix}`, body);
    reads.stop();

    // Assess
    expect(answer.status).toBe(200);
    expect({ item: reads.of(item(id)), group: reads.of(group) }).toEqual({ item: 1, group: 1 });
  });

  it('creating an item reads its group once', async () => {
    const reads = countReads(core.db);
    const answer = await admin.call('POST', '/api/admin/groups/jn-jingwu/news', draft('新建'));
    reads.stop();
    expect(answer).toMatchObject({ status: 201, body: { history: [{ action: 'create' }] } });
    expect(reads.of(group)).toBe(1);
  });

  it('counts every read: two detail requests read the item twice', async () => {
    // The counter itself can see a second read, so the counts of one above are not a given.
    const id = await created('读两次');
    const reads = countReads(core.db);
    await admin.call('GET', `/api/admin/news/${id}`);
    await admin.call('GET', `/api/admin/news/${id}`);
    reads.stop();
    expect({ item: reads.of(item(id)), group: reads.of(group) }).toEqual({ item: 2, group: 2 });
  });
});

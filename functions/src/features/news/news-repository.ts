import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { batchGet } from '../../db/batch-get';
import { batchWrite } from '../../db/batch-write';
import { isCancelledBy, retryOnConflict } from '../../db/conditional';
import { keys } from '../../db/keys';
import { queryAll } from '../../db/query';
import { EDITABLE_FIELDS, isListed, type NewsEditItem, type NewsItem, type NewsSubscriptionItem } from './news-items';
import { stripKeys } from '../../db/strip-keys';

export interface NewsPageSlice {
  items: Array<{ item: NewsItem; sortKey: string }>;
  /** More visible items may follow the last one. */
  more: boolean;
}

/** Group news, its edit history, read markers and notification consents (AP40-AP51). */
export class NewsRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** The stored form of an item: its keys, its index keys, its fields (also for bulk loads such as the bench). */
  tableItem(item: NewsItem): Record<string, unknown> {
    return { ...keys.news(item.id), ...this.indexKeys(item), ...item };
  }

  private indexKeys(item: NewsItem) {
    return {
      ...keys.newsInGroupAdmin(item.groupId, item.updatedAt, item.id),
      ...(isListed(item) ? keys.newsInGroupFeed(item.groupId, item.pinned, item.publishAt!, item.id) : {}),
    };
  }

  private editPut(edit: NewsEditItem) {
    return {
      Put: {
        TableName: this.tableName,
        Item: { ...keys.newsEdit(edit.newsId, edit.version), ...edit },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  }

  /** AP40: a new item and its first history entry, together. */
  async create(item: NewsItem, edit: NewsEditItem): Promise<void> {
    await this.db.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: this.tableName, Item: this.tableItem(item), ConditionExpression: 'attribute_not_exists(pk)' } },
          this.editPut(edit),
        ],
      }),
    );
  }

  /** AP41 */
  async get(newsId: string): Promise<NewsItem | null> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.news(newsId), ConsistentRead: true }));
    return Item ? stripKeys<NewsItem>(Item) : null;
  }

  /**
   * AP41 with AP46 in one Query: the item and every history entry share its partition (the
   * entries sort before META), so what an admin edits is read in one request. Null if absent.
   */
  async getWithHistory(newsId: string): Promise<{ item: NewsItem; history: NewsEditItem[] } | null> {
    const rows = await queryAll<Record<string, unknown>>(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.newsPartition(newsId).pk },
      ConsistentRead: true,
    });
    const meta = rows.find((row) => row.sk === keys.news(newsId).sk);
    if (!meta) return null;
    const history = rows.filter((row) => String(row.sk).startsWith(keys.prefix.newsEdit)).map((row) => stripKeys<NewsEditItem>(row));
    return { item: stripKeys<NewsItem>(meta), history };
  }

  /**
   * AP42: writes the editable fields of `next` and its history entry if the stored version is
   * still `next.version - 1`; false if someone saved in between. An UpdateItem, not a Put, so
   * the read count (AP47) is never overwritten by an edit.
   */
  async save(next: NewsItem, edit: NewsEditItem): Promise<boolean> {
    const names: Record<string, string> = { '#version': 'version', '#updatedAt': 'updatedAt' };
    const values: Record<string, unknown> = { ':version': next.version, ':expected': next.version - 1, ':updatedAt': next.updatedAt };
    const sets = ['#version = :version', '#updatedAt = :updatedAt'];
    const index = this.indexKeys(next);
    for (const [field, value] of [...EDITABLE_FIELDS.map((f) => [f, next[f]] as const), ...Object.entries(index)]) {
      names[`#${field}`] = field;
      values[`:${field}`] = value;
      sets.push(`#${field} = :${field}`);
    }
    const removes = isListed(next) ? '' : ' REMOVE gsi1pk, gsi1sk';
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.tableName,
                Key: keys.news(next.id),
                UpdateExpression: `SET ${sets.join(', ')}${removes}`,
                ConditionExpression: '#version = :expected',
                ExpressionAttributeNames: names,
                ExpressionAttributeValues: values,
              },
            },
            this.editPut(edit),
          ],
        }),
      );
      return true;
    } catch (error) {
      if (isCancelledBy(error, 'ConditionalCheckFailed') || isCancelledBy(error, 'TransactionConflict')) return false;
      throw error;
    }
  }

  /**
   * AP43: one group's visible items below `before` (a sort key; null = from the top), newest
   * first with pinned ones on top. Keyset, not offset: items published while a reader pages
   * sort above the page they are on, so later pages neither repeat nor skip anything.
   * Scheduled items sit in the index already and are filtered by time here, at read time.
   */
  async feedPage(groupId: string, before: string | null, limit: number, now: string): Promise<NewsPageSlice> {
    const found: NewsPageSlice['items'] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: 'gsi1',
          KeyConditionExpression: before ? 'gsi1pk = :pk AND gsi1sk < :before' : 'gsi1pk = :pk',
          FilterExpression: 'publishAt <= :now',
          ExpressionAttributeValues: { ':pk': keys.newsFeedPartition(groupId), ':now': now, ...(before ? { ':before': before } : {}) },
          ScanIndexForward: false,
          // One more than asked: it tells whether another page exists.
          Limit: limit + 1,
          ExclusiveStartKey: startKey,
        }),
      );
      for (const raw of page.Items ?? []) found.push({ item: stripKeys<NewsItem>(raw), sortKey: String(raw.gsi1sk) });
      startKey = page.LastEvaluatedKey;
    } while (startKey && found.length <= limit);
    return { items: found.slice(0, limit), more: found.length > limit };
  }

  /** AP45: a group's items in every status, most recently changed first. */
  async adminPage(groupId: string, before: string | null, limit: number): Promise<NewsPageSlice> {
    const page = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'gsi2',
        KeyConditionExpression: before ? 'gsi2pk = :pk AND gsi2sk < :before' : 'gsi2pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.newsAdminPartition(groupId), ...(before ? { ':before': before } : {}) },
        ScanIndexForward: false,
        Limit: limit + 1,
      }),
    );
    const items = (page.Items ?? []).map((raw) => ({ item: stripKeys<NewsItem>(raw), sortKey: String(raw.gsi2sk) }));
    return { items: items.slice(0, limit), more: items.length > limit };
  }

  /** AP46: every saved version's history entry, oldest first. */
  async history(newsId: string): Promise<NewsEditItem[]> {
    const items = await queryAll<Record<string, unknown>>(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :edit)',
      ExpressionAttributeValues: { ':pk': keys.newsPartition(newsId).pk, ':edit': keys.prefix.newsEdit },
    });
    return items.map((item) => stripKeys<NewsEditItem>(item));
  }

  /**
   * AP47: counts a reader once. The marker (only if absent) and +1 on the item are one
   * transaction, so the count is exactly the number of markers, whatever runs concurrently.
   * True if this call counted the reader.
   */
  async recordRead(userKey: string, newsId: string, at: string): Promise<boolean> {
    try {
      await retryOnConflict(() =>
        this.db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: this.tableName,
                  Item: { ...keys.newsRead(userKey, newsId), kind: 'news-read', readAt: at },
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
              {
                Update: {
                  TableName: this.tableName,
                  Key: keys.news(newsId),
                  UpdateExpression: 'ADD readCount :one',
                  ConditionExpression: 'attribute_exists(pk)',
                  ExpressionAttributeValues: { ':one': 1 },
                },
              },
            ],
          }),
        ),
      );
      return true;
    } catch (error) {
      if (isCancelledBy(error, 'ConditionalCheckFailed')) return false;
      throw error;
    }
  }

  /** AP48: which of these items the reader has opened (one BatchGetItem per 100). */
  async readSet(userKey: string, newsIds: string[]): Promise<Set<string>> {
    const items = await batchGet(
      this.db,
      this.tableName,
      newsIds.map((id) => keys.newsRead(userKey, id)),
      { projection: 'sk', consistent: false },
    );
    return new Set(items.map((item) => String(item.sk).slice(keys.prefix.newsRead.length)));
  }

  /** AP49: one more one-time consent to be told about the group's next item. */
  async putSubscription(subscription: NewsSubscriptionItem): Promise<void> {
    const { userKey, groupId, id, createdAt } = subscription;
    await this.db.send(
      new PutCommand({ TableName: this.tableName, Item: { ...keys.newsSubscription(userKey, groupId, id, createdAt), ...subscription } }),
    );
  }

  /** AP49: a user's outstanding consents for one group. */
  async countSubscriptions(userKey: string, groupId: string): Promise<number> {
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sub)',
      ExpressionAttributeValues: { ':pk': keys.userNewsPartition(userKey).pk, ':sub': keys.prefix.newsSubscription(groupId) },
      ProjectionExpression: 'sk',
    });
    return items.length;
  }

  /**
   * AP50: takes the group's consents, oldest first, at most one per user. Each is deleted
   * with a condition before it is used, so of two concurrent senders only one gets it: a
   * one-time consent is consumed exactly once.
   */
  async takeSubscriptions(groupId: string): Promise<NewsSubscriptionItem[]> {
    const all = await queryAll<Record<string, unknown>>(this.db, {
      TableName: this.tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.newsSubscriptionPartition(groupId) },
    });
    const taken: NewsSubscriptionItem[] = [];
    const users = new Set<string>();
    for (const raw of all) {
      const subscription = stripKeys<NewsSubscriptionItem>(raw);
      if (users.has(subscription.userKey)) continue;
      const { Attributes } = await this.db
        .send(
          new DeleteCommand({
            TableName: this.tableName,
            Key: { pk: raw.pk, sk: raw.sk },
            ConditionExpression: 'attribute_exists(pk)',
            ReturnValues: 'ALL_OLD',
          }),
        )
        .catch((error: Error) => {
          if (error.name === 'ConditionalCheckFailedException') return { Attributes: undefined };
          throw error;
        });
      if (!Attributes) continue;
      users.add(subscription.userKey);
      taken.push(subscription);
    }
    return taken;
  }

  /** AP51: a user's read markers and consents, for DELETE /api/me. Returns how many went. */
  async deleteUserData(userKey: string): Promise<number> {
    const items = await queryAll<{ pk: string; sk: string }>(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.userNewsPartition(userKey).pk },
      ProjectionExpression: 'pk, sk',
    });
    await batchWrite(
      this.db,
      this.tableName,
      items.map((i) => ({ DeleteRequest: { Key: { pk: i.pk, sk: i.sk } } })),
    );
    return items.length;
  }
}

import { DeleteCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { batchWrite } from '../../db/batch-write';
import { wroteIf } from '../../db/conditional';
import { keys } from '../../db/keys';
import { queryAll } from '../../db/query';
import type { GrantItem, SchoolBindingItem, SessionItem, TeacherBindingItem, UserItem } from './identity-items';
import { stripKeys } from '../../db/strip-keys';
import { isLive } from './domain/session-liveness';

/** A user's roles, bindings and sessions, all in the USER#<pseudonym> partition (AP11-AP16). */
export class UserRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** AP11: everything tied to one user, in one query. */
  async listItems(userKey: string): Promise<UserItem[]> {
    const items = await queryAll<Record<string, unknown>>(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.userPartition(userKey).pk },
    });
    return items.map((item) => stripKeys<UserItem>(item));
  }

  /**
   * AP124: a live session (as AP12) and the user's items but their other sessions (as AP11),
   * in one query: identifying an HTTP caller reads this, so the request's later look at its
   * caller's grants and bindings (RequestUser.allItems) costs no second read.
   */
  async getSessionWithItems(
    userKey: string,
    sessionId: string,
    nowSeconds: number,
  ): Promise<{ session: SessionItem; items: UserItem[] } | null> {
    const { sk } = keys.session(userKey, sessionId);
    const found = await queryAll<Record<string, unknown>>(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk',
      // Expired sessions linger until TTL removes them: none of the others is this request's business.
      FilterExpression: '#kind <> :session OR sessionId = :id',
      ExpressionAttributeNames: { '#kind': 'kind' },
      ExpressionAttributeValues: { ':pk': keys.userPartition(userKey).pk, ':session': 'session', ':id': sessionId },
      // Consistent, so a request right after a logout (or DELETE /api/me) cannot still find the session.
      ConsistentRead: true,
    });
    const session = found.find((item) => item.sk === sk);
    const live = session && stripKeys<SessionItem>(session);
    if (!isLive(live, nowSeconds)) return null;
    return { session: live, items: found.map((item) => stripKeys<UserItem>(item)) };
  }

  /** AP13 */
  async putSession(userKey: string, session: SessionItem): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: { ...keys.session(userKey, session.sessionId), ...session } }));
  }

  async deleteSession(userKey: string, sessionId: string): Promise<void> {
    await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: keys.session(userKey, sessionId) }));
  }

  /** AP15: idempotent (the same grant twice is one item). */
  async putGrant(userKey: string, grant: GrantItem): Promise<void> {
    await this.db.send(
      new PutCommand({ TableName: this.tableName, Item: { ...keys.grant(userKey, grant.role, grant.scopeType, grant.scopeId), ...grant } }),
    );
  }

  async deleteGrant(userKey: string, grant: Pick<GrantItem, 'role' | 'scopeType' | 'scopeId'>): Promise<boolean> {
    const { pk, sk } = keys.grant(userKey, grant.role, grant.scopeType, grant.scopeId);
    const result = await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: { pk, sk }, ReturnValues: 'ALL_OLD' }));
    return result.Attributes !== undefined;
  }

  /** AP14: every grant (bootstrap CLI `list`). */
  async listAllGrants(): Promise<Array<GrantItem & { userKey: string }>> {
    const items = await queryAll<Record<string, unknown>>(this.db, {
      TableName: this.tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.grantsIndex().gsi1pk },
    });
    return items.map((item) => ({ ...stripKeys<GrantItem>(item), userKey: keys.userKeyOf(String(item.pk)) }));
  }

  /** AP16 */
  async putSchoolBinding(userKey: string, binding: SchoolBindingItem): Promise<void> {
    await this.db.send(
      new PutCommand({ TableName: this.tableName, Item: { ...keys.schoolBinding(userKey, binding.schoolId), ...binding } }),
    );
  }

  async deleteSchoolBinding(userKey: string, schoolId: string): Promise<boolean> {
    const result = await this.db.send(
      new DeleteCommand({ TableName: this.tableName, Key: keys.schoolBinding(userKey, schoolId), ReturnValues: 'ALL_OLD' }),
    );
    return result.Attributes !== undefined;
  }

  /**
   * AP22: removes every item of the user's partition and frees a bound teacher record, so a
   * new invite can bind it again. Returns what was removed, by kind.
   */
  async deleteEverything(userKey: string): Promise<UserItem[]> {
    const items = await queryAll<Record<string, unknown>>(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.userPartition(userKey).pk },
    });
    for (const binding of items.filter((i) => i.kind === 'teacher-binding') as unknown as TeacherBindingItem[]) {
      // Only if it is still bound to this user (an admin may have re-bound it since).
      await wroteIf(
        this.db.send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: keys.teacher(binding.teacherId),
            UpdateExpression: 'REMOVE boundUserKey',
            ConditionExpression: 'boundUserKey = :me',
            ExpressionAttributeValues: { ':me': userKey },
          }),
        ),
      );
    }
    await batchWrite(
      this.db,
      this.tableName,
      items.map((i) => ({ DeleteRequest: { Key: { pk: i.pk, sk: i.sk } } })),
    );
    return items.map((item) => stripKeys<UserItem>(item));
  }
}

import { GetCommand, PutCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { cancellationCodes, wroteIf } from '../../db/conditional';
import { keys } from '../../db/keys';
import { queryAll } from '../../db/query';
import type { GrantItem, InviteItem, TeacherBindingItem, TeacherItem } from './identity-items';
import { stripKeys } from '../../db/strip-keys';

export type RedeemOutcome = 'redeemed' | 'conflict';

/** Teacher records and one-time invite codes (AP17-AP20). */
export class StaffRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** AP17 */
  async putTeacher(teacher: TeacherItem): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...keys.teacher(teacher.id), ...keys.teacherInSchool(teacher.schoolId, teacher.id), ...teacher },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  async getTeacher(teacherId: string): Promise<TeacherItem | null> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.teacher(teacherId) }));
    return Item ? stripKeys<TeacherItem>(Item) : null;
  }

  /** AP18 */
  async listTeachersOfSchool(schoolId: string): Promise<TeacherItem[]> {
    const items = await queryAll<Record<string, unknown>>(this.db, {
      TableName: this.tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.schoolGsiPartition(schoolId), ':prefix': keys.prefix.teacher },
    });
    return items.map((item) => stripKeys<TeacherItem>(item));
  }

  /** AP19 */
  async putInvite(invite: InviteItem): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...keys.invite(invite.id), ...invite },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  async getInvite(inviteId: string): Promise<InviteItem | null> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.invite(inviteId), ConsistentRead: true }));
    return Item ? stripKeys<InviteItem>(Item) : null;
  }

  /** Revokes an active invite; false if it was no longer active. */
  revokeInvite(inviteId: string, at: string): Promise<boolean> {
    return wroteIf(
      this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.invite(inviteId),
          UpdateExpression: 'SET #status = :revoked, revokedAt = :at',
          ConditionExpression: '#status = :active',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':revoked': 'revoked', ':active': 'active', ':at': at },
        }),
      ),
    );
  }

  /**
   * AP20: redeems an invite in one transaction: the invite goes from active to used (only if
   * unexpired), the role is granted, and for a teacher invite the teacher record is bound to
   * this user and the user to the record, each only if not bound yet. Two people redeeming
   * the same code at once: exactly one succeeds. 'conflict' means some condition failed; the
   * caller reads the items again to say which.
   */
  async redeemInvite(args: {
    inviteId: string;
    now: string;
    userKey: string;
    grant: GrantItem;
    teacherBinding?: TeacherBindingItem;
  }): Promise<RedeemOutcome> {
    const { inviteId, now, userKey, grant, teacherBinding } = args;
    const items: unknown[] = [
      {
        Update: {
          TableName: this.tableName,
          Key: keys.invite(inviteId),
          UpdateExpression: 'SET #status = :used, usedAt = :now',
          ConditionExpression: '#status = :active AND expiresAt > :now',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':used': 'used', ':active': 'active', ':now': now },
        },
      },
      { Put: { TableName: this.tableName, Item: { ...keys.grant(userKey, grant.role, grant.scopeType, grant.scopeId), ...grant } } },
    ];
    if (teacherBinding) {
      items.push(
        {
          Update: {
            TableName: this.tableName,
            Key: keys.teacher(teacherBinding.teacherId),
            UpdateExpression: 'SET boundUserKey = :me',
            ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(boundUserKey)',
            ExpressionAttributeValues: { ':me': userKey },
          },
        },
        {
          Put: {
            TableName: this.tableName,
            Item: { ...keys.teacherBinding(userKey, teacherBinding.teacherId), ...teacherBinding },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      );
    }
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: items as never }));
      return 'redeemed';
    } catch (error) {
      if (cancellationCodes(error)) return 'conflict';
      throw error;
    }
  }
}

import {
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { RotationSettingsSchema, type RotationSettings } from '../../../../shared';
import { batchWrite } from '../../db/batch-write';
import { cancellationCodes, wroteIf } from '../../db/conditional';
import { keys } from '../../db/keys';
import { queryAll } from '../../db/query';
import type { EligibleCountItem, ObjectionItem, RotationAssignmentItem, RotationBatchItem } from './rotation-items';
import { stripKeys } from '../../db/strip-keys';

/** BatchWrite streams in parallel: 5,000 assignments must fit one API Gateway request (29 s). */
const WRITE_STREAMS = 4;

/** Rotation batches, assignments, objections, eligible counts and district settings (AP60-AP69). */
export class RotationRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /**
   * AP60: assignments first, the batch item last (only if new): readers reach assignments
   * through the batch, so a batch is never seen half-written, and a failed import leaves only
   * unreachable items.
   */
  async createBatch(batch: RotationBatchItem, assignments: RotationAssignmentItem[]): Promise<void> {
    const requests = assignments.map((a) => ({
      PutRequest: { Item: { ...keys.rotationAssignment(batch.id, a.id, a.fromSchoolId, a.teacherName), ...a } },
    }));
    const chunk = Math.ceil(requests.length / WRITE_STREAMS / 25) * 25 || 25;
    const streams = [];
    for (let start = 0; start < requests.length; start += chunk)
      streams.push(batchWrite(this.db, this.tableName, requests.slice(start, start + chunk)));
    await Promise.all(streams);
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...keys.rotationBatch(batch.id), ...keys.rotationBatchInDistrict(batch.districtId, batch.id), ...batch },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  /** AP61 */
  async getBatch(batchId: string): Promise<RotationBatchItem | null> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: keys.rotationBatch(batchId), ConsistentRead: true }),
    );
    return Item ? stripKeys<RotationBatchItem>(Item) : null;
  }

  /** AP62 */
  async listBatchesOfDistrict(districtId: string): Promise<RotationBatchItem[]> {
    const items = await queryAll<Record<string, unknown>>(this.db, {
      TableName: this.tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.districtPartition(districtId), ':prefix': keys.prefix.rotation },
    });
    return items.map((item) => stripKeys<RotationBatchItem>(item));
  }

  /** AP63 */
  async listAssignments(batchId: string): Promise<RotationAssignmentItem[]> {
    const items = await queryAll<Record<string, unknown>>(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.rotationBatchPartition(batchId).pk, ':prefix': keys.prefix.assignment },
    });
    return items.map((item) => stripKeys<RotationAssignmentItem>(item));
  }

  /** AP64: edit a batch's title and 公示期, only while it is a draft. */
  updateDraft(batchId: string, fields: Pick<RotationBatchItem, 'title' | 'noticeStart' | 'noticeEnd'>): Promise<boolean> {
    return wroteIf(
      this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.rotationBatch(batchId),
          UpdateExpression: 'SET title = :title, noticeStart = :start, noticeEnd = :end',
          ConditionExpression: '#status = :draft',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':title': fields.title, ':start': fields.noticeStart, ':end': fields.noticeEnd, ':draft': 'draft' },
        }),
      ),
    );
  }

  /**
   * AP65: publish a draft; a correction also marks the batch it supersedes, in one
   * transaction, and only if that one is published and not yet superseded.
   */
  async publish(batch: RotationBatchItem, by: string, at: string): Promise<boolean> {
    const own = {
      TableName: this.tableName,
      Key: keys.rotationBatch(batch.id),
      UpdateExpression: 'SET #status = :published, history = list_append(history, :change)',
      ConditionExpression: '#status = :draft',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':published': 'published', ':draft': 'draft', ':change': [{ status: 'published', by, at }] },
    };
    if (!batch.supersedes) return wroteIf(this.db.send(new UpdateCommand(own)));
    const old = {
      TableName: this.tableName,
      Key: keys.rotationBatch(batch.supersedes),
      UpdateExpression: 'SET supersededBy = :id',
      ConditionExpression: '#status = :published AND attribute_type(supersededBy, :null)',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':id': batch.id, ':published': 'published', ':null': 'NULL' },
    };
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: [{ Update: own }, { Update: old }] }));
      return true;
    } catch (error) {
      // Either condition failing cancels the transaction: neither batch was changed.
      if (cancellationCodes(error)) return false;
      throw error;
    }
  }

  /** AP65: withdraw a draft, or a published batch whose 公示期 has not ended (today ≤ noticeEnd). */
  withdraw(batchId: string, today: string, by: string, at: string): Promise<boolean> {
    return wroteIf(
      this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.rotationBatch(batchId),
          UpdateExpression: 'SET #status = :withdrawn, history = list_append(history, :change)',
          ConditionExpression: '#status = :draft OR (#status = :published AND noticeEnd >= :today AND attribute_type(supersededBy, :null))',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':withdrawn': 'withdrawn',
            ':draft': 'draft',
            ':published': 'published',
            ':today': today,
            ':null': 'NULL',
            ':change': [{ status: 'withdrawn', by, at }],
          },
        }),
      ),
    );
  }

  /** AP66: a teacher's assignments in every batch, by sending school and name. */
  async listAssignmentsOfTeacher(schoolId: string, teacherName: string): Promise<RotationAssignmentItem[]> {
    const items = await queryAll<Record<string, unknown>>(this.db, {
      TableName: this.tableName,
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.rotateeIndex(schoolId, teacherName).gsi2pk },
    });
    return items.map((item) => stripKeys<RotationAssignmentItem>(item));
  }

  /** AP67: file an objection. */
  async putObjection(objection: ObjectionItem): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...keys.rotationObjection(objection.batchId, objection.id), ...objection },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  /** AP103: one objection, read by the holder of its receipt (我的异议). */
  async getObjection(batchId: string, objectionId: string): Promise<ObjectionItem | null> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: keys.rotationObjection(batchId, objectionId), ConsistentRead: true }),
    );
    return Item ? stripKeys<ObjectionItem>(Item) : null;
  }

  /** AP67: a batch's objections. */
  async listObjections(batchId: string): Promise<ObjectionItem[]> {
    const items = await queryAll<Record<string, unknown>>(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.rotationBatchPartition(batchId).pk, ':prefix': keys.prefix.objection },
      ConsistentRead: true,
    });
    return items.map((item) => stripKeys<ObjectionItem>(item));
  }

  /** AP67: record a resolution once (false if there is no such objection or it is resolved). */
  resolveObjection(batchId: string, objectionId: string, resolution: string, by: string, at: string): Promise<boolean> {
    return wroteIf(
      this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.rotationObjection(batchId, objectionId),
          UpdateExpression: 'SET resolution = :resolution, resolvedBy = :by, resolvedAt = :at',
          ConditionExpression: 'attribute_exists(pk) AND attribute_type(resolution, :null)',
          ExpressionAttributeValues: { ':resolution': resolution, ':by': by, ':at': at, ':null': 'NULL' },
        }),
      ),
    );
  }

  /** AP68: a school's eligible teachers for a school year (overwrites). */
  async putEligible(districtId: string, item: EligibleCountItem): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...keys.eligibleTeachers(item.schoolId, item.schoolYear, districtId), ...item },
      }),
    );
  }

  /** AP68: every school's eligible count of a district and school year, in one query. */
  async listEligible(districtId: string, schoolYear: string): Promise<EligibleCountItem[]> {
    const items = await queryAll<Record<string, unknown>>(this.db, {
      TableName: this.tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.districtPartition(districtId), ':prefix': keys.prefix.eligible(schoolYear) },
    });
    return items.map((item) => stripKeys<EligibleCountItem>(item));
  }

  /** AP127: has the school an eligible-teacher count of any school year (its own partition, one item read at most)? */
  async hasEligibleCounts(schoolId: string): Promise<boolean> {
    const { Items } = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.school(schoolId).pk, ':prefix': keys.prefix.eligibleOfAnyYear },
        Limit: 1,
      }),
    );
    return (Items?.length ?? 0) > 0;
  }

  /** AP69: a district's thresholds and holidays; the national defaults when none are set. */
  async getSettings(districtId: string): Promise<RotationSettings> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.rotationSettings(districtId) }));
    return RotationSettingsSchema.parse(
      Item
        ? { rotatingPct: Item.rotatingPct, backbonePct: Item.backbonePct, holidays: Item.holidays, makeupWorkdays: Item.makeupWorkdays }
        : {},
    );
  }

  /** AP69 */
  async putSettings(districtId: string, settings: RotationSettings): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...keys.rotationSettings(districtId), kind: 'rotation-settings', districtId, ...settings },
      }),
    );
  }
}

import { GetCommand, PutCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { IndicatorSystem, IndicatorSystemDraft, ManualScore, RoundPublication, TermId } from '../../../../shared';
import { cancellationCodes, wroteIf } from '../../db/conditional';
import { keys } from '../../db/keys';
import { queryAll } from '../../db/query';
import { stripKeys } from '../../db/strip-keys';

export type RoundItem = {
  kind: 'round';
  id: string;
  districtId: string;
  name: string;
  system: IndicatorSystem;
  previousRoundId: string | null;
  status: 'open' | 'locked';
  createdAt: string;
  /**
   * The term whose membership groups the round's schools: the current one at creation, or the
   * one the body names. Absent on rounds made before terms were kept: roundTerm derives it.
   */
  term?: TermId;
  lockedAt?: string;
  lockedBy?: string;
  /** The report as JSON text, frozen at locking: a locked round answers these bytes. */
  lockedReport?: string;
  /** What the district chose to show the public (locked rounds only). */
  publication?: RoundPublication & { at: string; by: string };
};

/** A round as lists show it: without its indicator system and frozen report text. */
export type RoundHead = Omit<RoundItem, 'system' | 'lockedReport'>;
const HEAD_ATTRIBUTES = ['id', 'districtId', '#name', 'previousRoundId', '#status', 'createdAt', 'lockedAt', 'lockedBy', 'publication'];

export type ManualScoreItem = ManualScore & {
  kind: 'manual-score';
  schoolId: string;
  dimensionId: string;
  indicatorId: string;
  enteredAt: string;
};

/** A district's indicator system kept under a name (AP121/AP122). */
export type IndicatorSystemItem = {
  kind: 'indicator-system';
  id: string;
  districtId: string;
  name: string;
  system: IndicatorSystemDraft;
  savedAt: string;
  savedBy: string;
};

/** One score an import writes, with the stored one it replaces (its enteredAt) or none. */
export type ScoreWrite = { score: ManualScoreItem; replaces: string | null };

/** TransactWriteItems takes 100 items: the round's check and 99 scores. */
export const SCORES_PER_IMPORT = 99;

export type ScoresWritten = 'written' | 'round-locked' | 'changed-meanwhile';

/** Evaluation rounds and their manual scores (AP33-AP37, AP120), saved indicator systems (AP121/AP122). */
export class EvaluationRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** AP33 */
  async putRound(round: RoundItem): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...keys.round(round.id), ...keys.roundInDistrict(round.districtId, round.id), ...round },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  /** AP34 */
  async getRound(roundId: string): Promise<RoundItem | null> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.round(roundId), ConsistentRead: true }));
    return Item ? stripKeys<RoundItem>(Item) : null;
  }

  /**
   * AP35: a manual score, only while the round is open (checked in the same transaction).
   * False when that check failed (the round is locked); any other cancellation is thrown.
   */
  async putManualScore(roundId: string, score: ManualScoreItem): Promise<boolean> {
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            this.roundStillOpen(roundId),
            {
              Put: {
                TableName: this.tableName,
                Item: { ...keys.manualScore(roundId, score.schoolId, score.dimensionId, score.indicatorId), ...score },
              },
            },
          ],
        }),
      );
      return true;
    } catch (error) {
      // Only the round's own check (item 0) failing means "locked"; a conflict or throttling is not.
      if (cancellationCodes(error)?.[0] === 'ConditionalCheckFailed') return false;
      throw error;
    }
  }

  /** AP36 */
  async listManualScores(roundId: string): Promise<ManualScoreItem[]> {
    const items = await queryAll<Record<string, unknown>>(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.round(roundId).pk, ':prefix': keys.prefix.score },
      ConsistentRead: true,
    });
    return items.map((item) => stripKeys<ManualScoreItem>(item));
  }

  /**
   * AP38: a district's rounds, heads only: a locked round's report text can be hundreds of KB,
   * and the public group page reads this list on every view.
   */
  async listRoundsOfDistrict(districtId: string): Promise<RoundHead[]> {
    const items = await queryAll<Record<string, unknown>>(this.db, {
      TableName: this.tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)',
      ProjectionExpression: HEAD_ATTRIBUTES.join(', '),
      ExpressionAttributeNames: { '#name': 'name', '#status': 'status' },
      ExpressionAttributeValues: { ':pk': keys.districtPartition(districtId), ':prefix': keys.prefix.round },
    });
    return items.map((item) => ({ kind: 'round', ...stripKeys<Omit<RoundHead, 'kind'>>(item) }));
  }

  /** AP39: publish (or withdraw) a locked round's public view; an open round cannot be published. */
  setPublication(roundId: string, publication: NonNullable<RoundItem['publication']>): Promise<boolean> {
    return wroteIf(
      this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.round(roundId),
          UpdateExpression: 'SET publication = :publication',
          ConditionExpression: '#status = :locked',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':locked': 'locked', ':publication': publication },
        }),
      ),
    );
  }

  /** AP37: lock once, storing the report text. */
  lockRound(roundId: string, report: string, by: string, at: string): Promise<boolean> {
    return wroteIf(
      this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.round(roundId),
          UpdateExpression: 'SET #status = :locked, lockedReport = :report, lockedBy = :by, lockedAt = :at',
          ConditionExpression: '#status = :open',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':locked': 'locked', ':open': 'open', ':report': report, ':by': by, ':at': at },
        }),
      ),
    );
  }

  /**
   * AP120: an import's scores, all or nothing, in one transaction with the round's check (still
   * open). Each score is written only over what the import read: a new one where none is
   * stored, a changed one over the very entry it replaces (its enteredAt), so an entry made
   * meanwhile is never overwritten unseen. At most SCORES_PER_IMPORT.
   */
  async putManualScores(roundId: string, writes: ScoreWrite[]): Promise<ScoresWritten> {
    if (writes.length === 0) return 'written';
    if (writes.length > SCORES_PER_IMPORT) throw new Error(`at most ${SCORES_PER_IMPORT} scores per transaction`);
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            this.roundStillOpen(roundId),
            ...writes.map(({ score, replaces }) => ({
              Put: {
                TableName: this.tableName,
                Item: { ...keys.manualScore(roundId, score.schoolId, score.dimensionId, score.indicatorId), ...score },
                ...(replaces === null
                  ? { ConditionExpression: 'attribute_not_exists(pk)' }
                  : { ConditionExpression: 'enteredAt = :was', ExpressionAttributeValues: { ':was': replaces } }),
              },
            })),
          ],
        }),
      );
      return 'written';
    } catch (error) {
      const codes = cancellationCodes(error);
      if (codes?.[0] === 'ConditionalCheckFailed') return 'round-locked';
      if (codes?.slice(1).includes('ConditionalCheckFailed')) return 'changed-meanwhile';
      throw error;
    }
  }

  /** AP121: a district's indicator system under its name; false when the name is taken (and not `replace`). */
  putIndicatorSystem(item: IndicatorSystemItem, replace: boolean): Promise<boolean> {
    return wroteIf(
      this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...keys.indicatorSystem(item.districtId, item.name), ...item },
          ...(replace ? {} : { ConditionExpression: 'attribute_not_exists(pk)' }),
        }),
      ),
    );
  }

  /** AP122: a district's saved indicator systems (a handful: one partition query). */
  async listIndicatorSystems(districtId: string): Promise<IndicatorSystemItem[]> {
    const items = await queryAll<Record<string, unknown>>(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.districtPartition(districtId), ':prefix': keys.indicatorSystemPrefix },
      ConsistentRead: true,
    });
    return items.map((item) => stripKeys<IndicatorSystemItem>(item));
  }

  /** The transaction item that makes a score write fail once the round is locked. */
  private roundStillOpen(roundId: string) {
    return {
      ConditionCheck: {
        TableName: this.tableName,
        Key: keys.round(roundId),
        ConditionExpression: '#status = :open',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':open': 'open' },
      },
    };
  }
}

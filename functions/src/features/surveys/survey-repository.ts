import { GetCommand, PutCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { batchGet } from '../../db/batch-get';
import { cancellationCodes, retryOnConflict, wroteIf } from '../../db/conditional';
import { keys } from '../../db/keys';
import { queryAll } from '../../db/query';
import { stripKeys } from '../../db/strip-keys';
import { inFlight } from '../../in-flight';
import type { SchoolItem } from '../catalog/catalog-items';
import type { SchoolBindingItem, SessionItem } from '../identity/identity-items';
import type { PublicationItem, ResponseItem, SurveyItem, SurveySettingsItem } from './survey-items';

/** counts.get(schoolId).get(counterName) */
export type CounterTable = Map<string, Map<string, number>>;

/** Surveys, one-per-user markers, responses, sharded counters, the published snapshot and district settings (AP23-AP32, AP52-AP54). */
export class SurveyRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** AP23 */
  async putSurvey(survey: SurveyItem): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...keys.survey(survey.id), ...keys.surveyInDistrict(survey.districtId, survey.id), ...survey },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  /** AP24 */
  async getSurvey(surveyId: string): Promise<SurveyItem | null> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.survey(surveyId) }));
    return Item ? stripKeys<SurveyItem>(Item) : null;
  }

  /**
   * AP125: everything an answer is checked against before its transaction, in one consistent
   * BatchGetItem of known keys: the survey (an ended survey is seen ended at once), the school
   * the answer names, the caller's session (for an HTTP caller) and their binding to that school,
   * their vote marker, and the catalogue's current version (AP70; what a cached membership of
   * the school is checked against). Null or false for what does not exist.
   */
  async readForAnswer(wanted: AnswerReadKeys): Promise<AnswerReads> {
    const keyOf = {
      survey: keys.survey(wanted.surveyId),
      school: keys.school(wanted.schoolId),
      session: wanted.sessionId === null ? null : keys.session(wanted.userKey, wanted.sessionId),
      binding: keys.schoolBinding(wanted.userKey, wanted.schoolId),
      marker: keys.vote(wanted.marker),
      catalog: keys.catalogSnapshot(),
    };
    const items = await this.batchGet(Object.values(keyOf).filter((key) => key !== null));
    const found = <T>(key: { pk: string; sk: string } | null): T | null => {
      const item = key && items.find((i) => i.pk === key.pk && i.sk === key.sk);
      return item ? stripKeys<T>(item) : null;
    };
    const catalog = found<{ name: string; publishedAt: number }>(keyOf.catalog);
    return {
      survey: found<SurveyItem>(keyOf.survey),
      school: found<SchoolItem>(keyOf.school),
      session: found<SessionItem>(keyOf.session),
      binding: found<SchoolBindingItem>(keyOf.binding),
      answered: found(keyOf.marker) !== null,
      catalogVersion: catalog && `${catalog.name}@${catalog.publishedAt}`,
    };
  }

  /** AP53: a district's survey settings; null while the defaults hold. */
  async getSettings(districtId: string): Promise<SurveySettingsItem | null> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: keys.surveySettings(districtId), ConsistentRead: true }),
    );
    return Item ? stripKeys<SurveySettingsItem>(Item) : null;
  }

  /** AP53 */
  async putSettings(settings: SurveySettingsItem): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: { ...keys.surveySettings(settings.districtId), ...settings } }));
  }

  /** AP25 */
  async listSurveysOfDistrict(districtId: string): Promise<SurveyItem[]> {
    const items = await queryAll<Record<string, unknown>>(this.db, {
      TableName: this.tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.districtPartition(districtId), ':prefix': keys.prefix.survey },
    });
    return items.map((item) => stripKeys<SurveyItem>(item));
  }

  /**
   * AP26: one transaction: the voter marker (only if absent), the response, and +1 on each
   * counter of the chosen shard. A second submission by the same person fails the marker's
   * condition and changes nothing at all. Returns false for that case.
   */
  async submit(args: { marker: string; response: ResponseItem; responseId: string; shard: number; counters: string[] }): Promise<boolean> {
    const { marker, response, responseId, shard, counters } = args;
    const items: unknown[] = [
      { Put: { TableName: this.tableName, Item: { ...keys.vote(marker), kind: 'vote' }, ConditionExpression: 'attribute_not_exists(pk)' } },
      { Put: { TableName: this.tableName, Item: { ...keys.response(response.surveyId, shard, responseId), ...response } } },
      ...counters.map((name) => ({
        Update: {
          TableName: this.tableName,
          Key: keys.counter(response.surveyId, shard, response.schoolId, name),
          UpdateExpression: 'ADD #count :one',
          ExpressionAttributeNames: { '#count': 'count' },
          ExpressionAttributeValues: { ':one': 1 },
        },
      })),
    ];
    try {
      // Two submissions by one person in flight together cancel each other on the marker
      // (TransactionConflict); sent again, the loser finds the winner's marker and fails its condition.
      await retryOnConflict(() => this.db.send(new TransactWriteCommand({ TransactItems: items as never })));
      return true;
    } catch (error) {
      // The marker is the first item: only its condition failing means "already answered".
      if (cancellationCodes(error)?.[0] === 'ConditionalCheckFailed') return false;
      throw error;
    }
  }

  /** AP27: did this marker vote? */
  async hasVoted(marker: string): Promise<boolean> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.vote(marker), ConsistentRead: true }));
    return Item !== undefined;
  }

  /**
   * AP27 for many surveys at once: which of these markers voted. One consistent BatchGetItem
   * per 100 keys, unprocessed keys retried with back-off (DynamoDB returns them when throttled).
   */
  async votedAmong(markers: string[]): Promise<Set<string>> {
    const markerOf = new Map(markers.map((marker) => [keys.vote(marker).pk, marker]));
    const items = await this.batchGet(
      [...markerOf.values()].map((marker) => keys.vote(marker)),
      'pk',
    );
    return new Set(items.map((item) => markerOf.get(String(item.pk))!));
  }

  /** AP28: all counters, summed over the shards: N queries whatever the number of responses. */
  async readCounters(surveyId: string, shards: number): Promise<CounterTable> {
    const pages = await Promise.all(
      Array.from({ length: shards }, (_, shard) =>
        queryAll<{ sk: string; count: number }>(this.db, {
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': keys.counterShard(surveyId, shard).pk },
          ConsistentRead: true,
        }),
      ),
    );
    const table: CounterTable = new Map();
    for (const item of pages.flat()) {
      const split = item.sk.indexOf('#');
      const schoolId = item.sk.slice(0, split);
      const name = item.sk.slice(split + 1);
      const school = table.get(schoolId) ?? new Map<string, number>();
      school.set(name, (school.get(name) ?? 0) + item.count);
      table.set(schoolId, school);
    }
    return table;
  }

  /** AP29: every stored response (export, recount). */
  async listResponses(surveyId: string, shards: number): Promise<ResponseItem[]> {
    return (await this.listResponsesWithRefs(surveyId, shards)).map(({ shard: _shard, responseId: _id, ...response }) => response);
  }

  /** AP29 with each response's place, for moderation (shard from the partition, id = sort key). */
  async listResponsesWithRefs(surveyId: string, shards: number): Promise<Array<ResponseItem & { shard: number; responseId: string }>> {
    const pages = await Promise.all(
      Array.from({ length: shards }, async (_, shard) =>
        (
          await queryAll<Record<string, unknown>>(this.db, {
            TableName: this.tableName,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': keys.responseShard(surveyId, shard).pk },
            ConsistentRead: true,
          })
        ).map((item) => ({ ...stripKeys<ResponseItem>(item), shard, responseId: String(item.sk) })),
      ),
    );
    return pages.flat();
  }

  /** AP31: make one held text visible (an admin approved it). False if it is not held. */
  approveText(surveyId: string, shard: number, responseId: string, index: number): Promise<boolean> {
    return wroteIf(
      this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.response(surveyId, shard, responseId),
          UpdateExpression: `SET texts[${index}].#status = :visible`,
          ConditionExpression: `texts[${index}].#status = :held`,
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':visible': 'visible', ':held': 'held' },
        }),
      ),
    );
  }

  /**
   * AP126: record that these responses are counted in snapshot `version`, so their texts are
   * published from now on (domain/text-release.ts). A response already released keeps the
   * version that released it; one that does not exist is not created.
   */
  async releaseTexts(surveyId: string, refs: ReadonlyArray<{ shard: number; responseId: string }>, version: number): Promise<void> {
    const release =
      ({ shard, responseId }: { shard: number; responseId: string }) =>
      () =>
        wroteIf(
          this.db.send(
            new UpdateCommand({
              TableName: this.tableName,
              Key: keys.response(surveyId, shard, responseId),
              UpdateExpression: 'SET textsReleasedIn = :version',
              ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(textsReleasedIn)',
              ExpressionAttributeValues: { ':version': version },
            }),
          ),
        );
    // Sixteen in flight: a survey's first read after this shipped may release every response it holds.
    await inFlight(refs.map(release), 16);
  }

  /** AP32: close a survey now (its questions never change; only the end moves earlier). */
  closeSurvey(surveyId: string, at: string): Promise<boolean> {
    return wroteIf(
      this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.survey(surveyId),
          UpdateExpression: 'SET #def.closesAt = :at',
          ConditionExpression: '#def.closesAt > :at AND #def.opensAt <= :at',
          ExpressionAttributeNames: { '#def': 'definition' },
          ExpressionAttributeValues: { ':at': at },
        }),
      ),
    );
  }

  /** AP30: enrolled families of a school (admin-entered), for the response rate. */
  async putEnrollment(schoolId: string, families: number, at: string): Promise<void> {
    await this.db.send(
      new PutCommand({ TableName: this.tableName, Item: { ...keys.enrollment(schoolId), kind: 'enrollment', families, updatedAt: at } }),
    );
  }

  async getEnrollment(schoolId: string): Promise<number | null> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.enrollment(schoolId) }));
    return Item ? Number(Item.families) : null;
  }

  /** AP54: the enrolments of many schools at once (schools never entered are absent from the map). */
  async enrollmentsOf(schoolIds: string[]): Promise<Map<string, { families: number; updatedAt: string }>> {
    const items = await this.batchGet(
      [...new Set(schoolIds)].map((id) => keys.enrollment(id)),
      'pk, families, updatedAt',
    );
    const prefix = keys.enrollment('').pk;
    return new Map(
      items.map((item) => [String(item.pk).slice(prefix.length), { families: Number(item.families), updatedAt: String(item.updatedAt) }]),
    );
  }

  /** AP54 as 在校家庭数 by school, null for a school never entered: one BatchGetItem, not a read per school. */
  async familiesOf(schoolIds: string[]): Promise<Map<string, number | null>> {
    const found = await this.enrollmentsOf(schoolIds);
    return new Map(schoolIds.map((id) => [id, found.get(id)?.families ?? null]));
  }

  /**
   * AP52: the published snapshot and its plan. `replaces` is the version read before planning
   * (0 when none was stored): two readers refreshing at once store one snapshot, and the loser
   * gets false and reads the winner's.
   */
  putPublication(item: PublicationItem, replaces: number): Promise<boolean> {
    return wroteIf(
      this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...keys.surveyPublication(item.surveyId), ...item },
          ConditionExpression: replaces === 0 ? 'attribute_not_exists(pk)' : '#version = :replaces',
          ...(replaces === 0
            ? {}
            : { ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: { ':replaces': replaces } }),
        }),
      ),
    );
  }

  /** AP52: the stored snapshot, or null before the first refresh. */
  async getPublication(surveyId: string): Promise<PublicationItem | null> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: keys.surveyPublication(surveyId), ConsistentRead: true }),
    );
    return Item ? stripKeys<PublicationItem>(Item) : null;
  }

  /** Consistent BatchGetItem of these keys (db/batch-get.ts). */
  private batchGet(all: Record<string, unknown>[], projection?: string): Promise<Record<string, unknown>[]> {
    return batchGet(this.db, this.tableName, all, { projection });
  }

  /**
   * AP115: reject one held text (an admin refused it): it is never published and AP31 can no
   * longer approve it. Rejecting it again succeeds and changes nothing; false when the text is
   * visible or absent.
   */
  rejectText(surveyId: string, shard: number, responseId: string, index: number): Promise<boolean> {
    return wroteIf(
      this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.response(surveyId, shard, responseId),
          UpdateExpression: `SET texts[${index}].#status = :rejected`,
          ConditionExpression: `texts[${index}].#status IN (:held, :rejected)`,
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':held': 'held', ':rejected': 'rejected' },
        }),
      ),
    );
  }
}

/** The keys of AP125: a survey, the school an answer names, and who is answering. */
export interface AnswerReadKeys {
  surveyId: string;
  schoolId: string;
  userKey: string;
  /** The caller's HTTP session; null for a caller without one (WeChat cloud, services). */
  sessionId: string | null;
  marker: string;
}

/** What AP125 found. */
export interface AnswerReads {
  survey: SurveyItem | null;
  school: SchoolItem | null;
  session: SessionItem | null;
  binding: SchoolBindingItem | null;
  /** The caller's vote marker exists: they answered this survey already. */
  answered: boolean;
  /** The current catalogue snapshot (name and time), null on a table none was published for. */
  catalogVersion: string | null;
}

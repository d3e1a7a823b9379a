import { TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { isCancelledBy, retryOnConflict } from '../../../db/conditional';
import { keys } from '../../../db/keys';
import type { CampusItem, GroupItem, MembershipItem, SchoolItem } from '../catalog-items';

/** One item of a TransactWriteItems request, as the document client takes it. */
type TransactItem = Record<string, unknown>;
/** An item with its keys, as catalogItem builds it. */
type Keyed<T> = T & { pk: string; sk: string };

/** DynamoDB's cap on the items of one transaction. */
const MAX_TRANSACTION_ITEMS = 100;

/**
 * What a membership change writes (a PeriodPlan made concrete): periods that end (untilTerm set),
 * periods removed whole, and periods that start (built by catalogItem.membership).
 */
export interface PeriodWrites {
  end: Array<{ period: MembershipItem; untilTerm: string }>;
  remove: MembershipItem[];
  start: Array<Keyed<MembershipItem>>;
}

const NO_PERIOD_WRITES: PeriodWrites = { end: [], remove: [], start: [] };

/**
 * The catalogue admin's writes (AP73-AP83). Every edit of an existing district, group or school
 * is conditional on the version it was made on and bumps it, in the same transaction as the
 * denormalised copies it rewrites; false means the version was stale and nothing was written.
 * Reads stay in CatalogRepository.
 */
export class CatalogWrites {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** AP73: the district's own group types (an attribute of the district item). */
  setGroupTypes(districtId: string, version: number, types: string[]): Promise<boolean> {
    return this.transact([this.bumpMeta(keys.district(districtId), version, { groupTypes: types })]);
  }

  /** AP74: a new school (its id is new, so it is never overwritten). */
  createSchool(school: Keyed<SchoolItem>): Promise<boolean> {
    return this.transact([{ Put: { TableName: this.tableName, Item: school, ConditionExpression: 'attribute_not_exists(pk)' } }]);
  }

  /** AP75: the school item as a whole, and its name and stage on every membership period. */
  updateSchool(school: Keyed<SchoolItem>, version: number, periods: MembershipItem[]): Promise<boolean> {
    return this.transact([
      this.putMeta(school, version),
      ...periods.map((p) => this.updatePeriod(p, { schoolName: school.name, stage: school.stage })),
    ]);
  }

  /** AP76: a school's whole campus list (campuses left out are removed), versioned on the school. */
  setCampuses(schoolId: string, version: number, campuses: Array<Keyed<CampusItem>>, removedIds: string[]): Promise<boolean> {
    return this.transact([
      this.bumpMeta(keys.school(schoolId), version),
      ...campuses.map((Item) => ({ Put: { TableName: this.tableName, Item } })),
      ...removedIds.map((id) => ({ Delete: { TableName: this.tableName, Key: keys.campus(schoolId, id) } })),
    ]);
  }

  /** AP77: marks a school archived and ends its open memberships. */
  archiveSchool(schoolId: string, version: number, archivedAt: string, periods: PeriodWrites): Promise<boolean> {
    return this.transact([this.bumpMeta(keys.school(schoolId), version, { archivedAt }), ...this.periodItems(periods)]);
  }

  /** AP81: marks a group archived and ends its open memberships. */
  archiveGroup(groupId: string, version: number, archivedAt: string, periods: PeriodWrites): Promise<boolean> {
    return this.transact([this.bumpMeta(keys.group(groupId), version, { archivedAt }), ...this.periodItems(periods)]);
  }

  /** AP78: a school with its campuses, memberships and enrolment item. */
  deleteSchool(schoolId: string, version: number, campusIds: string[], periods: MembershipItem[]): Promise<boolean> {
    return this.transact([
      this.deleteMeta(keys.school(schoolId), version),
      ...campusIds.map((id) => ({ Delete: { TableName: this.tableName, Key: keys.campus(schoolId, id) } })),
      ...periods.map((p) => ({ Delete: { TableName: this.tableName, Key: periodKey(p) } })),
      { Delete: { TableName: this.tableName, Key: keys.enrollment(schoolId) } },
    ]);
  }

  /** AP79: a new group and its first members' periods. */
  createGroup(group: Keyed<GroupItem>, periods: Array<Keyed<MembershipItem>>): Promise<boolean> {
    return this.transact([
      { Put: { TableName: this.tableName, Item: group, ConditionExpression: 'attribute_not_exists(pk)' } },
      ...this.periodItems({ ...NO_PERIOD_WRITES, start: periods }),
    ]);
  }

  /** AP80: the group item as a whole, and its name and type on every membership period. */
  updateGroup(group: Keyed<GroupItem>, version: number, periods: MembershipItem[]): Promise<boolean> {
    return this.transact([
      this.putMeta(group, version),
      ...periods.map((p) => this.updatePeriod(p, { groupName: group.name, groupType: group.groupType })),
    ]);
  }

  /** AP82: a group with its membership periods. */
  deleteGroup(groupId: string, version: number, periods: MembershipItem[]): Promise<boolean> {
    return this.transact([
      this.deleteMeta(keys.group(groupId), version),
      ...periods.map((p) => ({ Delete: { TableName: this.tableName, Key: periodKey(p) } })),
    ]);
  }

  /** AP83: a school's move (a membership plan), in one transaction with its version bumped. */
  moveSchool(schoolId: string, version: number, periods: PeriodWrites): Promise<boolean> {
    return this.transact([this.bumpMeta(keys.school(schoolId), version), ...this.periodItems(periods)]);
  }

  /**
   * AP96: whole group or school items, each written only if it is still at `version` (the
   * catalogue import's changed items). false: one was edited meanwhile, and (within the first
   * 100) nothing was written.
   */
  putMetasAt(items: Array<{ item: Record<string, unknown>; version: number }>): Promise<boolean> {
    return this.transact(items.map(({ item, version }) => this.putMeta(item, version)));
  }

  private periodItems(periods: PeriodWrites): TransactItem[] {
    return [
      ...periods.end.map(({ period, untilTerm }) => ({
        Update: {
          TableName: this.tableName,
          Key: periodKey(period),
          UpdateExpression: 'SET untilTerm = :until',
          // A period that already ends was changed by someone else since it was read.
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(untilTerm)',
          ExpressionAttributeValues: { ':until': untilTerm },
        },
      })),
      ...periods.remove.map((p) => ({
        Delete: { TableName: this.tableName, Key: periodKey(p), ConditionExpression: 'attribute_exists(pk)' },
      })),
      ...periods.start.map((Item) => ({ Put: { TableName: this.tableName, Item, ConditionExpression: 'attribute_not_exists(pk)' } })),
    ];
  }

  /** Rewrites copied fields of one period; a period removed meanwhile is not brought back as a stub. */
  private updatePeriod(period: MembershipItem, fields: Record<string, unknown>): TransactItem {
    const names = Object.keys(fields);
    return {
      Update: {
        TableName: this.tableName,
        Key: periodKey(period),
        UpdateExpression: `SET ${names.map((_, i) => `#f${i} = :f${i}`).join(', ')}`,
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: Object.fromEntries(names.map((name, i) => [`#f${i}`, name])),
        ExpressionAttributeValues: Object.fromEntries(names.map((name, i) => [`:f${i}`, fields[name]])),
      },
    };
  }

  private putMeta(item: Record<string, unknown>, version: number): TransactItem {
    const condition = versionCondition(version);
    return { Put: { TableName: this.tableName, Item: { ...item, version: version + 1 }, ...condition } };
  }

  private bumpMeta(key: { pk: string; sk: string }, version: number, fields: Record<string, unknown> = {}): TransactItem {
    const condition = versionCondition(version);
    const names = Object.keys(fields);
    return {
      Update: {
        TableName: this.tableName,
        Key: { pk: key.pk, sk: key.sk },
        UpdateExpression: `SET #version = :next${names.map((_, i) => `, #f${i} = :f${i}`).join('')}`,
        ConditionExpression: condition.ConditionExpression,
        ExpressionAttributeNames: {
          ...condition.ExpressionAttributeNames,
          ...Object.fromEntries(names.map((name, i) => [`#f${i}`, name])),
        },
        ExpressionAttributeValues: {
          ...condition.ExpressionAttributeValues,
          ':next': version + 1,
          ...Object.fromEntries(names.map((name, i) => [`:f${i}`, fields[name]])),
        },
      },
    };
  }

  private deleteMeta(key: { pk: string; sk: string }, version: number): TransactItem {
    return { Delete: { TableName: this.tableName, Key: key, ...versionCondition(version) } };
  }

  /**
   * The first transaction holds the versioned item and as many others as fit (99); the rest
   * follow in further transactions once the first has won. false: the first was refused on a
   * condition (a stale version, or a period changed meanwhile), and nothing was written.
   */
  private async transact(items: TransactItem[]): Promise<boolean> {
    for (let start = 0; start < items.length; start += MAX_TRANSACTION_ITEMS) {
      const chunk = items.slice(start, start + MAX_TRANSACTION_ITEMS);
      try {
        await retryOnConflict(() => this.db.send(new TransactWriteCommand({ TransactItems: chunk as never })));
      } catch (error) {
        if (start === 0 && isCancelledBy(error, 'ConditionalCheckFailed')) return false;
        throw error;
      }
    }
    return true;
  }
}

/** An item written at `version`: never edited (0) has no version attribute, but must exist. */
function versionCondition(version: number) {
  return version === 0
    ? {
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#version)',
        ExpressionAttributeNames: { '#version': 'version' },
      }
    : {
        ConditionExpression: '#version = :version',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':version': version },
      };
}

const periodKey = (p: MembershipItem) => {
  const { pk, sk } = keys.membership(p.groupId, p.schoolId, p.districtId, p.fromTerm);
  return { pk, sk };
};

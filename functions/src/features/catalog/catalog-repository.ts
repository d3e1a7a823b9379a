import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { wroteIf } from '../../db/conditional';
import { batchWrite } from '../../db/batch-write';
import { keys } from '../../db/keys';
import { queryAll, queryCount } from '../../db/query';
import type { CampusItem, DistrictItem, GroupItem, MembershipItem, SchoolItem } from './catalog-items';
import { stripKeys } from '../../db/strip-keys';
import { LocalSnapshotStore } from '../../storage/local-snapshot-store';
import type { SnapshotStore } from '../../storage/snapshot-store';
import { inForce, type TermId } from '../../../../shared';

export type CatalogItem = DistrictItem | GroupItem | SchoolItem | CampusItem | MembershipItem;

/** The current catalogue snapshot: the object to load, and when it was published (ms, increasing). */
export interface SnapshotVersion {
  name: string;
  publishedAt: number;
  schools: number;
}

/**
 * Districts, groups, schools, campuses and memberships (access patterns 1-10), and which
 * catalogue snapshot is current (AP70, AP71) with the store its objects are in.
 */
export class CatalogRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    /** Tests and scripts that name none write local files, as the local server reads them. */
    readonly snapshots: SnapshotStore = new LocalSnapshotStore(`.data/catalog-snapshots/${tableName}`),
  ) {}

  /** AP1 */
  async listDistricts(): Promise<DistrictItem[]> {
    const items = await queryAll<Record<string, unknown>>(this.db, {
      TableName: this.tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.districtList().gsi1pk },
    });
    return items.map((item) => stripKeys<DistrictItem>(item));
  }

  /** AP2 */
  async getDistrict(districtId: string): Promise<DistrictItem | null> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.district(districtId) }));
    return Item ? stripKeys<DistrictItem>(Item) : null;
  }

  /** AP3 */
  listGroupsOfDistrict(districtId: string): Promise<GroupItem[]> {
    return this.queryDistrictPartition<GroupItem>(districtId, keys.prefix.group);
  }

  /**
   * AP4, AP85: the group item and its memberships in force at `term`, in one query. The caller
   * names the term: the current one (currentTerm) for pages and scopes, a survey's or a round's
   * own for its numbers.
   */
  async getGroupWithMembers(groupId: string, term: TermId): Promise<{ group: GroupItem; members: MembershipItem[] } | null> {
    const found = await this.readGroup(groupId);
    return found && { group: found.group, members: atTerm(found.members, term) };
  }

  /** AP5: the school item and its campuses in one query. */
  async getSchoolWithCampuses(schoolId: string): Promise<{ school: SchoolItem; campuses: CampusItem[] } | null> {
    const found = await this.readPartition<SchoolItem, CampusItem>(keys.schoolPartition(schoolId).pk, keys.prefix.campus);
    return found && { school: found.meta, campuses: found.children };
  }

  /** AP6, AP86: the school's memberships in force at `term`. */
  async listGroupsOfSchool(schoolId: string, term: TermId): Promise<MembershipItem[]> {
    return atTerm(await this.readPeriodsOfSchool(schoolId), term);
  }

  private async readPeriodsOfSchool(schoolId: string): Promise<MembershipItem[]> {
    const items = await queryAll<Record<string, unknown>>(this.db, {
      TableName: this.tableName,
      IndexName: 'gsi1',
      // The school's gsi1 partition also holds its teachers (AP18).
      KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.schoolGsiPartition(schoolId), ':prefix': keys.prefix.group },
    });
    return items.map((item) => stripKeys<MembershipItem>(item));
  }

  /** AP7 */
  listSchoolsOfDistrict(districtId: string): Promise<SchoolItem[]> {
    return this.queryDistrictPartition<SchoolItem>(districtId, keys.prefix.school);
  }

  /** AP8, AP87: the district's memberships in force at `term`. */
  async listMembershipsOfDistrict(districtId: string, term: TermId): Promise<MembershipItem[]> {
    return atTerm(await this.readPeriodsOfDistrict(districtId), term);
  }

  private async readPeriodsOfDistrict(districtId: string): Promise<MembershipItem[]> {
    const items = await queryAll<Record<string, unknown>>(this.db, {
      TableName: this.tableName,
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk AND begins_with(gsi2sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.districtPartition(districtId), ':prefix': keys.prefix.member },
    });
    return items.map((item) => stripKeys<MembershipItem>(item));
  }

  /**
   * Every dated membership period of a school, of a group and of a district, in force or not:
   * what a writer reads before it changes memberships (AP6, AP4 and AP8 without a term).
   */
  allPeriodsOfSchool(schoolId: string): Promise<MembershipItem[]> {
    return this.readPeriodsOfSchool(schoolId);
  }

  async allPeriodsOfGroup(groupId: string): Promise<MembershipItem[]> {
    return (await this.readGroup(groupId))?.members ?? [];
  }

  /** AP4 without a term: the group item with every period of its members (null if no group). */
  getGroupWithAllPeriods(groupId: string): Promise<{ group: GroupItem; members: MembershipItem[] } | null> {
    return this.readGroup(groupId);
  }

  allPeriodsOfDistrict(districtId: string): Promise<MembershipItem[]> {
    return this.readPeriodsOfDistrict(districtId);
  }

  /**
   * AP9, AP88: counts come from the index, so no stored counter can drift. Archived groups and
   * schools are kept for their history but no longer counted (the filter runs before COUNT).
   */
  async countDistrict(districtId: string): Promise<{ groups: number; schools: number }> {
    const count = (prefix: string) =>
      queryCount(this.db, {
        TableName: this.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)',
        FilterExpression: 'attribute_not_exists(archivedAt)',
        ExpressionAttributeValues: { ':pk': keys.districtPartition(districtId), ':prefix': prefix },
      });
    const [groups, schools] = await Promise.all([count(keys.prefix.group), count(keys.prefix.school)]);
    return { groups, schools };
  }

  /** AP10: idempotent upsert in batches of 25 (same keys overwrite, nothing is duplicated). */
  putItems(items: Array<Record<string, unknown>>, onProgress?: (written: number, total: number) => void): Promise<void> {
    return batchWrite(
      this.db,
      this.tableName,
      items.map((Item) => ({ PutRequest: { Item } })),
      onProgress,
    );
  }

  /** AP70: the current snapshot's version, null on a table no snapshot was published for. */
  async getSnapshotVersion(): Promise<SnapshotVersion | null> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.catalogSnapshot(), ConsistentRead: true }));
    return Item ? { name: String(Item.name), publishedAt: Number(Item.publishedAt), schools: Number(Item.schools) } : null;
  }

  /**
   * AP71: makes a published snapshot current, unless a later one already is (two writers
   * publishing at once leave the later one current). false if it was not made current.
   */
  putSnapshotVersion(version: SnapshotVersion): Promise<boolean> {
    return wroteIf(
      this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...keys.catalogSnapshot(), kind: 'catalog-snapshot', ...version },
          ConditionExpression: 'attribute_not_exists(pk) OR publishedAt < :at',
          ExpressionAttributeValues: { ':at': version.publishedAt },
        }),
      ),
    );
  }

  private async readGroup(groupId: string): Promise<{ group: GroupItem; members: MembershipItem[] } | null> {
    const found = await this.readPartition<GroupItem, MembershipItem>(keys.groupPartition(groupId).pk, keys.prefix.member);
    return found && { group: found.meta, members: found.children };
  }

  /** An entity's META item and its child items (sk starting with `childPrefix`); null if no META. */
  private async readPartition<M, C>(pk: string, childPrefix: string): Promise<{ meta: M; children: C[] } | null> {
    const items = await queryAll<Record<string, unknown>>(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': pk },
    });
    const meta = items.find((item) => item.sk === keys.prefix.meta);
    if (!meta) return null;
    const children = items.filter((item) => String(item.sk).startsWith(childPrefix));
    return { meta: stripKeys<M>(meta), children: children.map((c) => stripKeys<C>(c)) };
  }

  private async queryDistrictPartition<T>(districtId: string, prefix: string): Promise<T[]> {
    const items = await queryAll<Record<string, unknown>>(this.db, {
      TableName: this.tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.districtPartition(districtId), ':prefix': prefix },
    });
    return items.map((item) => stripKeys<T>(item));
  }
}

const atTerm = (periods: MembershipItem[], term: TermId) => periods.filter((p) => inForce(p, term));

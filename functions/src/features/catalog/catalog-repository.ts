import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { batchWrite } from '../../db/batch-write';
import { keys } from '../../db/keys';
import { queryAll, queryCount } from '../../db/query';
import type { CampusItem, DistrictItem, GroupItem, MembershipItem, SchoolItem } from './catalog-items';
import { stripKeys } from '../../db/strip-keys';

export type CatalogItem = DistrictItem | GroupItem | SchoolItem | CampusItem | MembershipItem;

/** Districts, groups, schools, campuses and memberships (access patterns 1-10). */
export class CatalogRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
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

  /** AP4: the group item and its memberships in one query. */
  async getGroupWithMembers(groupId: string): Promise<{ group: GroupItem; members: MembershipItem[] } | null> {
    const found = await this.readPartition<GroupItem, MembershipItem>(keys.groupPartition(groupId).pk, keys.prefix.member);
    return found && { group: found.meta, members: found.children };
  }

  /** AP5: the school item and its campuses in one query. */
  async getSchoolWithCampuses(schoolId: string): Promise<{ school: SchoolItem; campuses: CampusItem[] } | null> {
    const found = await this.readPartition<SchoolItem, CampusItem>(keys.schoolPartition(schoolId).pk, keys.prefix.campus);
    return found && { school: found.meta, campuses: found.children };
  }

  /** AP6 */
  async listGroupsOfSchool(schoolId: string): Promise<MembershipItem[]> {
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

  /** AP8 */
  async listMembershipsOfDistrict(districtId: string): Promise<MembershipItem[]> {
    const items = await queryAll<Record<string, unknown>>(this.db, {
      TableName: this.tableName,
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk AND begins_with(gsi2sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.districtPartition(districtId), ':prefix': keys.prefix.member },
    });
    return items.map((item) => stripKeys<MembershipItem>(item));
  }

  /** AP9: counts come from the index, so no stored counter can drift. */
  async countDistrict(districtId: string): Promise<{ groups: number; schools: number }> {
    const count = (prefix: string) =>
      queryCount(this.db, {
        TableName: this.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)',
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

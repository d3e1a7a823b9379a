import { NotFoundError } from '../../errors';
import type { Infrastructure } from '../../infrastructure';
import { currentTerm } from '../catalog/current-term';

/** What news needs of a group: its name (lists, notifications), district (placement) and member schools. */
export interface NewsGroup {
  id: string;
  name: string;
  districtId: string;
  memberIds: string[];
}

/**
 * The group reads of the news feature: one Query (AP85) per request that needs the group. A
 * group's news reaches the schools in it this term (notifications, placement).
 */
export class NewsGroups {
  constructor(private readonly infra: Pick<Infrastructure, 'catalog' | 'now'>) {}

  /** The group a route acts on: 404 if it does not exist. */
  async get(groupId: string): Promise<NewsGroup> {
    const group = await this.find(groupId);
    if (!group) throw new NotFoundError('未找到该教育集团');
    return group;
  }

  async find(groupId: string): Promise<NewsGroup | null> {
    const found = await this.infra.catalog.getGroupWithMembers(groupId, currentTerm(this.infra));
    if (!found) return null;
    const { group, members } = found;
    return { id: group.id, name: group.name, districtId: group.districtId, memberIds: members.map((m) => m.schoolId) };
  }

  /** An item's group, which may be gone from the catalogue: its name is then empty and it has no members. */
  async ofItem(item: { groupId: string; districtId: string }): Promise<NewsGroup> {
    return (await this.find(item.groupId)) ?? { id: item.groupId, name: '', districtId: item.districtId, memberIds: [] };
  }
}

export const groupNames = (group: Pick<NewsGroup, 'id' | 'name'>) => new Map([[group.id, group.name]]);

import type { GroupDetail } from '../../../../../shared/index';
import { IdSchema } from '../../../../../shared/index';
import { NotFoundError } from '../../../errors';
import type { RouteSpec } from '../../../http/route-spec';
import { parseOr } from '../../../http/validate';
import { compareByRoleThenName } from '../domain/ordering';

const groupNotFound = () => new NotFoundError('未找到该教育集团');

export const groupRoutes: RouteSpec[] = [
  {
    method: 'GET',
    path: '/api/groups/:id',
    access: { kind: 'public' },
    handler: async (c) => {
      const groupId = parseOr(IdSchema, c.req.param('id'), groupNotFound);
      const found = await c.get('services').catalog.getGroupWithMembers(groupId);
      if (!found) throw groupNotFound();
      const { group, members } = found;
      const lead = members.find((m) => m.schoolId === group.leadSchoolId);
      const body: GroupDetail = {
        id: group.id,
        name: group.name,
        type: group.groupType,
        districtId: group.districtId,
        leadSchool: lead ? { id: lead.schoolId, name: lead.schoolName } : null,
        partners: group.partners ?? [],
        members: members
          .map((m) => ({ schoolId: m.schoolId, name: m.schoolName, role: m.role, stage: m.stage }))
          .sort(compareByRoleThenName),
      };
      return c.json(body);
    },
  },
];

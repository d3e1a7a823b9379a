import type { DistrictList, GroupList } from '../../../../../shared/index';
import { IdSchema } from '../../../../../shared/index';
import { NotFoundError } from '../../../errors';
import type { RouteSpec } from '../../../http/route-spec';
import { parseOr } from '../../../http/validate';
import { byChineseName } from '../domain/ordering';

const districtNotFound = () => new NotFoundError('未找到该区县');

export const districtRoutes: RouteSpec[] = [
  {
    method: 'GET',
    path: '/api/districts',
    access: { kind: 'public' },
    handler: async (c) => {
      const { catalog } = c.get('services');
      const districts = await catalog.listDistricts();
      const items = await Promise.all(
        districts.map(async ({ id, name, city, province, reported }) => {
          const counts = await catalog.countDistrict(id);
          return { id, name, city, province, groupCount: counts.groups, schoolCount: counts.schools, ...(reported ? { reported } : {}) };
        }),
      );
      return c.json({ items: items.sort(byChineseName) } satisfies DistrictList);
    },
  },
  {
    method: 'GET',
    path: '/api/districts/:id/groups',
    access: { kind: 'public' },
    handler: async (c) => {
      const { catalog } = c.get('services');
      const districtId = parseOr(IdSchema, c.req.param('id'), districtNotFound);
      const [district, groups, memberships] = await Promise.all([
        catalog.getDistrict(districtId),
        catalog.listGroupsOfDistrict(districtId),
        catalog.listMembershipsOfDistrict(districtId),
      ]);
      if (!district) throw districtNotFound();
      const memberCount = new Map<string, number>();
      for (const m of memberships) memberCount.set(m.groupId, (memberCount.get(m.groupId) ?? 0) + 1);
      const items = groups
        .map((g) => ({ id: g.id, name: g.name, type: g.groupType, leadSchoolId: g.leadSchoolId, memberCount: memberCount.get(g.id) ?? 0 }))
        .sort(byChineseName);
      return c.json({ items } satisfies GroupList);
    },
  },
];

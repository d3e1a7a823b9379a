import type { SchoolDetail } from '../../../../../shared/index';
import { IdSchema, SchoolSearchQuerySchema, SEARCH_QUERY_MAX } from '../../../../../shared/index';
import { BadQueryError, NotFoundError, ValidationError } from '../../../errors';
import type { RouteSpec } from '../../../http/route-spec';
import { parseOr } from '../../../http/validate';
import { charLength } from '../domain/search/normalize';
import { compareGroupRefs, byChineseName } from '../domain/ordering';
import { toGroupRef } from '../school-directory';

const schoolNotFound = () => new NotFoundError('未找到该学校');

export const schoolRoutes: RouteSpec[] = [
  {
    method: 'GET',
    path: '/api/schools',
    access: { kind: 'public' },
    handler: async (c) => {
      const raw = c.req.query();
      // q is measured in characters (an ideograph is one), which zod's max() on UTF-16 is not.
      if (raw.q !== undefined && (raw.q.trim().length === 0 || charLength(raw.q.trim()) > SEARCH_QUERY_MAX)) {
        throw new BadQueryError();
      }
      const query = parseOr(SchoolSearchQuerySchema, raw, (issues) =>
        issues.some((i) => i.path === 'q') ? new BadQueryError() : new ValidationError('搜索参数不正确', issues),
      );
      const result = await c.get('services').directory.search(query);
      if (result === 'unknown-district') throw new NotFoundError('未找到该区县');
      return c.json(result);
    },
  },
  {
    method: 'GET',
    path: '/api/schools/:id',
    access: { kind: 'public' },
    handler: async (c) => {
      const { catalog } = c.get('services');
      const schoolId = parseOr(IdSchema, c.req.param('id'), schoolNotFound);
      const [found, memberships] = await Promise.all([catalog.getSchoolWithCampuses(schoolId), catalog.listGroupsOfSchool(schoolId)]);
      if (!found) throw schoolNotFound();
      const { school, campuses } = found;
      const body: SchoolDetail = {
        id: school.id,
        name: school.name,
        districtId: school.districtId,
        stage: school.stage,
        aliases: school.aliases ?? [],
        campuses: campuses.map(({ id, name }) => ({ id, name })).sort(byChineseName),
        groups: memberships.map(toGroupRef).sort(compareGroupRefs),
      };
      return c.json(body);
    },
  },
];

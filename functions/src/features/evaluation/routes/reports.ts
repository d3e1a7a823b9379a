import type { Context } from 'hono';
import { ApiError, NotFoundError } from '../../../errors';
import { isAllowed } from '../../identity/domain/authorize';
import type { AppEnv } from '../../../http/app-env';
import type { RouteSpec } from '../../../http/route-spec';
import { evaluationWorkbook } from '../evaluation-export';
import { lockedReportOf, reportOf } from '../evaluation-report';
import { groupReportView, newestFirst, publicGroupEvaluation, roundSummary } from '../evaluation-views';
import { roundDistrict, roundOf } from './round-params';
import { catalogId, pathTarget } from '../../../http/path-targets';

const deps = (c: Context<AppEnv>) => c.get('infra');

async function districtOfGroup(c: Context<AppEnv>, groupId: string): Promise<string> {
  const found = await deps(c).catalog.getGroupWithMembers(groupId);
  if (!found) throw new NotFoundError('未找到该教育集团');
  return found.group.districtId;
}

const locked = <T extends { status: string }>(rounds: T[]) => rounds.filter((r) => r.status === 'locked');

/** Reading rounds: a group's page (its admins and the district's), the XLSX, and the public view. */
export const evaluationReportRoutes: RouteSpec[] = [
  {
    method: 'GET',
    path: '/api/admin/groups/:id/rounds',
    access: { kind: 'roles', roles: ['group_admin', 'district_admin'], target: pathTarget('group') },
    handler: async (c) => {
      // A group sees the district's locked rounds: open ones are the district's working draft.
      const rounds = await deps(c).evaluations.listRoundsOfDistrict(await districtOfGroup(c, c.req.param('id')!));
      return c.json({ items: locked(rounds).sort(newestFirst).map(roundSummary) });
    },
  },
  {
    method: 'GET',
    path: '/api/admin/rounds/:id/groups/:groupId',
    access: { kind: 'roles', roles: ['group_admin', 'district_admin'], target: pathTarget('group', 'groupId') },
    handler: async (c) => {
      const round = await roundOf(c);
      const groupId = c.req.param('groupId')!;
      if ((await districtOfGroup(c, groupId)) !== round.districtId) throw new NotFoundError('该集团不在本轮评价范围内');
      const grants = await c.get('user')!.grants();
      if (round.status === 'open' && !isAllowed(grants, ['district_admin'], { districtId: round.districtId, groupIds: [] }))
        throw new ApiError(403, 'ROUND_NOT_LOCKED', '该轮次尚未锁定，锁定后集团可查看');
      const view = groupReportView(round, await reportOf(deps(c), round), groupId);
      if (!view) throw new NotFoundError('该集团不在本轮评价范围内');
      return c.json(view);
    },
  },
  {
    method: 'GET',
    path: '/api/admin/rounds/:id/export',
    access: { kind: 'roles', roles: ['district_admin'], target: roundDistrict },
    handler: async (c) => {
      const round = await roundOf(c);
      const file = await evaluationWorkbook(await reportOf(deps(c), round));
      return c.body(new Uint8Array(file), 200, {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename="${round.id}.xlsx"`,
      });
    },
  },
  {
    method: 'GET',
    path: '/api/groups/:id/evaluation',
    access: { kind: 'public' },
    handler: async (c) => {
      const groupId = catalogId(c, 'group');
      const rounds = await deps(c).evaluations.listRoundsOfDistrict(await districtOfGroup(c, groupId));
      // The latest round the district published; withdrawn or unpublished rounds show nothing.
      const latest = locked(rounds)
        .filter((r) => r.publication?.published)
        .sort((a, b) => (b.lockedAt ?? '').localeCompare(a.lockedAt ?? '') || newestFirst(a, b))[0];
      const report = latest ? await lockedReportOf(deps(c), latest.id) : null;
      const evaluation = latest && report ? publicGroupEvaluation(latest, report, groupId) : null;
      return c.json({ evaluation });
    },
  },
];

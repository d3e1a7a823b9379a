import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { IdSchema } from '../../../../shared';
import { createCore } from '../../../src/core';
import { route, type Reference, type Route } from '../../../src/http/route';
import { createLogger } from '../../../src/log/logger';
import { allRoutes } from '../../../src/routes';
import { StaffService } from '../../../src/features/identity/staff-service';
import { SurveyService } from '../../../src/features/surveys/survey-service';
import { TestClient } from '../../../../tests/support/api-client';
import { createSeededTable, type TestTable } from '../../../../tests/support/dynamo';
import { testImageDir } from '../../../../tests/support/news';
import { importBody, PLACE_META, PLACE_ROWS } from '../../../../tests/support/rotation';
import { templateSurvey } from '../../../../tests/support/surveys';
import { testConfig } from '../../../../tests/support/test-config';
import { createFixtures, SAMPLES, type Caller, type Fixtures, type Sample } from './fuzz-samples';
import { fieldOf, isStaffWrite, routeKey, uncoveredIdFields } from './reference-coverage';

/**
 * Every id a staff write body names, sent from outside the caller's scope, is refused with a
 * 403 or 400 and a code, and nothing is written. The cases are generated from the routes' own
 * `references` (run on a valid body), beside a short list of ids the target or the service
 * checks instead; a body id that none of them covers fails the suite.
 */
type Staff = 'group_admin' | 'district_admin';
type Kind = 'school' | 'group' | 'district' | 'teacher';

const LOGINS: Record<Staff, object> = {
  group_admin: { role: 'group_admin', groupIds: ['jn-jingwu'] },
  district_admin: { role: 'district_admin', districtId: 'jinan-shizhong' },
};
/** Outside each caller's scope: another 市中区 group's for the 经五 admin, 青岛's for the 市中区 admin. */
const FOREIGN: Record<Staff, Record<Exclude<Kind, 'teacher'>, string>> = {
  group_admin: { school: 'jn-yuying-ms', group: 'jn-yuying', district: 'qingdao-shibei' },
  district_admin: { school: 'qd-binhai', group: 'qd-qingda-binhai', district: 'qingdao-shibei' },
};
/** The pipeline's two refusals: the target itself (when the id is the target) or a reference. */
const SCOPE_CODES = ['FORBIDDEN', 'FORBIDDEN_REFERENCE'];

interface Extra {
  foreignTeacher: Record<Staff, string>;
  /** A 青岛 survey and round: what a 市中区 round must not read. */
  foreignSurvey: string;
  foreignRound: string;
}

/** A valid, in-scope request, and who may send it (default: each admin role the route allows). */
interface Variant extends Sample {
  callers?: Staff[];
}

const DRAFT_BODY = {
  title: '范围草稿',
  audience: { groupIds: ['jn-jingwu'], schoolIds: ['jn-jingbalu-ps'], respondents: ['parent'] },
  questions: [],
};

/** Valid bodies beside the fuzz samples, so that every branch of a route's references is produced. */
const VARIANTS: Record<string, Array<(f: Fixtures) => Variant>> = {
  'POST /api/admin/surveys': [
    // One group: the group and its schools are references, the district is bound by the audience rule.
    () => ({
      path: '/api/admin/surveys',
      body: { definition: templateSurvey({ districtId: 'jinan-shizhong', groupIds: ['jn-jingwu'], schoolIds: ['jn-jingbalu-ps'] }) },
    }),
    // District-wide: the district is a reference too.
    () => ({
      path: '/api/admin/surveys',
      body: {
        definition: templateSurvey({ districtId: 'jinan-shizhong', groupIds: ['jn-jingwu', 'jn-yuying'], schoolIds: ['jn-yuying-ms'] }),
      },
      callers: ['district_admin'],
    }),
  ],
  'POST /api/admin/invites': [
    () => ({ path: '/api/admin/invites', body: { target: { role: 'group_admin', groupId: 'jn-jingwu' } }, callers: ['district_admin'] }),
  ],
  'POST /api/admin/rotation/batches/import': [
    () => ({
      path: '/api/admin/rotation/batches/import',
      body: importBody(PLACE_META['own-district'], PLACE_ROWS['own-district']()),
      callers: ['district_admin'],
    }),
  ],
  // Survey drafts (issue 16): an audience naming a group and a school, as the builder saves it.
  'POST /api/admin/districts/:id/survey-drafts': [
    () => ({ path: '/api/admin/districts/jinan-shizhong/survey-drafts', body: DRAFT_BODY, callers: ['district_admin'] }),
  ],
  'POST /api/admin/groups/:id/survey-drafts': [() => ({ path: '/api/admin/groups/jn-jingwu/survey-drafts', body: DRAFT_BODY })],
  'PUT /api/admin/survey-drafts/:id': [
    () => ({ path: '/api/admin/survey-drafts/g.jn-jingwu.scope0000000', body: { ...DRAFT_BODY, version: 1 } }),
  ],
};

/**
 * Body ids no `references` entry names, with the check that refuses them instead. Each is run
 * below like a generated case, on the route's fuzz sample, with the code it must answer.
 */
interface CheckedElsewhere {
  route: string;
  field: string;
  foreign: (caller: Staff, extra: Extra) => string;
  codes: string[];
}
const CHECKED_ELSEWHERE: CheckedElsewhere[] = [
  // The invite's target is the teacher (placed at their school): a foreign teacher fails the target check.
  { route: 'POST /api/admin/invites', field: 'target.teacherId', foreign: (caller, x) => x.foreignTeacher[caller], codes: ['FORBIDDEN'] },
  // The upload's group is the route's target.
  { route: 'POST /api/admin/news-images', field: 'groupId', foreign: (caller) => FOREIGN[caller].group, codes: ['FORBIDDEN'] },
  // The round's district is the route's target.
  { route: 'POST /api/admin/rounds', field: 'districtId', foreign: () => 'qingdao-shibei', codes: ['FORBIDDEN'] },
  // A round reads its own district's surveys and previous round only (evaluation-errors.ts: a 400, not a scope matter).
  { route: 'POST /api/admin/rounds', field: 'surveyIds', foreign: (_, x) => x.foreignSurvey, codes: ['SURVEY_NOT_IN_DISTRICT'] },
  {
    route: 'POST /api/admin/rounds',
    field: 'system.dimensions.indicators.source.surveyIds',
    foreign: (_, x) => x.foreignSurvey,
    codes: ['SURVEY_NOT_IN_DISTRICT'],
  },
  {
    route: 'POST /api/admin/rounds',
    field: 'previousRoundId',
    foreign: (_, x) => x.foreignRound,
    codes: ['PREVIOUS_ROUND_NOT_IN_DISTRICT'],
  },
  // A news item names its group's member schools only (news-service content()), narrower than any scope.
  {
    route: 'POST /api/admin/groups/:id/news',
    field: 'schoolIds',
    foreign: (caller) => FOREIGN[caller].school,
    codes: ['VALIDATION_FAILED'],
  },
  { route: 'PUT /api/admin/news/:id', field: 'schoolIds', foreign: (caller) => FOREIGN[caller].school, codes: ['VALIDATION_FAILED'] },
  // A group batch's district is not a reference (its group is): the import binds it to the group.
  {
    route: 'POST /api/admin/rotation/batches/import',
    field: 'meta.districtId',
    foreign: () => 'qingdao-shibei',
    codes: ['GROUP_NOT_IN_DISTRICT'],
  },
];

/**
 * Body fields named like ids that name no catalogue entity, so no scope can hold them. Each
 * is refused by the service when unknown, as the test named says.
 */
const EXEMPT: Record<string, string> = {
  // A built-in template's name ('jinan-shizhong' | 'haidian'), an enum: evaluation/round-input.test.ts.
  'POST /api/admin/rounds templateId': 'names a built-in indicator template, not a place',
  // Names inside the round's own system: 400 NOT_MANUAL_INDICATOR (evaluation/round-scores.test.ts).
  'PUT /api/admin/rounds/:id/scores dimensionId': "a dimension of the round's own indicator system",
  'PUT /api/admin/rounds/:id/scores indicatorId': "an indicator of the round's own indicator system",
};

interface Case {
  spec: Route;
  route: string;
  caller: Staff;
  sample: Variant;
  /** Where the foreign id goes: a concrete path (from references) or a field to find in the body. */
  path: string;
  value: string;
  codes: string[];
}

/** The path params a sample's path fills, by the route's pattern. */
function paramsOf(pattern: string, path: string): Record<string, string> {
  const actual = path.split('?')[0].split('/');
  return Object.fromEntries(
    pattern
      .split('/')
      .map((segment, i) => [segment, actual[i]] as const)
      .filter(([segment]) => segment.startsWith(':'))
      .map(([segment, value]) => [segment.slice(1), decodeURIComponent(value)]),
  );
}

/**
 * Puts `value` at the first place in `body` where `field` resolves (array indices may be left
 * out: the first element holding the rest is used; an array of ids gets the value first).
 * Answers the concrete path, or null if the body has no such place.
 */
function putAt(body: unknown, field: string, value: string): string | null {
  const place = (node: any, segments: string[], at: string[]): string[] | null => {
    if (Array.isArray(node)) {
      if (segments.length === 0) {
        node[0] = value;
        return [...at, '0'];
      }
      if (/^\d+$/.test(segments[0])) {
        if (segments.length > 1) return place(node[Number(segments[0])], segments.slice(1), [...at, segments[0]]);
        node[Number(segments[0])] = value;
        return [...at, segments[0]];
      }
      for (let i = 0; i < node.length; i++) {
        const found = place(node[i], segments, [...at, String(i)]);
        if (found) return found;
      }
      return null;
    }
    if (typeof node !== 'object' || node === null || !(segments[0] in node)) return null;
    const [key, ...rest] = segments;
    if (rest.length === 0 && !Array.isArray(node[key])) {
      node[key] = value;
      return [...at, key];
    }
    return place(node[key], rest, [...at, key]);
  };
  return place(body, field.split('.'), [])?.join('.') ?? null;
}

function foreignFor(target: Reference['target'], caller: Staff, extra: Extra): string {
  switch (target.type) {
    case 'teacher':
      return extra.foreignTeacher[caller];
    case 'district-of-group':
    case 'loaded-group':
      return FOREIGN[caller].group;
    default:
      return FOREIGN[caller][target.type];
  }
}

const parsedBody = (spec: Route, sample: Sample): unknown => {
  const schema = spec.body && 'schema' in spec.body ? spec.body.schema : spec.body;
  return schema ? schema.parse(sample.body) : undefined;
};

const staffCallers = (spec: Route, variant: Variant): Staff[] =>
  (variant.callers ?? (['group_admin', 'district_admin'] as Staff[])).filter(
    (caller) => spec.access.kind === 'roles' && spec.access.roles.includes(caller),
  );

describe('ids from outside the caller’s scope in staff write bodies', () => {
  let table: TestTable;
  let core: ReturnType<typeof createCore>;
  let routes: Route[];
  let fixtures: Fixtures;
  let extra: Extra;
  const images = testImageDir();

  const login = async (caller: Caller) => {
    const client = new TestClient(core.app);
    if (caller !== 'anonymous') await client.devLogin(caller in LOGINS ? LOGINS[caller as Staff] : { role: caller });
    return client;
  };

  /** Everything in the table but the rate-limit buckets (a refused write may still spend a token). */
  async function snapshot(): Promise<string[]> {
    const items: string[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await table.db.send(new ScanCommand({ TableName: table.tableName, ExclusiveStartKey: start }));
      for (const item of page.Items ?? []) if (!String(item.pk).startsWith('RATE#')) items.push(JSON.stringify(item));
      start = page.LastEvaluatedKey;
    } while (start);
    return items.sort();
  }

  /** The generated cases: each reference a valid body produces, for each caller who may send it. */
  async function referenceCases(spec: Route): Promise<Case[]> {
    const key = routeKey(spec);
    const variants = [...(SAMPLES[key] ? [SAMPLES[key](fixtures)] : []), ...(VARIANTS[key] ?? []).map((v) => v(fixtures))];
    const cases: Case[] = [];
    for (const sample of variants) {
      if (!spec.references) continue;
      const params = paramsOf(spec.path, sample.path);
      const body = parsedBody(spec, sample);
      const subject = spec.load ? await spec.load(core.services, { params, query: undefined, body }, null) : undefined;
      for (const reference of spec.references({ params, query: undefined, body, subject })) {
        for (const caller of staffCallers(spec, sample)) {
          cases.push({
            spec,
            route: key,
            caller,
            sample,
            path: reference.path,
            value: foreignFor(reference.target, caller, extra),
            codes: SCOPE_CODES,
          });
        }
      }
    }
    return cases;
  }

  function elsewhereCases(spec: Route): Case[] {
    const key = routeKey(spec);
    return CHECKED_ELSEWHERE.filter((c) => c.route === key).flatMap((c) => {
      const sample = SAMPLES[key](fixtures);
      return staffCallers(spec, sample).map((caller) => ({
        spec,
        route: key,
        caller,
        sample,
        path: c.field,
        value: c.foreign(caller, extra),
        codes: c.codes,
      }));
    });
  }

  beforeAll(async () => {
    table = await createSeededTable('refscope');
    const config = testConfig(table.tableName, 'local', {
      AUTH_DEV_LOGIN: '1',
      RATE_WRITES_CAPACITY: '100000',
      RATE_INVITES_CAPACITY: '100000',
      NEWS_IMAGE_DIR: images.dir,
    });
    core = createCore(config, { logger: createLogger(undefined, 'silent') });
    routes = allRoutes(config);
    fixtures = await createFixtures(core, login);
    const staff = new StaffService(core.infra);
    const qingdao = new TestClient(core.app);
    await qingdao.devLogin({ role: 'district_admin', districtId: 'qingdao-shibei' });
    const foreignSurvey = (await new SurveyService(core.infra).create(templateSurvey({ districtId: 'qingdao-shibei' }), 'refscope')).id;
    const round = await qingdao.call('POST', '/api/admin/rounds', {
      districtId: 'qingdao-shibei',
      name: '青岛轮次',
      templateId: 'jinan-shizhong',
      surveyIds: [foreignSurvey],
    });
    expect(round.status).toBe(201);
    extra = {
      foreignTeacher: {
        group_admin: (await staff.createTeacher({ name: '育英老师', schoolId: FOREIGN.group_admin.school })).id,
        district_admin: (await staff.createTeacher({ name: '青岛老师', schoolId: FOREIGN.district_admin.school })).id,
      },
      foreignSurvey,
      foreignRound: round.body.id,
    };
  }, 60_000);
  afterAll(() => table.drop());

  it('refuses each one with a 403 or 400 and a code, and writes nothing', async () => {
    // Prepare
    const staffWrites = routes.filter(isStaffWrite);
    const cases: Case[] = [];
    for (const spec of staffWrites) cases.push(...(await referenceCases(spec)), ...elsewhereCases(spec));
    const clients = { group_admin: await login('group_admin'), district_admin: await login('district_admin') };
    const wrong: unknown[] = [];

    for (const c of cases) {
      // The body as the route reads it (defaults filled in), so an id field left out can be filled.
      const body = parsedBody(c.spec, c.sample);
      const at = putAt(body, c.path, c.value);
      if (!at) {
        wrong.push({ route: c.route, path: c.path, problem: 'the sample body has no such place' });
        continue;
      }
      const before = await snapshot();
      // Act
      const answer = await clients[c.caller].call(c.route.split(' ')[0], c.sample.path, body);
      // Assess
      const code = answer.body?.error?.code;
      const wrote = (await snapshot()).join('\n') !== before.join('\n');
      // A 400 that names fields must name this one: else the sample, not the id, was refused.
      const details = answer.body?.error?.details;
      const namesOther = Array.isArray(details) && !details.some((d: { path?: string }) => fieldOf(d.path ?? '') === fieldOf(at));
      if (![400, 403].includes(answer.status) || !c.codes.includes(code) || namesOther || wrote) {
        wrong.push({ route: c.route, caller: c.caller, at, value: c.value, status: answer.status, code, expected: c.codes, wrote });
      }
    }

    expect(wrong).toEqual([]);
    const covered = cases.map((c) => `${c.route} ${fieldOf(c.path)}`);
    expect(uncoveredIdFields(routes, covered, Object.keys(EXEMPT))).toEqual([]);
    // Both kinds of case ran: the generated ones (scope codes) and the service-checked ones.
    expect(cases.some((c) => c.codes === SCOPE_CODES)).toBe(true);
    expect(cases.some((c) => c.codes !== SCOPE_CODES)).toBe(true);
    console.log(
      `reference scope: ${staffWrites.length} staff write routes, ${new Set(cases.map((c) => c.route)).size} with body ids, ` +
        `${cases.length} cases (${cases.filter((c) => c.codes === SCOPE_CODES).length} from references)`,
    );
  }, 120_000);

  it('exempts only fields that exist', () => {
    // An exemption left behind by a renamed field would silently cover nothing.
    const stale = Object.keys(EXEMPT).filter((field) => !uncoveredIdFields(routes, [], []).includes(field));
    expect(stale).toEqual([]);
  });
});

describe('the reference coverage check', () => {
  it('reports a staff write route whose body names an id that no reference or case covers', () => {
    // Prepare: a throw-away route with a school in its body and no `references`.
    const careless = route({
      method: 'POST',
      path: '/api/admin/careless',
      body: z.object({ note: z.string(), target: z.object({ schoolId: IdSchema }) }),
      access: { kind: 'roles', roles: ['district_admin'] },
      target: () => ({ type: 'district', id: 'jinan-shizhong' }),
      // @ts-expect-error a test-only endpoint: the API contract refuses a route it does not list
      handler: (c) => c.json({ ok: true }),
    });
    const routes = [...allRoutes(testConfig('t-unused', 'local', { AUTH_DEV_LOGIN: '1' })), careless];

    // Act
    const uncovered = uncoveredIdFields(routes, [], []);

    // Assess
    expect(uncovered).toContain('POST /api/admin/careless target.schoolId');
    expect(uncovered.filter((field) => field.startsWith('POST /api/admin/careless'))).toEqual(['POST /api/admin/careless target.schoolId']);
  });
});

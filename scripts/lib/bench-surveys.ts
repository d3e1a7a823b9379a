import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startLocalServer } from '../../functions/src/adapters/node-server';
import { readConfig } from '../../functions/src/config';
import { createCore } from '../../functions/src/core';
import { keys } from '../../functions/src/db/keys';
import { ensureTable } from '../../functions/src/db/ensure-table';
import { RequestUser } from '../../functions/src/features/identity/request-user';
import { createLogger } from '../../functions/src/log/logger';
import { loadSeed } from '../../functions/src/features/catalog/seed/load-seed';
import { flatCounters, recount } from '../../functions/src/features/surveys/domain/recount';
import { SurveyService } from '../../functions/src/features/surveys/survey-service';
import { satisfactionAnswers, templateSurvey } from '../../tests/support/surveys';
import { percentile } from './bench-stats';
import { startDynamoDbLocal } from './dynamodb-local';

const ROOT = join(__dirname, '..', '..');
const CONCURRENCY = 16;
const SAMPLE = Number(process.env.BENCH_SUBMISSIONS ?? 400);

async function inParallel<T>(jobs: Array<() => Promise<T>>, concurrency = CONCURRENCY): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < jobs.length) await jobs[next++]();
    }),
  );
}

/**
 * `count` distinct parents signed in (dev login) and bound to `schoolOf(i)`, in parallel; only
 * what comes after is timed. A respondent answers only for a school they are bound to.
 */
async function parentSessions(url: string, prefix: string, count: number, schoolOf: (i: number) => string): Promise<string[]> {
  const tokens: string[] = [];
  await inParallel(
    Array.from({ length: count }, (_, i) => async () => {
      const res = await fetch(`${url}/api/auth/dev`, {
        method: 'POST',
        body: JSON.stringify({ role: 'parent', schoolId: `${prefix}-${i}` }),
      });
      tokens[i] = ((await res.json()) as { token: string }).token;
      const bound = await fetch(`${url}/api/me/schools`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens[i]}`, 'content-type': 'application/json' },
        body: JSON.stringify({ schoolId: schoolOf(i) }),
      });
      if (bound.status !== 200) throw new Error(`binding a bench parent answered ${bound.status}`);
    }),
  );
  return tokens;
}

async function timed(fn: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await fn();
  return (performance.now() - started) / 1000;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Survey submissions per second through the local HTTP API, beside the raw TransactWriteItems
 * rate of the same DynamoDB Local in the same run; then the results read at 1,000 and 10,000
 * responses (it reads the sharded counters, so it should not grow with the responses).
 */
export async function benchSurveys(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  console.log(`\nSurveys on DynamoDB Local (in memory), ${CONCURRENCY} requests in flight:`);
  const dynamo = await startDynamoDbLocal({ dbPath: null, stateDir: join(ROOT, '.data'), name: 'bench' });
  try {
    const env = {
      ...process.env,
      TABLE_NAME: 'bench',
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      SESSION_SECRET: 'bench-session-secret-0123456789abcdef0123',
      PSEUDONYM_SECRET: 'bench-pseudonym-secret-0123456789abcdef01',
      AUTH_DEV_LOGIN: '1',
      RATE_WRITES_CAPACITY: '1000000',
    };
    const core = createCore(readConfig(env, 'local'), { logger: createLogger(undefined, 'silent') });
    await ensureTable(core.db as never, 'bench');
    await loadSeed(core.infra.catalog);
    const surveys = new SurveyService(core.infra);
    const server = await startLocalServer({ app: core.app, port: 0 });
    try {
      // Baseline: the same transaction shape (marker, response, 7 counters) sent straight to DynamoDB Local.
      const raw = Array.from(
        { length: SAMPLE },
        (_, i) => () =>
          core.db
            .send(
              new TransactWriteCommand({
                TransactItems: [
                  { Put: { TableName: 'bench', Item: { ...keys.vote(`raw-${i}`) }, ConditionExpression: 'attribute_not_exists(pk)' } },
                  { Put: { TableName: 'bench', Item: { ...keys.response('raw', i % 8, randomUUID()), answers: { q1: ['4'] } } } },
                  ...['_responses', 'q1#4', 'q2#4', 'q3#4', 'q4#4', 'q5#4', '_straight'].map((name) => ({
                    Update: {
                      TableName: 'bench',
                      Key: keys.counter('raw', i % 8, 'jn-jingbalu-ps', name),
                      UpdateExpression: 'ADD #c :one',
                      ExpressionAttributeNames: { '#c': 'count' },
                      ExpressionAttributeValues: { ':one': 1 },
                    },
                  })),
                ] as never,
              }),
            )
            .then(() => undefined),
      );
      const rawSeconds = await timed(() => inParallel(raw));

      // Through the API: sessions made first, then only the submissions are timed.
      const survey = await surveys.create(templateSurvey({ districtId: 'jinan-shizhong', groupIds: ['jn-jingwu'] }), 'bench');
      const tokens = await parentSessions(server.url, 'bench', SAMPLE, () => 'jn-jingbalu-ps');
      let failures = 0;
      const viaApi = tokens.map((token) => async () => {
        const res = await fetch(`${server.url}/api/surveys/${survey.id}/responses`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ schoolId: 'jn-jingbalu-ps', answers: satisfactionAnswers(4) }),
        });
        if (res.status !== 201) failures++;
        await res.arrayBuffer();
      });
      const apiSeconds = await timed(() => inParallel(viaApi));
      const rawRate = SAMPLE / rawSeconds;
      const apiRate = SAMPLE / apiSeconds;
      console.log(
        `  raw TransactWriteItems: ${rawRate.toFixed(0)}/s   via local API: ${apiRate.toFixed(0)}/s (${failures} failed)   API / raw = ${(apiRate / rawRate).toFixed(2)}`,
      );

      await loadRun(server.url, surveys, core);

      // Results read time as responses grow.
      const readTimes = async () => {
        const times: number[] = [];
        const admin = await fetch(`${server.url}/api/auth/dev`, {
          method: 'POST',
          body: JSON.stringify({ role: 'district_admin', districtId: 'jinan-shizhong' }),
        });
        const adminToken = ((await admin.json()) as { token: string }).token;
        for (let i = 0; i < 15; i++) {
          const started = performance.now();
          const res = await fetch(`${server.url}/api/admin/surveys/${survey.id}/results`, {
            headers: { authorization: `Bearer ${adminToken}` },
          });
          await res.arrayBuffer();
          times.push(performance.now() - started);
        }
        return median(times);
      };
      let filled = SAMPLE;
      const fillTo = async (target: number) => {
        const jobs = Array.from({ length: target - filled }, (_, i) => async () => {
          const user = new RequestUser(`fill-${filled + i}`, null, core.infra.users);
          const schoolId = ['jn-jingwulu-ps', 'jn-jingwei-ps', 'jn-jingbalu-ps'][i % 3];
          await core.services.me.bindSchool(user, schoolId);
          return surveys.submit(user, survey.id, { schoolId, answers: satisfactionAnswers(1 + (i % 4)) });
        });
        await inParallel(jobs);
        filled = target;
      };
      await fillTo(1000);
      const at1k = await readTimes();
      const fillSeconds = await timed(() => fillTo(10_000));
      const at10k = await readTimes();
      console.log(
        `  results read (median of 15): ${at1k.toFixed(1)} ms at 1,000 responses, ${at10k.toFixed(1)} ms at 10,000 (ratio ${(at10k / at1k).toFixed(2)}); filling 9,000 took ${fillSeconds.toFixed(0)} s`,
      );
    } finally {
      await server.close();
    }
  } finally {
    await dynamo.stop();
  }
}

const LOAD_PARENTS = Number(process.env.BENCH_LOAD_PARENTS ?? 1000);
const LOAD_IN_FLIGHT = 64;
const LOAD_SCHOOLS = ['jn-jingwulu-ps', 'jn-jingwei-ps', 'jn-jingbalu-ps'];

/**
 * The load run: 1,000 distinct parents of three schools answer one survey through the local API,
 * 64 in flight, each with different answers; p50/p99 of each submission. Afterwards the sharded
 * counters (AP28) must equal a recount of the stored responses (AP29), or the run fails.
 */
async function loadRun(url: string, surveys: SurveyService, core: ReturnType<typeof createCore>): Promise<void> {
  const survey = await surveys.create(templateSurvey({ districtId: 'jinan-shizhong', groupIds: ['jn-jingwu'] }), 'bench-load');
  const schoolOf = (i: number) => LOAD_SCHOOLS[i % LOAD_SCHOOLS.length];
  const tokens = await parentSessions(url, 'load', LOAD_PARENTS, schoolOf);
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const started = performance.now();
  await inParallel(
    tokens.map((token, i) => async () => {
      // Answers differ per parent (values 1–4 by question), so the option counters are worth recounting.
      const answers = Object.fromEntries(Object.keys(satisfactionAnswers()).map((q, k) => [q, { likert: ((i + k * (i % 3)) % 4) + 1 }]));
      const sent = performance.now();
      const res = await fetch(`${url}/api/surveys/${survey.id}/responses`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ schoolId: schoolOf(i), answers }),
      });
      await res.arrayBuffer();
      latencies.push(performance.now() - sent);
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    }),
    LOAD_IN_FLIGHT,
  );
  const wall = (performance.now() - started) / 1000;
  const sorted = [...latencies].sort((a, b) => a - b);
  const stored = await core.infra.surveys.listResponses(survey.id, survey.shards);
  const counters = flatCounters(await core.infra.surveys.readCounters(survey.id, survey.shards));
  const recounted = flatCounters(recount(survey.definition.questions, stored));
  const equal = JSON.stringify(Object.entries(counters).sort()) === JSON.stringify(Object.entries(recounted).sort());
  console.log(
    `  load run: ${LOAD_PARENTS} distinct parents, ${LOAD_IN_FLIGHT} in flight: ${(LOAD_PARENTS / wall).toFixed(0)}/s, ` +
      `p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms; statuses ${JSON.stringify(Object.fromEntries(statuses))}; ` +
      `${stored.length} responses stored, ${Object.keys(counters).length} counters ${equal ? 'equal to' : 'DIFFERENT FROM'} the recount`,
  );
  if (!equal || stored.length !== (statuses.get(201) ?? 0))
    throw new Error('load run: counters or stored responses do not match the accepted submissions');
}

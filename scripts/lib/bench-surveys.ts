import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { startLocalServer } from '../../functions/src/adapters/node-server';
import { readConfig } from '../../functions/src/config';
import { createCore } from '../../functions/src/core';
import { ensureTable } from '../../functions/src/db/ensure-table';
import { RequestUser } from '../../functions/src/features/identity/request-user';
import { createLogger } from '../../functions/src/log/logger';
import { loadSeed } from '../../functions/src/features/catalog/seed/load-seed';
import { flatCounters, recount } from '../../functions/src/features/surveys/domain/recount';
import { responseCounters } from '../../functions/src/features/surveys/domain/response-counters';
import { validateResponse } from '../../functions/src/features/surveys/domain/validate-response';
import { STRAIGHT_COUNTER, type SurveyItem } from '../../functions/src/features/surveys/survey-items';
import { SurveyService } from '../../functions/src/features/surveys/survey-service';
import { satisfactionAnswers, templateSurvey } from '../../tests/support/surveys';
import { inFlight } from '../../functions/src/in-flight';
import { median, percentile, seconds } from './bench-stats';
import { startDynamoDbLocal } from './dynamodb-local';
import { benchEnv } from './bench-env';

const ROOT = join(__dirname, '..', '..');
const CONCURRENCY = 16;
/** Submissions per side in all, over ROUNDS rounds. */
const SAMPLE = Number(process.env.BENCH_SUBMISSIONS ?? 1200);
/**
 * Rounds per side, each side's round run in a rotated order: DynamoDB Local's cost per request
 * drifts during a run (its JIT, its heap), and short rounds spread over the run see it alike.
 */
const ROUNDS = Number(process.env.BENCH_SURVEY_ROUNDS ?? 6);

const inParallel = <T>(jobs: Array<() => Promise<T>>, concurrency = CONCURRENCY) => inFlight(jobs, concurrency);

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

/** CPU seconds a process has used so far (Linux /proc; 0 where there is none). */
function cpuOf(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/**
 * Timed rounds of one side of the comparison: submissions per second over all its rounds, and
 * the CPU they cost per submission in the bench's process, in DynamoDB Local's java and in the
 * separate server. The rate follows whatever else the machine runs; the CPU far less (it still
 * grows somewhat on a loaded machine), so it tells two runs' costs apart where the rates cannot.
 */
class Round {
  private seconds = 0;
  private count = 0;
  private readonly used = { bench: 0, java: 0, server: 0 };

  constructor(private readonly pids: { java: number; server: number | undefined }) {}

  async time(jobs: Array<() => Promise<void>>): Promise<void> {
    const before = { bench: process.cpuUsage(), java: cpuOf(this.pids.java), server: cpuOf(this.pids.server) };
    this.seconds += await seconds(() => inParallel(jobs));
    const bench = process.cpuUsage(before.bench);
    this.used.bench += (bench.user + bench.system) / 1e6;
    this.used.java += cpuOf(this.pids.java) - before.java;
    this.used.server += cpuOf(this.pids.server) - before.server;
    this.count += jobs.length;
  }

  rate(): number {
    return this.count / this.seconds;
  }

  /** e.g. "16.7 ms per submission (bench process 0.5, java 9.2, own-process server 7.1)" */
  cpu(): string {
    const ms = (seconds: number) => ((seconds / this.count) * 1000).toFixed(1);
    const { bench, java, server } = this.used;
    return `${ms(bench + java + server)} ms per submission (bench process ${ms(bench)}, java ${ms(java)}, own-process server ${ms(server)})`;
  }
}

/**
 * Counts the requests a client sends to DynamoDB, by command, while `during` runs: what an
 * answer costs DynamoDB Local, which serves its requests about one at a time.
 */
function requestCounter(db: DynamoDBDocumentClient) {
  const sent = new Map<string, number>();
  let counting = false;
  db.middlewareStack.add(
    (next, context) => (args) => {
      if (counting) sent.set(String(context.commandName), (sent.get(String(context.commandName)) ?? 0) + 1);
      return next(args);
    },
    { step: 'initialize', name: 'benchRequestCounter' },
  );
  return {
    async during(timed: () => Promise<void>): Promise<void> {
      counting = true;
      await timed().finally(() => (counting = false));
    },
    /** e.g. "2.00 (BatchGetItemCommand 1.00, TransactWriteItemsCommand 1.00)" */
    perAnswer(answers: number): string {
      const each = (n: number) => (n / answers).toFixed(2);
      const total = [...sent.values()].reduce((a, b) => a + b, 0);
      return `${each(total)} (${[...sent].map(([name, n]) => `${name} ${each(n)}`).join(', ')})`;
    },
  };
}

/** Set in the environment of the API server this bench starts in its own process. */
const SERVER_CHILD = 'BENCH_SURVEYS_SERVER_CHILD';

/**
 * The API server in a process of its own, as `npm start` runs it: the server's thread is not
 * the one that runs the bench's HTTP client (and the raw baseline's SDK calls).
 */
async function startServerProcess(env: NodeJS.ProcessEnv): Promise<{ url: string; pid: number | undefined; stop(): Promise<void> }> {
  // BENCH_SERVER_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the server alone.
  const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', __filename], {
    env: { ...env, [SERVER_CHILD]: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      const listening = /listening on (\S+)/.exec(String(chunk));
      if (listening) resolve(listening[1]);
    });
    child.once('exit', (code) => reject(new Error(`the bench's API server exited (${code})`)));
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return { url, pid: child.pid, stop: () => (child.kill('SIGTERM'), exited) };
}

/** The same core and logger in either process, so both servers do the same work per request. */
const benchCore = (env: NodeJS.ProcessEnv) => createCore(readConfig(env, 'local'), { logger: createLogger(undefined, 'silent') });

if (require.main === module && process.env[SERVER_CHILD]) {
  // Exiting rather than dying on the signal lets --cpu-prof write its profile.
  process.once('SIGTERM', () => process.exit(0));
  void startLocalServer({ app: benchCore(process.env).app, port: 0 }).then((server) => console.log(`listening on ${server.url}`));
}

/** A connection kept per request in flight, as fetch's own pool does. */
const agent = new Agent({ keepAlive: true, maxSockets: 64 });

/**
 * One POST over node:http, answered with its status. The timed submissions use this rather than
 * fetch: the client is the load generator, not what is measured, and fetch's WHATWG streams
 * cost the bench's thread several times the CPU per request (0.2 against 0.05 ms on a trivial
 * server, warm), CPU the server and DynamoDB Local share on a small machine.
 */
function post(url: string, token: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
    const sent = request(url, { method: 'POST', agent, headers }, (res) => {
      res.resume();
      res.once('end', () => resolve(res.statusCode ?? 0));
    });
    // A kept-alive socket the server closed while idle between rounds: the request never
    // reached it, so it is sent again on a new socket (Node's documented `reusedSocket` case).
    sent.once('error', (error: NodeJS.ErrnoException) =>
      sent.reusedSocket && error.code === 'ECONNRESET' ? post(url, token, body).then(resolve, reject) : reject(error),
    );
    // A request that never answers fails the bench instead of hanging it.
    sent.setTimeout(30_000, () => sent.destroy(new Error(`no answer in 30 s from ${url}`)));
    sent.end(body);
  });
}

/** Submissions through one server: `tokens` are parents bound to the bench school, one answer each. */
function submissions(url: string, surveyId: string, tokens: string[], failed: { count: number }): Array<() => Promise<void>> {
  const body = JSON.stringify({ schoolId: BENCH_SCHOOL, answers: satisfactionAnswers(4) });
  return tokens.map((token) => async () => {
    if ((await post(`${url}/api/surveys/${surveyId}/responses`, token, body)) !== 201) failed.count++;
  });
}

const BENCH_SCHOOL = 'jn-jingbalu-ps';
const FILL = Number(process.env.BENCH_SURVEY_FILL ?? 10_000);

/**
 * Survey submissions per second through the local HTTP API, beside the raw TransactWriteItems
 * rate of the same DynamoDB Local in the same run, with the server in the bench's process and
 * in its own; then the results read at 1,000 and 10,000 responses (it reads the sharded
 * counters, so it should not grow with the responses). The goal (API / raw ≥ 0.9) is read from
 * the server in its own process: that is how the local API runs (`npm start`) and how it runs
 * on AWS or WeChat, where no HTTP client shares the server's thread; in the bench's process one
 * Node thread runs the client and the server, so that figure also measures the bench.
 */
export async function benchSurveys(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  console.log(`\nSurveys on DynamoDB Local (in memory), ${CONCURRENCY} requests in flight:`);
  const dynamo = await startDynamoDbLocal({ dbPath: null, stateDir: join(ROOT, '.data'), name: 'bench' });
  try {
    const env = benchEnv('bench', dynamo.endpoint, { AUTH_DEV_LOGIN: '1', RATE_WRITES_CAPACITY: '1000000' });
    const core = benchCore(env);
    await ensureTable(core.db as never, 'bench');
    await loadSeed(core.infra.catalog);
    const surveys = new SurveyService(core.infra);
    const server = await startLocalServer({ app: core.app, port: 0 });
    const separate = await startServerProcess(env);
    try {
      const survey = await surveys.create(templateSurvey({ districtId: 'jinan-shizhong', groupIds: ['jn-jingwu'] }), 'bench');
      // Baseline: the very transaction the API sends for the bench's answer (SurveyRepository.submit,
      // with the counters SurveyService.respond computes for it), straight to DynamoDB Local.
      const checked = validateResponse(survey.definition, satisfactionAnswers(4));
      if (!checked.ok) throw new Error('the bench answer is not valid');
      const counters = responseCounters(survey.definition.questions, checked.value);
      const answers = Object.fromEntries(checked.value.counted.map((c) => [c.questionId, c.options]));
      const raw = (round: string, count = SAMPLE / ROUNDS) =>
        Array.from({ length: count }, (_, i) => async () => {
          const response = {
            kind: 'response' as const,
            surveyId: 'sv-raw',
            schoolId: BENCH_SCHOOL,
            date: '2026-12-01',
            answers,
            texts: [],
            straightLined: counters.includes(STRAIGHT_COUNTER),
          };
          await core.infra.surveys.submit({
            marker: `raw-${round}-${i}`,
            responseId: randomUUID(),
            shard: i % survey.shards,
            counters,
            response,
          });
        });
      // Sessions made first, a ROUNDS-th of each server's parents per timed round; only the submissions are timed.
      const inProcess = await parentSessions(server.url, 'bench', SAMPLE, () => BENCH_SCHOOL);
      const ownProcess = await parentSessions(separate.url, 'bench-own', SAMPLE, () => BENCH_SCHOOL);
      const failed = { count: 0 };
      // Java's JIT warms up on the baseline's writes first, so neither side pays for a cold DynamoDB Local.
      await inParallel(raw('warm-up', SAMPLE / 2));
      const processes = { java: dynamo.pid, server: separate.pid };
      const sides = { raw: new Round(processes), inProcess: new Round(processes), ownProcess: new Round(processes) };
      const requests = requestCounter(core.db);
      const per = SAMPLE / ROUNDS;
      const part = (tokens: string[], round: number) => tokens.slice(round * per, (round + 1) * per);
      const timed: Array<(round: number) => Promise<void>> = [
        (round) => sides.raw.time(raw(String(round))),
        (round) => requests.during(() => sides.inProcess.time(submissions(server.url, survey.id, part(inProcess, round), failed))),
        (round) => sides.ownProcess.time(submissions(separate.url, survey.id, part(ownProcess, round), failed)),
      ];
      for (let round = 0; round < ROUNDS; round++) {
        for (let k = 0; k < timed.length; k++) await timed[(round + k) % timed.length](round);
      }
      const ratio = (side: Round) => (side.rate() / sides.raw.rate()).toFixed(2);
      console.log(
        `  raw TransactWriteItems (the API's ${2 + counters.length}-item transaction for this answer): ${sides.raw.rate().toFixed(0)}/s, CPU ${sides.raw.cpu()}`,
      );
      console.log(
        `  via the local API, server in the bench's process: ${sides.inProcess.rate().toFixed(0)}/s, API / raw = ${ratio(sides.inProcess)}, CPU ${sides.inProcess.cpu()}`,
      );
      console.log(
        `  via the local API, server in its own process (as npm start runs it): ${sides.ownProcess.rate().toFixed(0)}/s, API / raw = ${ratio(sides.ownProcess)} ` +
          `(the goal's figure), CPU ${sides.ownProcess.cpu()}; ${failed.count} API submissions failed`,
      );
      console.log(`  requests to DynamoDB per answer through the API (the raw side sends 1): ${requests.perAnswer(SAMPLE)}`);

      if (LOAD_PARENTS > 0) await loadRun(server.url, surveys, core);
      if (FILL > 0) await resultsReads(server.url, surveys, core, survey, 2 * SAMPLE);
    } finally {
      agent.destroy();
      await Promise.all([server.close(), separate.stop()]);
    }
  } finally {
    await dynamo.stop();
  }
}

/** The results read (median of 15) with the survey at 1,000 responses and at FILL. */
async function resultsReads(
  url: string,
  surveys: SurveyService,
  core: ReturnType<typeof createCore>,
  survey: SurveyItem,
  answered: number,
): Promise<void> {
  const readTimes = async () => {
    const times: number[] = [];
    const admin = await fetch(`${url}/api/auth/dev`, {
      method: 'POST',
      body: JSON.stringify({ role: 'district_admin', districtId: 'jinan-shizhong' }),
    });
    const adminToken = ((await admin.json()) as { token: string }).token;
    for (let i = 0; i < 15; i++) {
      const started = performance.now();
      const res = await fetch(`${url}/api/admin/surveys/${survey.id}/results`, {
        headers: { authorization: `Bearer ${adminToken}` },
      });
      await res.arrayBuffer();
      times.push(performance.now() - started);
    }
    return median(times);
  };
  let filled = answered;
  const fillTo = async (target: number) => {
    const jobs = Array.from({ length: Math.max(0, target - filled) }, (_, i) => async () => {
      const user = new RequestUser(`fill-${filled + i}`, core.infra.users);
      const schoolId = ['jn-jingwulu-ps', 'jn-jingwei-ps', 'jn-jingbalu-ps'][i % 3];
      await core.services.me.bindSchool(user, schoolId);
      return surveys.submit(user, survey.id, { schoolId, answers: satisfactionAnswers(1 + (i % 4)) });
    });
    await inParallel(jobs);
    filled = Math.max(filled, target);
  };
  await fillTo(1000);
  const at1k = await readTimes();
  const fillSeconds = await seconds(() => fillTo(FILL));
  const atFill = await readTimes();
  console.log(
    `  results read (median of 15): ${at1k.toFixed(1)} ms at 1,000 responses, ${atFill.toFixed(1)} ms at ${filled.toLocaleString('en')} ` +
      `(ratio ${(atFill / at1k).toFixed(2)}); filling to ${filled.toLocaleString('en')} took ${fillSeconds.toFixed(0)} s`,
  );
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

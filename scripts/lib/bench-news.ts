import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startLocalServer } from '../../functions/src/adapters/node-server';
import { readConfig } from '../../functions/src/config';
import { createCore } from '../../functions/src/core';
import { batchWrite } from '../../functions/src/db/batch-write';
import { ensureTable } from '../../functions/src/db/ensure-table';
import { createLogger } from '../../functions/src/log/logger';
import type { NewsItem } from '../../functions/src/features/news/news-items';
import { loadSeed } from '../../functions/src/features/catalog/seed/load-seed';
import { startDynamoDbLocal } from './dynamodb-local';
import { benchEnv } from './bench-env';

const ROOT = join(__dirname, '..', '..');
const ITEMS = Number(process.env.BENCH_NEWS ?? 10_000);
const BASELINE_ITEMS = 20;
const REQUESTS = Number(process.env.BENCH_NEWS_REQUESTS ?? 200);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function newsItem(groupId: string, i: number): NewsItem {
  // One a minute back from now, a few pinned: the shape of a busy group's history.
  const publishAt = new Date(Date.now() - (i + 1) * 60_000).toISOString();
  return {
    kind: 'news',
    id: `nw-${randomBytes(8).toString('hex')}`,
    groupId,
    districtId: 'jinan-shizhong',
    schoolIds: [],
    title: `第 ${i} 条集团动态`,
    summary: '集团教研活动简讯'.repeat(3),
    body: '## 活动\n\n正文'.repeat(20),
    nodes: [{ name: 'p', children: [{ type: 'text', text: '正文'.repeat(100) }] }],
    coverImage: null,
    images: [],
    authorName: '集团办公室',
    status: 'published',
    publishAt,
    pinned: i % 2000 === 0,
    version: 1,
    readCount: 0,
    createdAt: publishAt,
    updatedAt: publishAt,
  };
}

/**
 * News list latency through the local HTTP API with ITEMS published items in one group, beside
 * the same request on a group of BASELINE_ITEMS in the same run (and the server's floor, the
 * health route), so the figure shows what the group's size costs: nothing, if the keyset query
 * reads only a page.
 */
export async function benchNews(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  console.log(`\nGroup news on DynamoDB Local (in memory): list latency, ${REQUESTS} sequential requests each, page size 20`);
  const dynamo = await startDynamoDbLocal({ dbPath: null, stateDir: join(ROOT, '.data'), name: 'bench-news' });
  try {
    const env = benchEnv('bench-news', dynamo.endpoint, { AUTH_DEV_LOGIN: '1' });
    const core = createCore(readConfig(env, 'local'), { logger: createLogger(undefined, 'silent') });
    await ensureTable(core.db as never, 'bench-news');
    await loadSeed(core.infra.catalog);
    const load = async (groupId: string, count: number) =>
      batchWrite(
        core.db,
        'bench-news',
        Array.from({ length: count }, (_, i) => ({ PutRequest: { Item: core.infra.news.tableItem(newsItem(groupId, i)) } })),
      );
    const started = performance.now();
    await load('jn-jingwu', ITEMS);
    console.log(`  loaded ${ITEMS.toLocaleString('en')} items into 经五 in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    await load('jn-yuying', BASELINE_ITEMS);

    const server = await startLocalServer({ app: core.app, port: 0 });
    try {
      const login = await fetch(`${server.url}/api/auth/dev`, { method: 'POST', body: JSON.stringify({ role: 'parent' }) });
      const token = ((await login.json()) as { token: string }).token;
      const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      await fetch(`${server.url}/api/me/schools`, { method: 'POST', headers: auth, body: JSON.stringify({ schoolId: 'jn-jingbalu-ps' }) });
      // A cursor about half way down the big group, for a deep page.
      let cursor = '';
      for (let page = 0; page < ITEMS / 40; page++) {
        const res = (await (
          await fetch(`${server.url}/api/groups/jn-jingwu/news?limit=20${cursor ? `&cursor=${cursor}` : ''}`)
        ).json()) as { nextCursor: string };
        cursor = res.nextCursor;
      }

      const measure = async (label: string, path: string, headers: Record<string, string> = {}) => {
        for (let i = 0; i < 10; i++) await (await fetch(server.url + path, { headers })).arrayBuffer();
        const times: number[] = [];
        for (let i = 0; i < REQUESTS; i++) {
          const t = performance.now();
          const res = await fetch(server.url + path, { headers });
          await res.arrayBuffer();
          if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
          times.push(performance.now() - t);
        }
        times.sort((a, b) => a - b);
        console.log(
          `  ${label.padEnd(44)} p50 ${percentile(times, 50).toFixed(1).padStart(6)} ms   p99 ${percentile(times, 99).toFixed(1).padStart(6)} ms`,
        );
      };
      await measure('baseline: GET /api/health (server floor)', '/api/health');
      await measure(`baseline: group list, ${BASELINE_ITEMS} items`, '/api/groups/jn-yuying/news');
      await measure(`group list, ${ITEMS.toLocaleString('en')} items, first page`, '/api/groups/jn-jingwu/news');
      await measure(
        `group list, ${ITEMS.toLocaleString('en')} items, page ${ITEMS / 40 + 1}`,
        `/api/groups/jn-jingwu/news?cursor=${cursor}`,
      );
      await measure(`group list, ${ITEMS.toLocaleString('en')} items, signed in (已读)`, '/api/groups/jn-jingwu/news', auth);
      await measure(`我的动态 (经五 with ${ITEMS.toLocaleString('en')} items), signed in`, '/api/me/news', auth);
    } finally {
      await server.close();
    }
  } finally {
    await dynamo.stop();
  }
}

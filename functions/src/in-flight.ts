/**
 * Runs `jobs` with at most `concurrency` of them in flight at any time, started in order, until
 * all are done: for reads or writes of many items where one request each is the only way (a
 * partition per school, a conditional update per response), without flooding the table.
 */
export async function inFlight<T>(jobs: Array<() => Promise<T>>, concurrency: number): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < jobs.length) await jobs[next++]();
    }),
  );
}

import { performance } from 'node:perf_hooks';

/** The middle value (the upper one of an even count), as every section reports repeated runs. */
export function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** p50 and p99 of `runs` timed calls per input (after one warm-up each), overall and per input. */
export function measure<T>(inputs: T[], runs: number, fn: (input: T) => unknown) {
  const perInput = new Map<T, number>();
  const all: number[] = [];
  for (const input of inputs) {
    fn(input);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      fn(input);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    perInput.set(input, percentile(times, 50));
    all.push(...times);
  }
  all.sort((a, b) => a - b);
  return { p50: percentile(all, 50), p99: percentile(all, 99), perInput };
}

export async function seconds(fn: () => unknown): Promise<number> {
  const started = performance.now();
  await fn();
  return (performance.now() - started) / 1000;
}

/** Heap and array buffers in MB after a full collection (npm run bench passes --expose-gc). */
export function memoryMb(): { heap: number; buffers: number } {
  (globalThis as { gc?: () => void }).gc?.();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return { heap: heapUsed / 2 ** 20, buffers: arrayBuffers / 2 ** 20 };
}

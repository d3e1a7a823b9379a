/**
 * The slice of miniprogram-simulate the tests use, typed locally: its own typings pull in
 * miniprogram-api-typings, whose global `require` would replace Node's for the whole project.
 */
export interface SimNode {
  dom?: HTMLElement;
  querySelector(selector: string): SimNode | undefined;
  querySelectorAll(selector: string): SimNode[];
  dispatchEvent(name: string, options?: { detail?: unknown }): void;
}
export interface SimPage extends SimNode {
  attach(parent: Node): void;
  detach(): void;
}
export interface Simulate {
  load(componentPath: string, options: { rootPath: string }): string;
  render(id: string): SimPage;
}

export const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls instead of sleeping a fixed time: a slow CI box only makes the test slower. */
export async function until<T>(probe: () => T | undefined | null | false, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await settle(50);
  }
}

import fs from 'node:fs';
import path from 'node:path';

/**
 * What an <Input> shows, read from the data the page handed WeChat (setData): j-component keeps
 * no attributes of built-in components such as <input>, so the value is not in simulate's DOM.
 * Taro renders every node from that data tree through the build's base.wxml template, which
 * binds the input's `value` to a shortened key (e.g. p25); the key is read from the template,
 * so a Taro update that renames it does not silently make the field look empty.
 */
type RenderedNode = { uid?: string; cn?: RenderedNode[] } & Record<string, unknown>;

export function inputValueReader(distDir: string): (fieldId: string) => string | undefined {
  const template = fs.readFileSync(path.join(distDir, 'base.wxml'), 'utf8');
  const key = /<input value="\{\{i\.(\w+)\}\}"/.exec(template)?.[1];
  if (!key) throw new Error('the build’s base.wxml binds no <input value>');
  const find = (node: RenderedNode | undefined, fieldId: string): RenderedNode | undefined => {
    if (!node || typeof node !== 'object') return undefined;
    if (node.uid === fieldId) return node;
    for (const child of Object.values(node)) {
      const children = Array.isArray(child) ? child : [child];
      for (const item of children) {
        const hit = typeof item === 'object' && item ? find(item as RenderedNode, fieldId) : undefined;
        if (hit) return hit;
      }
    }
    return undefined;
  };
  return (fieldId) => {
    const pages = (globalThis as unknown as { getCurrentPages(): Array<{ data: RenderedNode }> }).getCurrentPages();
    const node = find(pages.at(-1)?.data, fieldId);
    return node ? String(node[key] ?? '') : undefined;
  };
}

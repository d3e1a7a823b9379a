import type { NewsSummary } from '../../../../../shared';

/**
 * What this admin just saved, published or withdrew, for the admin list to show at once.
 * The list is read from a DynamoDB index, which may lag a write by a moment: without this, an
 * admin back from 立即发布 could still see 草稿 and publish again. An entry overrides the
 * listed copy only for a short while, long after the index has caught up.
 */
const FRESH_FOR_MS = 60_000;

const fresh = new Map<string, { item: NewsSummary; at: number }>();

export function rememberSaved(item: NewsSummary, now = Date.now()): void {
  const { id, groupId, groupName, title, summary, authorName, cover, publishAt, pinned, status, readCount } = item;
  fresh.set(id, { item: { id, groupId, groupName, title, summary, authorName, cover, publishAt, pinned, status, readCount }, at: now });
}

/** The listed items with the fresh copies in place, and fresh ones the index does not list yet on top. */
export function withFreshItems(groupId: string, listed: NewsSummary[], now = Date.now()): NewsSummary[] {
  const current = new Map<string, NewsSummary>();
  for (const [id, entry] of fresh) {
    if (now - entry.at > FRESH_FOR_MS) fresh.delete(id);
    else if (entry.item.groupId === groupId) current.set(id, entry.item);
  }
  if (current.size === 0) return listed;
  const replaced = listed.map((item) => current.get(item.id) ?? item);
  const missing = [...current.values()].filter((item) => !listed.some((l) => l.id === item.id)).reverse();
  return [...missing, ...replaced];
}

/** For tests: forget everything. */
export function forgetFresh(): void {
  fresh.clear();
}

import { BadCursorError } from '../../../errors';

/**
 * A news page position is the sort key of the last item shown (keyset pagination). The same
 * key orders every group, so one cursor also serves the 我的动态 feed merged over groups.
 * Readers' keys: `<pinned 1|0>#<publishAt ISO>#<news id>`; admins': `<updatedAt ISO>#<news id>`.
 */
const READER_KEY = /^[01]#\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z#nw-[0-9a-f]{16}$/;
const ADMIN_KEY = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z#nw-[0-9a-f]{16}$/;

export const encodeNewsCursor = (sortKey: string) => Buffer.from(sortKey, 'utf8').toString('base64url');

export function decodeNewsCursor(cursor: string | undefined, kind: 'reader' | 'admin'): string | null {
  if (cursor === undefined || cursor === '') return null;
  const sortKey = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!(kind === 'reader' ? READER_KEY : ADMIN_KEY).test(sortKey)) throw new BadCursorError();
  return sortKey;
}

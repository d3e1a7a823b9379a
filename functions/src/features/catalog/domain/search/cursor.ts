import { z } from 'zod';
import { BadCursorError } from '../../../../errors';

/** A search position: the sort tuple of the last item returned (keyset, not an offset). */
const CursorSchema = z.tuple([z.number().int().min(0).max(9), z.number().int().min(0).max(1000), z.string().max(200), z.string().max(64)]);
export type SearchPosition = z.infer<typeof CursorSchema>;

export function encodeCursor(position: SearchPosition): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): SearchPosition {
  try {
    return CursorSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new BadCursorError();
  }
}

/** Orders two positions: tier, then name length, then pinyin order, then id. */
export function comparePositions(a: SearchPosition, b: SearchPosition): number {
  return a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0) || (a[3] < b[3] ? -1 : a[3] > b[3] ? 1 : 0);
}

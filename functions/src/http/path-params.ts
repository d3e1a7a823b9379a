import { IdSchema } from '../../../shared';

/**
 * A path parameter's declaration: what a well-formed value looks like, and the 404 message for
 * anything else. A malformed id is simply not found: it names nothing, so it is never a 400.
 */
export interface PathParam {
  accepts: (value: string) => boolean;
  notFound: string;
}

const CATALOG_NOT_FOUND = { district: '未找到该区县', group: '未找到该教育集团', school: '未找到该学校' } as const;

/** A district, group or school id (the catalogue's slug ids). */
export const catalogParam = (type: keyof typeof CATALOG_NOT_FOUND): PathParam => ({
  accepts: (value) => IdSchema.safeParse(value).success,
  notFound: CATALOG_NOT_FOUND[type],
});

/** An id of one of our own kinds (sv-…, rd-…, nw-…), by its pattern. */
export const idParam = (pattern: RegExp, notFound: string): PathParam => ({
  accepts: (value) => pattern.test(value),
  notFound,
});

/** The builder's address: a saved draft by id, or a new survey (optionally from a template). */
export const BUILDER_PAGE = '/packages/survey/builder/index';
export const builderUrl = (query: { draft?: string; template?: string } = {}) => {
  const parts = Object.entries(query)
    .filter((e): e is [string, string] => e[1] !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`);
  return parts.length ? `${BUILDER_PAGE}?${parts.join('&')}` : BUILDER_PAGE;
};

/** Input limits both sides enforce; zod-free so the mini-program can import the values. */
export const SEARCH_QUERY_MAX = 50;
export const SEARCH_LIMIT_DEFAULT = 20;
export const SEARCH_LIMIT_MAX = 50;
export const TEXT_ANSWER_MAX = 500;

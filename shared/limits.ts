/** Input limits both sides enforce; zod-free so the mini-program can import the values. */
export const SEARCH_QUERY_MAX = 50;
export const SEARCH_LIMIT_DEFAULT = 20;
export const SEARCH_LIMIT_MAX = 50;
export const TEXT_ANSWER_MAX = 500;
/** An objection to a rotation notice, and an admin's resolution of it. */
export const ROTATION_TEXT_MAX = 500;
/** 附近的学校: schools in one answer. */
export const NEARBY_LIMIT_DEFAULT = 20;
export const NEARBY_LIMIT_MAX = 50;

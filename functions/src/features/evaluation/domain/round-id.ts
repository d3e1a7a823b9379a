/** An evaluation round's id; anything else names no round (404 before any read). */
export const ROUND_ID = /^rd-[a-z0-9]{1,32}$/;

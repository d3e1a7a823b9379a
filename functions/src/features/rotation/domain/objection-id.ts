/** An objection's id; anything else names no objection (404 before any read). */
export const OBJECTION_ID = /^ob-\d{14}-[a-z0-9]{12}$/;
export const OBJECTION_NOT_FOUND = '未找到该异议';

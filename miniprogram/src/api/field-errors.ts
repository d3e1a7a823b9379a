import { ApiError, messageOf } from './api-error';

/** The server's message per field path ('name', 'location.lat', 'campuses.0.name') of a 400. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return {};
  const entries = (error.details as Array<{ path?: unknown; message?: unknown }>)
    .filter((d) => typeof d.path === 'string' && typeof d.message === 'string')
    .map((d) => [d.path as string, d.message as string] as const);
  // The first message of a field is the one to fix first.
  return Object.fromEntries([...entries].reverse());
}

/** What a failed save says: a stale version (409 CONFLICT) is told apart, so the page offers 刷新. */
export interface SaveProblem {
  message: string;
  conflict: boolean;
  fields: Record<string, string>;
}

export function saveProblem(error: unknown): SaveProblem {
  const conflict = error instanceof ApiError && error.status === 409 && error.code === 'CONFLICT';
  return { message: messageOf(error), conflict, fields: fieldErrors(error) };
}

/**
 * The message for a field or anything inside it ('holidays' or 'holidays.2'): lists typed in
 * one box show their first bad entry's message beside that box. Keyed by `field`, for FieldError.
 */
export function withinField(errors: Record<string, string>, field: string): Record<string, string> {
  const own = errors[field] ?? Object.entries(errors).find(([path]) => path.startsWith(`${field}.`))?.[1];
  return own ? { ...errors, [field]: own } : errors;
}

/**
 * The line under a form after a failed save: the server's message, or `instead` when every
 * field message is already shown beside its own field (`shown`), so no message appears twice.
 */
export function summaryOf(error: unknown, shown: readonly string[], instead: string): string {
  const fields = Object.keys(fieldErrors(error));
  return fields.length > 0 && fields.every((f) => shown.includes(f)) ? instead : messageOf(error);
}

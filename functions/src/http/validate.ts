import type { z } from 'zod';
import { ValidationError } from '../errors';

/** Validates once at the edge; zod issues become `details` of a 400, the first one its message. */
export function parseOr<T extends z.ZodTypeAny>(
  schema: T,
  input: unknown,
  toError: (issues: Array<{ path: string; message: string }>) => Error = (issues) => new ValidationError(undefined, issues),
): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw toError(result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })));
}

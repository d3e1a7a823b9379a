import { z } from 'zod';
import { lazySchema } from './lazy-schema';

/** Stable, URL-safe identifiers used in paths and keys (never user names). */
export const IdSchema = lazySchema(() =>
  z
    .string()
    .min(1)
    .max(64)
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'id must be lowercase letters, digits and dashes'),
);
export type Id = z.infer<typeof IdSchema>;

/** Every error the API returns has this body, whatever the runtime. */
export const ErrorBodySchema = lazySchema(() =>
  z.object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  }),
);
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

export const ListSchema = <T extends z.ZodTypeAny>(item: T) => z.object({ items: z.array(item) });

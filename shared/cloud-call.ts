import { z } from 'zod';

/**
 * What the mini-program sends with wx.cloud.callFunction({ name: 'api', data }) and what the
 * `api` cloud function returns as `result`: the same request and answer as over HTTP.
 */
export const CloudCallSchema = z.object({
  method: z.string().min(1).max(10),
  path: z.string().min(1).max(2048),
  query: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  body: z.unknown().optional(),
});
export type CloudCall = z.infer<typeof CloudCallSchema>;

export interface CloudCallResult {
  status: number;
  body: unknown;
}

import { z } from 'zod';
import { Gcj02PointSchema, type SchoolHit } from './school';
import { NEARBY_LIMIT_DEFAULT, NEARBY_LIMIT_MAX } from '../limits';
import { lazySchema } from '../lazy-schema';

/**
 * Query string of GET /api/schools/nearby: the parent's position in GCJ-02 (wx.getLocation type
 * 'gcj02'; H5 converts the browser's WGS-84 first). Used for that one answer, never stored.
 */
export const NearbyQuerySchema = lazySchema(() =>
  z.object({
    lat: z.coerce.number({ error: '纬度须为数字' }).pipe(Gcj02PointSchema.shape.lat),
    lng: z.coerce.number({ error: '经度须为数字' }).pipe(Gcj02PointSchema.shape.lng),
    limit: z.coerce.number().int().min(1).max(NEARBY_LIMIT_MAX).default(NEARBY_LIMIT_DEFAULT),
  }),
);
export type NearbyQuery = z.infer<typeof NearbyQuerySchema>;

/** A school near the parent: the search hit, with its distance in metres (rounded). */
export type NearbySchool = SchoolHit & { distance: number };

export interface NearbySchools {
  /** Nearest first; empty when no school with coordinates lies within 30 km. */
  items: NearbySchool[];
}

/** A point as the catalogue stores it: GCJ-02 degrees (shared/catalog/school.ts). */
export interface LatLng {
  lat: number;
  lng: number;
}

/** The mean Earth radius (IUGG), in metres. */
export const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;

/**
 * Great-circle distance in metres. Applied to GCJ-02 pairs directly: GCJ-02 shifts WGS-84 by a
 * few hundred metres, but smoothly, so two points a few kilometres apart are shifted alike and
 * the error in their distance stays within metres, well below what 附近 means to a parent.
 */
export function haversineMetres(a: LatLng, b: LatLng): number {
  const dLat = (b.lat - a.lat) * RAD;
  const dLng = (b.lng - a.lng) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Metres along a meridian per degree of latitude. */
export const METRES_PER_DEGREE = EARTH_RADIUS_M * RAD;

import { useEffect, useState } from 'react';
import type { DistrictSummary } from '../../../shared';
import { listDistricts } from '../api/catalog';

// Districts change rarely; every page shares one request per app session.
let cached: Promise<DistrictSummary[]> | null = null;

function loadDistricts(): Promise<DistrictSummary[]> {
  cached ??= listDistricts().then(
    ({ items }) => items,
    (error: unknown) => {
      cached = null; // let the next page try again
      throw error;
    },
  );
  return cached;
}

/** For tests: forget the cached list. */
export function resetDistrictCache(): void {
  cached = null;
}

/**
 * The district list, or [] until (or unless) it arrives: districts only decorate results
 * and filter them, so a failure here must not block the page.
 */
export function useDistricts(): DistrictSummary[] {
  const [districts, setDistricts] = useState<DistrictSummary[]>([]);
  useEffect(() => {
    let live = true;
    loadDistricts().then(
      (items) => live && setDistricts(items),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return districts;
}

/** "济南市市中区", or '' while the list is unknown. */
export function districtLabel(districts: DistrictSummary[], districtId: string): string {
  const district = districts.find((d) => d.id === districtId);
  return district ? `${district.city}${district.name}` : '';
}

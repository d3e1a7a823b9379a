import fc from 'fast-check';
import { EVALUATION_TEMPLATES, IndicatorSystemSchema } from '../../../../shared';

const template = (id: string) => structuredClone(EVALUATION_TEMPLATES.find((t) => t.id === id)!);

describe('indicator systems', () => {
  it('accept the 济南 template once its 社会认可 indicator names its surveys', () => {
    const jinan = template('jinan-shizhong');
    expect(IndicatorSystemSchema.safeParse(jinan).success).toBe(false);
    const recognition = jinan.dimensions.find((d) => d.id === 'recognition')!.indicators[0];
    if (recognition.source.kind === 'survey') recognition.source.surveyIds = ['sv-parents'];
    expect(IndicatorSystemSchema.safeParse(jinan).success).toBe(true);
    expect(jinan.dimensions.map((d) => d.name)).toEqual(['学校发展', '教师发展', '学生发展', '社会认可', '发展潜能']);
  });

  it("need the admins to add 海淀's indicators (not public) before they validate", () => {
    const haidian = template('haidian');
    expect(haidian.needsIndicators).toBe(true);
    expect(IndicatorSystemSchema.safeParse(haidian).success).toBe(false);
    for (const d of haidian.dimensions) d.indicators.push({ id: 'i1', name: `${d.name}指标`, weight: 100, source: { kind: 'manual' } });
    expect(IndicatorSystemSchema.safeParse(haidian).success).toBe(true);
  });

  it('validate any weights that sum to 100, and refuse them when one is off by one', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 8 }), (raw) => {
        // Prepare: raw shares scaled to 100 with two decimals, the rounding left to the last.
        const total = raw.reduce((a, b) => a + b, 0);
        const weights = raw.map((r) => Math.round((r / total) * 10000) / 100);
        weights[weights.length - 1] = Math.round((100 - weights.slice(0, -1).reduce((a, b) => a + b, 0)) * 100) / 100;
        if (weights.some((w) => w <= 0)) return;
        const system = (ws: number[]) => ({
          name: '测试',
          dimensions: ws.map((weight, i) => ({
            id: `d${i}`,
            name: `维度${i}`,
            weight,
            indicators: [{ id: 'i', name: '指标', weight: 100, source: { kind: 'manual' as const } }],
          })),
        });
        // Act / Assess
        expect(IndicatorSystemSchema.safeParse(system(weights)).success).toBe(true);
        expect(IndicatorSystemSchema.safeParse(system([...weights.slice(0, -1), weights[weights.length - 1] + 1])).success).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

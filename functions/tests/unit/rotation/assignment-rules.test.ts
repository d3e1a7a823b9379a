import fc from 'fast-check';
import { assignmentRuleIssues, RotationAssignmentInputSchema, TeacherNameSchema } from '../../../../shared';

const base = { fromSchoolId: 'jn-jingbalu-ps', toSchoolId: 'jn-jingwei-ps' };
const month = fc
  .record({ year: fc.integer({ min: 2020, max: 2040 }), month: fc.integer({ min: 1, max: 12 }) })
  .map(({ year, month }) => `${year}-${String(month).padStart(2, '0')}`);

/** The assignment rules of docs/rotation.md (shared by the JSON schema and the import). */
describe('rotation assignment rules', () => {
  it.each([
    ['2026-09', '2027-08', []],
    ['2026-09', '2032-08', []],
    ['2026-09', '2027-07', ['交流期限须为 1–6 年']],
    ['2026-09', '2032-09', ['交流期限须为 1–6 年']],
    ['2026-09', '2026-09', ['结束月份须晚于开始月份']],
    ['2026-09', '2025-09', ['结束月份须晚于开始月份']],
  ])('%s → %s gives %j', (startMonth, endMonth, messages) => {
    expect(assignmentRuleIssues({ ...base, startMonth, endMonth }).map((i) => i.message)).toEqual(messages);
  });

  it('refuses the same school on both sides', () => {
    expect(assignmentRuleIssues({ ...base, toSchoolId: base.fromSchoolId, startMonth: '2026-09', endMonth: '2028-08' })).toEqual([
      { field: 'toSchoolId', message: '交流学校不能与原学校相同' },
    ]);
  });

  it('accepts exactly the spans of 12 to 72 months served, for any start', () => {
    fc.assert(
      fc.property(month, month, (startMonth, endMonth) => {
        const served =
          (Number(endMonth.slice(0, 4)) - Number(startMonth.slice(0, 4))) * 12 +
          Number(endMonth.slice(5)) -
          Number(startMonth.slice(5)) +
          1;
        expect(assignmentRuleIssues({ ...base, startMonth, endMonth }).length === 0).toBe(served >= 12 && served <= 72);
      }),
    );
  });

  it('never lets an ID-card or phone number into a name', () => {
    expect(TeacherNameSchema.safeParse('王芳').success).toBe(true);
    expect(TeacherNameSchema.safeParse('王芳13812345678').success).toBe(false);
    expect(TeacherNameSchema.safeParse('370102199001011234').success).toBe(false);
  });

  it('validates a whole assignment body with the rules attached to their fields', () => {
    const result = RotationAssignmentInputSchema.safeParse({
      teacherName: '王芳',
      subject: '语文',
      ...base,
      toSchoolId: base.fromSchoolId,
      type: '支教',
      startMonth: '2026-09',
      endMonth: '2026-10',
      backboneLevel: '无',
      transferPersonnel: false,
    });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['toSchoolId', '交流学校不能与原学校相同'],
      ['endMonth', '交流期限须为 1–6 年'],
    ]);
  });
});

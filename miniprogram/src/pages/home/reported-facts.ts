import type { DistrictSummary } from '../../../../shared';

type ReportedFacts = NonNullable<DistrictSummary['reported']>;

/** 190000 → "19 万"; smaller figures as they are. */
const amount = (n: number) => (n >= 10_000 && n % 10_000 === 0 ? `${n / 10_000} 万` : `${n} `);

/**
 * The district's own figures as one sentence. `atLeast` is one flag for all of them, but a
 * group count is a count of named groups ("36个教育集团") while sites, schools and pupils are
 * the rounded ones ("140余个校址"), so only those get 余.
 */
export function reportedFactsLine(facts: ReportedFacts): string {
  const about = facts.atLeast ? '余' : '';
  const parts = [
    facts.groups !== undefined ? `${facts.groups} 个教育集团` : null,
    facts.sites !== undefined ? `${amount(facts.sites)}${about}个校址` : null,
    facts.memberSchools !== undefined ? `${amount(facts.memberSchools)}${about}所成员校` : null,
    facts.students !== undefined ? `${amount(facts.students)}${about}名学生在集团内就读` : null,
  ];
  return `据${facts.publisher ?? '该区'}公开资料：${parts.filter(Boolean).join('，')}`;
}

/** "来源：…": the district's citation of its figures, else the source document's number. */
export const reportedFactsSource = (facts: ReportedFacts) => `来源：${facts.citation ?? `资料 ${facts.source}`}`;

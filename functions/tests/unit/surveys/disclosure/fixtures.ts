import type { Answer, Question } from '../../../../../shared';
import { seedData } from '../../../../src/features/catalog/seed/seed-data';
import { surveyBlocks, surveyIdentities } from '../../../../src/features/surveys/domain/disclosure/survey-blocks';
import { surveyUnits, type DisclosureTable } from '../../../../src/features/surveys/domain/disclosure/published-table';
import { responseCounters, tally } from '../../../../src/features/surveys/domain/response-counters';
import { validateResponse } from '../../../../src/features/surveys/domain/validate-response';

/** A catalogue: the district's schools and its (possibly overlapping) groups. */
export interface Catalogue {
  districtId: string;
  schoolIds: string[];
  groups: Array<{ id: string; schoolIds: string[] }>;
}

/** 济南市中区 as seeded: 24 schools, 11 groups; 实验初中 and 育英 each lead two groups. */
export function jinan(): Catalogue {
  const districtId = 'jinan-shizhong';
  const schoolIds = seedData.schools.filter((s) => s.districtId === districtId).map((s) => s.id);
  const groups = seedData.groups
    .filter((g) => g.districtId === districtId)
    .map((g) => ({ id: g.id, schoolIds: seedData.memberships.filter((m) => m.groupId === g.id).map((m) => m.schoolId) }));
  return { districtId, schoolIds, groups };
}

export const likert4 = (id: string, required = true): Question => ({
  id,
  type: 'likert',
  title: id,
  dimension: '教育质量',
  labels: ['满意', '比较满意', '基本满意', '不满意'],
  allowUnknown: true,
  satisfiedTopBoxes: 3,
  required,
});

/** Counters per school from answer sheets, through validateResponse and responseCounters. */
export function countersFrom(questions: Question[], sheets: Map<string, Array<Record<string, Answer>>>): Map<string, Map<string, number>> {
  const counts = new Map<string, Map<string, number>>();
  for (const [school, list] of sheets)
    for (const answers of list) {
      const valid = validateResponse({ questions }, answers);
      if (!valid.ok) throw new Error(`invalid sheet: ${JSON.stringify(valid.problems)}`);
      tally(counts.get(school) ?? counts.set(school, new Map()).get(school)!, responseCounters(questions, valid.value));
    }
  return counts;
}

export function tableOf(catalogue: Catalogue, questions: Question[], counts: Map<string, Map<string, number>>): DisclosureTable {
  return {
    units: surveyUnits(catalogue.districtId, catalogue.groups, catalogue.schoolIds),
    blocks: surveyBlocks(questions),
    identities: surveyIdentities(questions),
    counts,
  };
}

/** n sheets answering every question with likert values cycling through `values`. */
export function sheets(questions: Question[], n: number, values: number[]): Array<Record<string, Answer>> {
  return Array.from({ length: n }, (_, i) =>
    Object.fromEntries(questions.map((q, k) => [q.id, { likert: values[(i + k) % values.length] } as Answer])),
  );
}

/**
 * The disclosure model: everything a reader of one survey's results sees, as cells over the
 * published hierarchy, and the identities that tie the cells together. docs/scoring.md
 * ("Suppression over the whole published hierarchy") states it in prose.
 *
 * A school holds counters (one per option of a question, 不了解, a multiple-choice question's
 * respondents, the response counts). A unit (district, group, school) publishes, per block,
 * the sums of the block's counters over its schools — or hides the whole block (样本不足).
 * Groups may overlap (济南实验初级中学 leads 实验教育集团 and 实验教育集团联盟学校).
 */
export type UnitLevel = 'district' | 'group' | 'school';

export interface DisclosureUnit {
  /** `level:id`, see unitKey. */
  key: string;
  level: UnitLevel;
  schoolIds: string[];
}

/** Counters shown or hidden together: one question's cell, or a unit's response counts. */
export interface DisclosureBlock {
  /** The question id, or RESPONSES_BLOCK. */
  id: string;
  counters: string[];
  /** The counters whose sum is the block's n: what minN is about. */
  size: string[];
  /**
   * Sums of the block's counters that the results publish as figures of their own (a likert
   * question's satisfied boxes, NPS promoters / passives / detractors). The audit protects each
   * like a count: a sum can be pinned while none of its counters is (two hidden schools may swap
   * a 9 for a 10 but not a 9 for a 6), and a reader who subtracts published promoters gets it.
   */
  derived?: Array<{ id: string; counters: string[] }>;
}

/**
 * A relation every school's counters satisfy, and so every unit's:  Σ coefficient·counter = 0
 * (or ≤ 0). A reader knows these from the questionnaire, so the audit grants them to the reader.
 */
export interface Identity {
  terms: Array<[counter: string, coefficient: number]>;
  relation: '=' | '<=';
}

export interface DisclosureTable {
  units: DisclosureUnit[];
  blocks: DisclosureBlock[];
  identities: Identity[];
  /** counts.get(schoolId)?.get(counter); absent means 0. */
  counts: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** What a reader may know besides the results, e.g. a school's responses ≤ its 在校家庭数. */
  publicUpperBounds?: Array<{ schoolId: string; counter: string; max: number }>;
}

export const RESPONSES_BLOCK = 'responses';

export const unitKey = (level: UnitLevel, id: string) => `${level}:${id}`;
/** A published cell: one block of one unit. */
export const cellKey = (unit: string, blockId: string) => `${unit}|${blockId}`;

/** The units of a survey's results: the district (all its schools), every group, every school. */
export function surveyUnits(districtId: string, groups: Array<{ id: string; schoolIds: string[] }>, schoolIds: string[]): DisclosureUnit[] {
  return [
    { key: unitKey('district', districtId), level: 'district', schoolIds: [...schoolIds] },
    ...groups.map((g) => ({ key: unitKey('group', g.id), level: 'group' as const, schoolIds: [...g.schoolIds] })),
    ...schoolIds.map((id) => ({ key: unitKey('school', id), level: 'school' as const, schoolIds: [id] })),
  ];
}

/** A unit's sum of some counters. */
export function unitSum(table: Pick<DisclosureTable, 'counts'>, unit: DisclosureUnit, counters: string[]): number {
  return unit.schoolIds.reduce((sum, s) => sum + counters.reduce((t, c) => t + (table.counts.get(s)?.get(c) ?? 0), 0), 0);
}

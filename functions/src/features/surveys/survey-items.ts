import type { SurveyDefinition } from '../../../../shared';
import type { RecognitionDefinition } from '../../../../shared/surveys/recognition';

export type SurveyItem = {
  kind: 'survey';
  id: string;
  definition: SurveyDefinition;
  districtId: string;
  /** Counter and response shards (fixed at creation: readers must know them). */
  shards: number;
  minN: number;
  createdAt: string;
  createdBy: string;
  /**
   * Which options count as 认可: the district's setting, fixed with the survey when it is made
   * (so a published rate never changes meaning). Absent on surveys made before it existed:
   * those keep their questions' own top boxes ('as-authored').
   */
  recognition?: RecognitionDefinition;
};

/**
 * A survey's published state (issue 11 §3): each school's frozen counters, the audience they
 * were planned over, and the suppression plan whose audit passed. Replaced whole at each refresh,
 * conditionally on the version it replaces.
 */
export type PublicationItem = {
  kind: 'survey-publication';
  surveyId: string;
  version: number;
  takenAt: string;
  minN: number;
  /** The audience as planned: its schools and groups (memberships may overlap). */
  audience: { schoolIds: string[]; groups: Array<{ id: string; schoolIds: string[] }> };
  /** Per school, its counters as frozen at its last refresh. */
  schools: Record<string, Record<string, number>>;
  /** Cells shown as 样本不足: `unit|block` keys (domain/disclosure/published-table.ts). */
  hidden: string[];
  /** The planner's figures, for the record. */
  plan: { rounds: number; lpSolves: number };
};

/** A stored response: no openid, no user id, no IP, no time of day; just the date and the school. */
export type ResponseItem = {
  kind: 'response';
  surveyId: string;
  schoolId: string;
  date: string;
  answers: Record<string, string[]>;
  /** Only texts that content security did not refuse; 'held' ones wait for an admin. */
  texts: Array<{ questionId: string; text: string; status: 'visible' | 'held' }>;
  straightLined: boolean;
};

export { answerCounter, RESPONSES_COUNTER, STRAIGHT_COUNTER } from './domain/counter-names';

import type { PublicGroupEvaluation, RoundCoverage } from './evaluation-report';
import type { IndicatorSystemDraft, RoundPublication } from './indicator-system';

/** What the round endpoints answer besides the reports (evaluation-report.ts). Types only. */

export interface RoundCreated {
  id: string;
}

/** The round is frozen; `coverage` says what was missing where when it was locked. */
export interface RoundLocked {
  id: string;
  locked: true;
  coverage: RoundCoverage;
}

/** The publication as stored, with its round. */
export interface RoundPublished extends RoundPublication {
  id: string;
}

/** The group in its district's latest published round; null when none is published. */
export interface PublicEvaluationAnswer {
  evaluation: PublicGroupEvaluation | null;
}

/** A district's indicator system saved under a name, to start later rounds from. */
export interface SavedIndicatorSystem {
  id: string;
  name: string;
  system: IndicatorSystemDraft;
  savedAt: string;
  savedBy: string;
}

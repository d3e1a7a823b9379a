import type { SurveyDefinition, SurveySettings, TermId } from '../../../../shared';
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
   * The term whose membership groups the survey's audience and results: the term it opens in,
   * fixed at creation, so a school that moves later does not regroup its numbers. Absent on
   * surveys made before terms were kept: surveyTerm derives it from opensAt.
   */
  term?: TermId;
  /**
   * Which options count as 认可: the district's setting, fixed with the survey when it is made
   * (so a published rate never changes meaning). Absent on surveys made before it existed:
   * those keep their questions' own top boxes ('as-authored').
   */
  recognition?: RecognitionDefinition;
};

/** A district's survey settings (AP53), with who set them. */
export type SurveySettingsItem = SurveySettings & { kind: 'survey-settings'; districtId: string; updatedAt: string; updatedBy: string };

/** A survey's published state (AP52); its shape is the domain's (domain/publication.ts). */
export type { PublicationItem } from './domain/publication';

/** A stored response: no openid, no user id, no IP, no time of day; just the date and the school. */
export type ResponseItem = {
  kind: 'response';
  surveyId: string;
  schoolId: string;
  date: string;
  answers: Record<string, string[]>;
  /** Only texts that content security did not refuse; 'held' ones wait for an admin, who approves (visible) or rejects them. */
  texts: Array<{ questionId: string; text: string; status: 'visible' | 'held' | 'rejected' }>;
  straightLined: boolean;
  /** The snapshot version whose results read first published this response's texts (AP126, domain/text-release.ts). */
  textsReleasedIn?: number;
};

export { answerCounter, RESPONSES_COUNTER, STRAIGHT_COUNTER } from './domain/counter-names';

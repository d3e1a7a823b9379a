import type { DraftOwner, SurveyDraftContent } from '../../../../../shared/surveys/survey-draft';

/**
 * A survey draft (草稿箱): what the builder saved, possibly incomplete. It is not a survey:
 * nobody sees it but its owner's admins, it has no counters, and publishing turns it into a
 * survey (SurveyService.create) and deletes it.
 */
export type SurveyDraftItem = SurveyDraftContent & {
  kind: 'survey-draft';
  id: string;
  owner: DraftOwner;
  /** The owner's district (a group's, for a group draft): the district admins list it too. */
  districtId: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
  copiedFrom: string | null;
};

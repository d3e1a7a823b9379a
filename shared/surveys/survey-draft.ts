import type { Question } from './survey';

/**
 * The survey builder's domain (zod-free, so the mini-program's builder and the server share
 * it): question ids, reordering, the per-response counter budget and the draft's shape.
 */

/**
 * A response is stored in one DynamoDB transaction (at most 100 items): the voter marker, the
 * response, the school's response and straight-lining counters, and one counter per chosen
 * option. So a survey may count at most 96 options per response.
 */
export const MAX_COUNTERS_PER_RESPONSE = 96;

/** What one response adds to the counters: one per scored answer, a multiple choice's max. */
export function countersPerResponse(questions: ReadonlyArray<Pick<Question, 'type'> & { max?: number }>): number {
  return questions.reduce((sum, q) => sum + (q.type === 'multiple' ? Math.max(0, q.max ?? 0) : q.type === 'text' ? 0 : 1), 0);
}

/** Why a survey cannot be stored in one transaction, in the words an admin reads (null: it fits). */
export function counterProblem(questions: ReadonlyArray<Pick<Question, 'type'> & { max?: number }>): string | null {
  const count = countersPerResponse(questions);
  return count > MAX_COUNTERS_PER_RESPONSE
    ? `统计项 ${count} 个，超过上限 ${MAX_COUNTERS_PER_RESPONSE}：一份答卷须在一次写入中保存，每道量表、单选、NPS 题计 1 项，多选题按“最多可选”计。请删减题目或降低多选题的最多可选数。`
    : null;
}

export type QuestionType = Question['type'];

/**
 * The next question id: one past the highest ever allocated, so an id is never reused after a
 * delete (answers and results are keyed by it). `issued` is the draft's counter, which outlives
 * deleted questions.
 */
export function nextQuestionId(questions: ReadonlyArray<{ id: string }>, issued = 0): { id: string; issued: number } {
  const highest = questions.reduce((max, q) => Math.max(max, Number(/^q(\d+)$/.exec(q.id)?.[1] ?? 0)), issued);
  return { id: `q${highest + 1}`, issued: highest + 1 };
}

/** 上移 (-1) / 下移 (+1): the list with the question at `index` swapped with its neighbour; unchanged at an end. */
export function moveQuestion<T>(questions: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (index < 0 || index >= questions.length || to < 0 || to >= questions.length) return [...questions];
  const moved = [...questions];
  [moved[index], moved[to]] = [moved[to], moved[index]];
  return moved;
}

/** The usual 4-point 家长满意度 labels, most favourable first. */
export const DEFAULT_LIKERT_LABELS = ['满意', '比较满意', '基本满意', '不满意'];

/** A new question of a type, with workable defaults an admin then edits. */
export function blankQuestion(type: QuestionType, id: string): Question {
  switch (type) {
    case 'likert':
      return {
        id,
        type,
        title: '',
        required: true,
        dimension: '教育质量',
        labels: [...DEFAULT_LIKERT_LABELS],
        allowUnknown: true,
        satisfiedTopBoxes: 3,
      };
    case 'single':
      return {
        id,
        type,
        title: '',
        required: true,
        options: [
          { id: 'a', label: '选项一' },
          { id: 'b', label: '选项二' },
        ],
      };
    case 'multiple':
      return {
        id,
        type,
        title: '',
        required: true,
        options: [
          { id: 'a', label: '选项一' },
          { id: 'b', label: '选项二' },
          { id: 'c', label: '选项三' },
        ],
        min: 0,
        max: 2,
      };
    case 'nps':
      return { id, type, title: '', required: false };
    case 'text':
      return { id, type, title: '', required: false };
  }
}

/** The next option id of a choice question: a, b, … z, then o27, o28 (never one in use). */
export function nextOptionId(options: ReadonlyArray<{ id: string }>): string {
  const used = new Set(options.map((o) => o.id));
  for (const letter of 'abcdefghijklmnopqrstuvwxyz') if (!used.has(letter)) return letter;
  for (let n = 27; ; n++) if (!used.has(`o${n}`)) return `o${n}`;
}

export const QUESTION_TYPE_NAMES: Record<QuestionType, string> = {
  likert: '量表题',
  single: '单选题',
  multiple: '多选题',
  nps: '推荐度（NPS）',
  text: '文字题',
};

/** Who owns a draft: a district (its district admins) or a group (its admins and the district's). */
export type DraftOwner = { type: 'district' | 'group'; id: string };

/**
 * A draft's content as the builder sends it: any part may be missing or incomplete (a draft is
 * checked fully only when published). `questionsIssued` keeps ids unique across deletes.
 */
/** A question as a draft holds it: a question still being written may lack any of its parts. */
export interface DraftQuestion {
  id: string;
  type: QuestionType;
  title: string;
  required?: boolean;
  dimension?: string;
  labels?: string[];
  allowUnknown?: boolean;
  satisfiedTopBoxes?: number;
  options?: Array<{ id: string; label: string }>;
  min?: number;
  max?: number;
}

export interface SurveyDraftContent {
  title: string;
  description: string;
  opensAt: string | null;
  closesAt: string | null;
  audience: { groupIds: string[]; schoolIds: string[]; respondents: Array<'parent' | 'teacher'> };
  questions: DraftQuestion[];
  questionsIssued: number;
}

export interface SurveyDraftView extends SurveyDraftContent {
  id: string;
  owner: DraftOwner;
  districtId: string;
  /** Raised by each save; a save naming an older one is 409 (someone else saved meanwhile). */
  version: number;
  updatedAt: string;
  updatedBy: string;
  /** The survey it was copied from (复制为新问卷), if any. */
  copiedFrom: string | null;
}

export interface SurveyDraftSummary {
  id: string;
  title: string;
  questionCount: number;
  updatedAt: string;
  copiedFrom: string | null;
}

export interface SurveyDraftPublished {
  surveyId: string;
}

/** A draft id names its owner, so access is decided from the path before anything is read. */
export const draftIdOf = (owner: DraftOwner, random: string) => `${owner.type === 'district' ? 'd' : 'g'}.${owner.id}.${random}`;
export const DRAFT_ID_PATTERN = /^[dg]\.[a-z0-9][a-z0-9-]{0,63}\.[a-z0-9]{12}$/;
export function draftOwnerOf(draftId: string): DraftOwner | null {
  if (!DRAFT_ID_PATTERN.test(draftId)) return null;
  const [kind, id] = draftId.split('.');
  return { type: kind === 'd' ? 'district' : 'group', id };
}

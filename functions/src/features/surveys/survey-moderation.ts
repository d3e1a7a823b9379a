import { z } from 'zod';
import type { ItemList, Ok, TextForReview } from '../../../../shared';
import { ConflictError, NotFoundError, ValidationError } from '../../errors';
import type { Infrastructure } from '../../infrastructure';
import type { SurveyItem } from './survey-items';

/** A text's place: `<shard>.<responseId>.<index in the response's texts>`. */
export const TextRefSchema = z.string().regex(/^[0-9]{1,2}\.[0-9a-f-]{36}\.[0-9]{1,2}$/, '引用格式不正确');

/** Free-text answers for admins: the list with each text's status, and approving or rejecting a held one. */
export class SurveyModeration {
  constructor(private readonly infra: Pick<Infrastructure, 'surveys'>) {}

  /** Text and status only: no school or date beside a free text, which could name its writer. */
  async texts(survey: SurveyItem): Promise<ItemList<TextForReview>> {
    const responses = await this.infra.surveys.listResponsesWithRefs(survey.id, survey.shards);
    const items = responses.flatMap((r) =>
      r.texts.map((t, i) => ({ ref: `${r.shard}.${r.responseId}.${i}`, questionId: t.questionId, text: t.text, status: t.status })),
    );
    return { items: items.sort((a, b) => a.ref.localeCompare(b.ref)) };
  }

  /**
   * Makes a held text visible. A ref outside the survey's shards names nothing (404); a text not
   * held (already approved, or rejected: a rejection is final) is a 409.
   */
  async approve(survey: SurveyItem, ref: string): Promise<Ok> {
    const { shard, responseId, index } = placeOf(survey, ref);
    if (!(await this.infra.surveys.approveText(survey.id, shard, responseId, index))) {
      throw new ConflictError('TEXT_NOT_HELD', '该条文字不在待审核状态');
    }
    return { ok: true };
  }

  /**
   * Rejects a held text: never published, never approvable later. Idempotent (rejecting a
   * rejected text answers ok and changes nothing); a visible text is a 409, since it may already
   * have been read on the results page and rejecting it would pretend otherwise.
   */
  async reject(survey: SurveyItem, ref: string): Promise<Ok> {
    const { shard, responseId, index } = placeOf(survey, ref);
    if (!(await this.infra.surveys.rejectText(survey.id, shard, responseId, index))) {
      throw new ConflictError('TEXT_NOT_HELD', '该条文字不在待审核状态');
    }
    return { ok: true };
  }
}

/** A text's place from its ref: a malformed ref is a field error, a shard the survey lacks names nothing. */
function placeOf(survey: SurveyItem, ref: string): { shard: number; responseId: string; index: number } {
  const parsed = TextRefSchema.safeParse(ref);
  if (!parsed.success) throw new ValidationError('请求参数不正确', [{ path: 'ref', message: parsed.error.issues[0].message }]);
  const [shard, responseId, index] = parsed.data.split('.');
  if (Number(shard) >= survey.shards) throw new NotFoundError('未找到该条文字');
  return { shard: Number(shard), responseId, index: Number(index) };
}

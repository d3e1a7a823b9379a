import { createHmac, randomInt, randomUUID } from 'node:crypto';
import type { ResponseBody, SurveyDefinition } from '../../../../shared';
import { isStraightLined } from './domain/scoring/straight-lining';
import { effectiveMinN } from './domain/scoring/suppression';
import { validateResponse } from './domain/validate-response';
import { ApiError, ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../errors';
import type { Infrastructure } from '../../infrastructure';
import type { RequestUser } from '../identity/request-user';
import { answerCounter, RESPONSES_COUNTER, STRAIGHT_COUNTER, type SurveyItem } from './survey-items';
import type { SurveyRepository } from './survey-repository';
import { newId } from '../identity/domain/invite-codes';
import { resolveAudience } from './survey-audience';
import { screenText } from '../../wechat/text-screening';

type Deps = Pick<Infrastructure, 'config' | 'catalog' | 'now' | 'wechat' | 'logger'> & { surveys: SurveyRepository };

/** Counter shards per survey unless configured: 8 partitions ≈ 8,000 writes/s of headroom. */
export const DEFAULT_SHARDS = 8;

/** The response date in China (no time of day is kept). */
const chinaDate = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

export class SurveyService {
  constructor(private readonly deps: Deps) {}

  async create(definition: SurveyDefinition, createdBy: string, options: { shards?: number; minN?: number } = {}): Promise<SurveyItem> {
    const survey: SurveyItem = {
      kind: 'survey',
      id: newId('sv'),
      definition,
      districtId: definition.audience.districtId,
      shards: options.shards ?? DEFAULT_SHARDS,
      minN: effectiveMinN(options.minN),
      createdAt: this.deps.now().toISOString(),
      createdBy,
    };
    await this.deps.surveys.putSurvey(survey);
    return survey;
  }

  async get(surveyId: string): Promise<SurveyItem> {
    const survey = await this.deps.surveys.getSurvey(surveyId);
    if (!survey) throw new NotFoundError('未找到该问卷');
    return survey;
  }

  /** One response per person per survey, enforced by the database (see SurveyRepository.submit). */
  async submit(user: RequestUser, surveyId: string, body: ResponseBody): Promise<{ refusedTexts: string[] }> {
    const survey = await this.get(surveyId);
    const { definition } = survey;
    const now = this.deps.now();
    if (now.toISOString() < definition.opensAt) throw new ConflictError('SURVEY_NOT_OPEN', '问卷尚未开始');
    if (now.toISOString() >= definition.closesAt) throw new ConflictError('SURVEY_CLOSED', '问卷已截止');
    if (!definition.audience.respondents.includes('parent') && !(await user.grants()).some((g) => g.role === 'teacher')) {
      throw new ForbiddenError('本问卷仅限教师填写');
    }
    const audience = await resolveAudience(this.deps.catalog, definition.audience);
    if (!audience.schools.some((s) => s.id === body.schoolId)) {
      throw new ApiError(403, 'NOT_IN_AUDIENCE', '该学校不在本次问卷范围内');
    }
    const checked = validateResponse(definition, body.answers);
    if (!checked.ok) throw new ValidationError('问卷未填写完整或有误', checked.problems, 'INVALID_RESPONSE');

    const { counted, texts, likertValues } = checked.value;
    // Refused texts are dropped; the numeric answers count whatever the texts' fate.
    const screened = await Promise.all(texts.map(async (t) => ({ ...t, status: await screenText(this.deps, user, t.text) })));
    const refusedTexts = screened.filter((t) => t.status === 'refused').map((t) => t.questionId);
    const straightLined = isStraightLined(likertValues);
    const counters = [
      RESPONSES_COUNTER,
      ...(straightLined ? [STRAIGHT_COUNTER] : []),
      ...counted.flatMap((c) => c.options.map((option) => answerCounter(c.questionId, option))),
    ];
    const stored = await this.deps.surveys.submit({
      marker: this.voterMarker(surveyId, user.userKey),
      responseId: randomUUID(),
      shard: randomInt(survey.shards),
      counters,
      response: {
        kind: 'response',
        surveyId,
        schoolId: body.schoolId,
        date: chinaDate(now),
        answers: Object.fromEntries(counted.map((c) => [c.questionId, c.options])),
        texts: screened.flatMap((t) => (t.status === 'refused' ? [] : [{ questionId: t.questionId, text: t.text, status: t.status }])),
        straightLined,
      },
    });
    if (!stored) throw new ConflictError('ALREADY_ANSWERED', '你已经提交过本问卷，感谢参与');
    return { refusedTexts };
  }

  async hasAnswered(user: RequestUser, surveyId: string): Promise<boolean> {
    return this.deps.surveys.hasVoted(this.voterMarker(surveyId, user.userKey));
  }

  /**
   * HMAC-SHA256(server secret, survey id + user). The user is already the openid's pseudonym,
   * so the marker cannot be tied to a WeChat account, nor to the response (no shared field).
   */
  private voterMarker(surveyId: string, userKey: string): string {
    return createHmac('sha256', this.deps.config.auth.pseudonymSecret).update(`vote:${surveyId}:${userKey}`).digest('base64url');
  }
}

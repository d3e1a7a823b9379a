import { randomInt, randomUUID } from 'node:crypto';
import type { ResponseBody, SurveyClosed, SurveyDefinition, SurveyView } from '../../../../shared';
import { responseCounters } from './domain/response-counters';
import { effectiveMinN } from './domain/scoring/suppression';
import { validateResponse } from './domain/validate-response';
import { ApiError, ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../errors';
import type { Infrastructure } from '../../infrastructure';
import type { RequestUser } from '../identity/request-user';
import { STRAIGHT_COUNTER, type SurveyItem } from './survey-items';
import type { AnswerReads } from './survey-repository';
import { AlreadyAnsweredError, SchoolNotBoundError } from './survey-errors';
import { newId } from '../identity/domain/invite-codes';
import { checkAudience } from './audience-rule';
import { periodsNeeded, schoolInAudience } from './school-audience';
import { RateLimiter } from '../identity/rate-limiter';
import { SchoolPeriodsMemory } from './school-periods-memory';
import { termOf } from '../../../../shared';
import { SurveySettingsService } from './survey-settings';
import { surveyStatus } from './survey-summary';
import { voterMarker } from './voter-marker';
import { screenText } from '../../wechat/text-screening';

type Deps = Pick<Infrastructure, 'config' | 'catalog' | 'now' | 'wechat' | 'logger' | 'surveys' | 'rateLimits'>;

/**
 * What an answer is checked against, read together (SurveyService.getForAnswer, AP125): what
 * AP125 found, the survey known to exist and the session handed to the caller.
 */
export type AnswerTarget = Omit<AnswerReads, 'survey' | 'session'> & { survey: SurveyItem };

/** Counter shards per survey unless configured: 8 partitions ≈ 8,000 writes/s of headroom. */
export const DEFAULT_SHARDS = 8;

/** The response date in China (no time of day is kept). */
const chinaDate = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** A survey's life: creation, reading, answering (one response per person) and ending early. */
export class SurveyService {
  private readonly periods: SchoolPeriodsMemory;
  private readonly limiter: RateLimiter;

  constructor(private readonly deps: Deps) {
    this.periods = new SchoolPeriodsMemory(
      (schoolId) => deps.catalog.allPeriodsOfSchool(schoolId),
      deps.config.searchCacheTtlMs,
      () => deps.now().getTime(),
    );
    this.limiter = new RateLimiter(deps);
  }

  /**
   * The audience's places must lie inside each other (audience-rule.ts) in the term the survey
   * opens in, which it keeps (SurveyItem.term), or nothing is stored.
   */
  async create(definition: SurveyDefinition, createdBy: string, options: { shards?: number; minN?: number } = {}): Promise<SurveyItem> {
    const term = termOf(definition.opensAt);
    await checkAudience(this.deps.catalog, definition.audience, term);
    // The district's 认可 definition in force now, copied onto the survey (survey-settings.ts).
    const { recognition } = await new SurveySettingsService(this.deps).get(definition.audience.districtId);
    const survey: SurveyItem = {
      kind: 'survey',
      id: newId('sv'),
      definition,
      districtId: definition.audience.districtId,
      shards: options.shards ?? DEFAULT_SHARDS,
      minN: effectiveMinN(options.minN),
      recognition,
      term,
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

  /** A survey as respondents see it: its definition and whether it is open now. */
  view(survey: SurveyItem): SurveyView {
    return { id: survey.id, definition: survey.definition, status: surveyStatus(survey.definition, this.deps.now().toISOString()) };
  }

  /**
   * What an answer is checked against, in one read (AP125): the survey (404 if there is none),
   * the school the answer names, and the caller's session, binding and vote marker. The session
   * item goes to the caller (RequestUser.settle), so the route reads no session of its own.
   */
  async getForAnswer(surveyId: string, schoolId: string, user: RequestUser): Promise<AnswerTarget> {
    const { userKey, sessionId } = user;
    const read = await this.deps.surveys.readForAnswer({ surveyId, schoolId, userKey, sessionId, marker: this.markerOf(surveyId, user) });
    const { survey, session, ...rest } = read;
    user.settle(session);
    if (!survey) throw new NotFoundError('未找到该问卷');
    return { survey, ...rest };
  }

  /** `respond` for callers that hold only the survey's id. */
  async submit(user: RequestUser, surveyId: string, body: ResponseBody): Promise<{ refusedTexts: string[] }> {
    return this.respond(user, await this.getForAnswer(surveyId, body.schoolId, user), body);
  }

  /**
   * One response per person per survey, enforced by the database (see SurveyRepository.submit),
   * and only for a school the person is bound to (a parent's 我的 binding, or confirmed on the
   * survey page; a teacher's own school): else 403 SCHOOL_NOT_BOUND. The audience is decided
   * for that one school (school-audience.ts), so an answer reads no more of the catalogue than
   * the school and, for a survey of groups, the school's membership periods (AP6, remembered
   * per catalogue version: SchoolPeriodsMemory).
   *
   * The route takes no rate-limit token of its own ('service'): what a flood of answers could
   * multiply is refused by the one read every answer makes anyway (a second answer is 409 before
   * any write, and each person answers a survey once), except the calls to WeChat's content
   * security, so an answer takes a token only when it has texts to screen.
   */
  async respond(user: RequestUser, target: AnswerTarget, body: ResponseBody): Promise<{ refusedTexts: string[] }> {
    const { survey, school } = target;
    const { definition } = survey;
    const now = this.deps.now();
    if (now.toISOString() < definition.opensAt) throw new ConflictError('SURVEY_NOT_OPEN', '问卷尚未开始');
    if (now.toISOString() >= definition.closesAt) throw new ConflictError('SURVEY_CLOSED', '问卷已截止');
    if (!definition.audience.respondents.includes('parent') && !(await user.grants()).some((g) => g.role === 'teacher')) {
      throw new ForbiddenError('本问卷仅限教师填写');
    }
    const periods = school && periodsNeeded(survey) ? await this.periods.periodsOf(school.id, target.catalogVersion) : [];
    if (!schoolInAudience({ school, periods }, survey)) {
      throw new ApiError(403, 'NOT_IN_AUDIENCE', '该学校不在本次问卷范围内');
    }
    if (!target.binding && !(await this.boundSchools(user)).has(body.schoolId)) throw new SchoolNotBoundError();
    if (target.answered) throw new AlreadyAnsweredError();
    const checked = validateResponse(definition, body.answers);
    if (!checked.ok) throw new ValidationError('问卷未填写完整或有误', checked.problems, 'INVALID_RESPONSE');

    const { counted, texts } = checked.value;
    if (texts.length > 0) await this.limiter.take(user.userKey, 'writes');
    // Refused texts are dropped; the numeric answers count whatever the texts' fate.
    const screened = await Promise.all(texts.map(async (t) => ({ ...t, status: await screenText(this.deps, user, t.text) })));
    const refusedTexts = screened.filter((t) => t.status === 'refused').map((t) => t.questionId);
    // Respondents of multiple choice, valid returns and straight-lining by scale position (response-counters.ts).
    const counters = responseCounters(definition.questions, checked.value);
    const straightLined = counters.includes(STRAIGHT_COUNTER);
    const stored = await this.deps.surveys.submit({
      marker: this.markerOf(survey.id, user),
      responseId: randomUUID(),
      shard: randomInt(survey.shards),
      counters,
      response: {
        kind: 'response',
        surveyId: survey.id,
        schoolId: body.schoolId,
        date: chinaDate(now),
        answers: Object.fromEntries(counted.map((c) => [c.questionId, c.options])),
        texts: screened.flatMap((t) => (t.status === 'refused' ? [] : [{ questionId: t.questionId, text: t.text, status: t.status }])),
        straightLined,
      },
    });
    if (!stored) throw new AlreadyAnsweredError();
    return { refusedTexts };
  }

  async hasAnswered(user: RequestUser, surveyId: string): Promise<boolean> {
    return this.deps.surveys.hasVoted(this.markerOf(surveyId, user));
  }

  /** Which of these surveys the user answered: one batch read, however many surveys. */
  async answeredAmong(user: RequestUser, surveyIds: string[]): Promise<Set<string>> {
    const byMarker = new Map(surveyIds.map((id) => [this.markerOf(id, user), id]));
    const voted = await this.deps.surveys.votedAmong([...byMarker.keys()]);
    return new Set([...voted].map((marker) => byMarker.get(marker)!));
  }

  /** Ends an open survey now; its questions never change, only the end moves earlier. */
  async close(survey: SurveyItem): Promise<SurveyClosed> {
    const now = this.deps.now().toISOString();
    if (!(await this.deps.surveys.closeSurvey(survey.id, now))) throw new ConflictError('SURVEY_NOT_OPEN', '只能结束进行中的问卷');
    return { id: survey.id, closesAt: now };
  }

  /** Schools the user may answer for: bound as a parent, or a teacher's own school. */
  private async boundSchools(user: RequestUser): Promise<Set<string>> {
    const items = await user.allItems();
    return new Set(items.flatMap((i) => (i.kind === 'school-binding' || i.kind === 'teacher-binding' ? [i.schoolId] : [])));
  }

  private markerOf(surveyId: string, user: RequestUser): string {
    return voterMarker(this.deps.config.auth.pseudonymSecret, surveyId, user.userKey);
  }
}

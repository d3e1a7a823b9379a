import type { ItemList, RoundCreated, RoundLocked, RoundPublication, RoundPublished, RoundSummary } from '../../../../shared';
import { ROUND_ID } from './domain/round-id';
import { ConflictError, NotFoundError } from '../../errors';
import type { Infrastructure } from '../../infrastructure';
import { newId } from '../identity/domain/invite-codes';
import type { RequestUser } from '../identity/request-user';
import {
  CoverageIncompleteError,
  notManualIndicator,
  PreviousRoundNotInDistrictError,
  RankingIncompleteError,
  roundLocked,
  roundNotFound,
  SurveyNotInDistrictError,
  TooManySurveysError,
} from './evaluation-errors';
import { reportOf, roundReport } from './evaluation-report';
import type { RoundItem } from './evaluation-repository';
import { newestFirst, roundSummary } from './evaluation-views';
import type { CreateRoundBody, LockBody, ScoreBody } from './round-input';
import { draftOf, roundSystem, surveysNamed } from './round-system';
import { currentTerm } from '../catalog/current-term';

/** Round ids as newId('rd') makes them; anything else names no round and is not looked up. */
/** Survey ids as the surveys feature makes them (newId('sv')). */
const SURVEY_ID = /^sv-[a-z0-9]{1,32}$/;
/** Distinct surveys one round may read: each is read for every report of an open round. */
export const ROUND_SURVEYS_MAX = 20;

type Deps = Pick<Infrastructure, 'evaluations' | 'surveys' | 'catalog' | 'now'>;

/** Evaluation rounds, the district's: creating them, manual scores, locking and publication. */
export class EvaluationService {
  constructor(private readonly infra: Deps) {}

  /** The round a route acts on. */
  async round(roundId: string): Promise<RoundItem> {
    const round = ROUND_ID.test(roundId) ? await this.infra.evaluations.getRound(roundId) : null;
    if (!round) throw roundNotFound();
    return round;
  }

  async roundsOfDistrict(districtId: string): Promise<ItemList<RoundSummary>> {
    const rounds = await this.infra.evaluations.listRoundsOfDistrict(districtId);
    return { items: rounds.sort(newestFirst).map(roundSummary) };
  }

  /**
   * A new open round: its system from a template or the body (survey-fed indicators filled with
   * the round's surveys), reading only surveys and a previous round of its own district.
   */
  async create(body: CreateRoundBody): Promise<RoundCreated> {
    const draft = draftOf(body);
    const system = roundSystem(draft, body.surveyIds);
    await Promise.all([
      this.checkSurveys(body.districtId, surveysNamed(draft, body.surveyIds)),
      this.checkPreviousRound(body.districtId, body.previousRoundId),
    ]);
    const id = newId('rd');
    await this.infra.evaluations.putRound({
      kind: 'round',
      id,
      districtId: body.districtId,
      name: body.name,
      system,
      previousRoundId: body.previousRoundId,
      status: 'open',
      term: body.term ?? currentTerm(this.infra),
      createdAt: this.infra.now().toISOString(),
    });
    return { id };
  }

  /** A manual score of one of the district's schools, while the round is open. */
  async putScore(round: RoundItem, score: ScoreBody): Promise<void> {
    const indicator = round.system.dimensions.find((d) => d.id === score.dimensionId)?.indicators.find((i) => i.id === score.indicatorId);
    if (!indicator || indicator.source.kind !== 'manual') throw notManualIndicator();
    // The route's reference check keeps the school in the caller's scope; an admin of two districts still scores only this one's.
    const school = await this.infra.catalog.getSchoolWithCampuses(score.schoolId);
    if (!school || school.school.districtId !== round.districtId) throw new NotFoundError('该学校不在本区');
    const stored = await this.infra.evaluations.putManualScore(round.id, {
      kind: 'manual-score',
      ...score,
      enteredAt: this.infra.now().toISOString(),
    });
    if (!stored) throw roundLocked('该轮次已锁定，分数不能再修改');
  }

  /**
   * Freezes the round: its report text is stored, and scores can no longer change. A round with
   * data missing is locked only when the body confirms it (`confirmIncomplete`): otherwise 400
   * COVERAGE_INCOMPLETE with what is missing where. The answer carries the coverage either way.
   */
  async lock(round: RoundItem, body: LockBody, user: RequestUser): Promise<RoundLocked> {
    if (round.status === 'locked') throw roundLocked();
    const report = await roundReport(this.infra, round);
    if (!report.coverage.complete && !body.confirmIncomplete) throw new CoverageIncompleteError(report.coverage);
    const locked = await this.infra.evaluations.lockRound(round.id, JSON.stringify(report), user.userKey, this.infra.now().toISOString());
    if (!locked) throw roundLocked();
    return { id: round.id, locked: true, coverage: report.coverage };
  }

  /**
   * Publishes the chosen parts of a locked round. A ranking goes public only when every group of
   * the district has a score: ranked among the few complete ones, a group would read 全区第 1 名
   * while most have none (409 RANKING_INCOMPLETE).
   */
  async publish(round: RoundItem, publication: RoundPublication, user: RequestUser): Promise<RoundPublished> {
    if (publication.published && publication.show.ranking && round.status === 'locked') {
      const report = await reportOf(this.infra, round);
      if (report.coverage.groups.incomplete.length > 0) throw new RankingIncompleteError(report.coverage.groups);
    }
    const stored = await this.infra.evaluations.setPublication(round.id, {
      ...publication,
      by: user.userKey,
      at: this.infra.now().toISOString(),
    });
    // Only frozen numbers go public: an open round could still change under its readers.
    if (!stored) throw new ConflictError('ROUND_NOT_LOCKED', '请先锁定该轮次，再发布');
    return { id: round.id, ...publication };
  }

  private async checkSurveys(districtId: string, named: Array<{ id: string; path: string }>): Promise<void> {
    const distinct = [...new Map(named.map((s) => [s.id, s])).values()];
    if (distinct.length > ROUND_SURVEYS_MAX) throw new TooManySurveysError(ROUND_SURVEYS_MAX);
    const surveys = await Promise.all(distinct.map((s) => (SURVEY_ID.test(s.id) ? this.infra.surveys.getSurvey(s.id) : null)));
    const foreign = distinct.find((_, k) => surveys[k]?.districtId !== districtId);
    if (foreign) throw new SurveyNotInDistrictError(foreign.path);
  }

  private async checkPreviousRound(districtId: string, roundId: string | null): Promise<void> {
    if (roundId === null) return;
    const previous = ROUND_ID.test(roundId) ? await this.infra.evaluations.getRound(roundId) : null;
    if (previous?.districtId !== districtId) throw new PreviousRoundNotInDistrictError();
  }
}

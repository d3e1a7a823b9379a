import type { GroupReportView, ItemList, JsonText, PublicEvaluationAnswer, RoundReportAnswer, RoundSummary } from '../../../../shared';
import { ApiError, NotFoundError } from '../../errors';
import type { Infrastructure } from '../../infrastructure';
import { isAllowed } from '../identity/domain/authorize';
import type { RequestUser } from '../identity/request-user';
import { currentTerm } from '../catalog/current-term';
import { evaluationWorkbook } from './evaluation-export';
import { groupNotInRound } from './evaluation-errors';
import { lockedReportOf, reportOf, roundReport } from './evaluation-report';
import type { RoundHead, RoundItem } from './evaluation-repository';
import { groupReportView, newestFirst, publicGroupEvaluation, roundSummary } from './evaluation-views';

type Deps = Pick<Infrastructure, 'evaluations' | 'surveys' | 'catalog' | 'now'>;

const locked = <T extends { status: string }>(rounds: T[]) => rounds.filter((r) => r.status === 'locked');

/** Reading rounds: the district's report, a group's page, the XLSX, and the public view. */
export class EvaluationReportService {
  constructor(private readonly infra: Deps) {}

  /**
   * The report as JSON text, with the round's summary last (`round`, see RoundReportAnswer). A
   * locked round answers the very text stored when it was locked, byte for byte: the summary is
   * appended to it, not merged into a re-serialized copy.
   */
  async reportText(round: RoundItem): Promise<JsonText<RoundReportAnswer>> {
    const summary = JSON.stringify(roundSummary(round));
    const report = round.lockedReport ?? JSON.stringify(await roundReport(this.infra, round));
    // A RoundReport's text with a RoundSummary added as `round`: a RoundReportAnswer.
    return `${report.slice(0, -1)},"round":${summary}}` as JsonText<RoundReportAnswer>;
  }

  /**
   * One group's page of a round. The route's access check has placed the group; the round's
   * report names the groups of the round's district, so a group elsewhere is simply not in it.
   * Only when a caller who is not the district's admin asks for an open round is the group's
   * district read, to tell "not in this round" (404) from "not locked yet" (403).
   */
  async groupPage(round: RoundItem, groupId: string, user: RequestUser): Promise<GroupReportView> {
    if (round.status === 'open' && !isAllowed(await user.grants(), ['district_admin'], { districtId: round.districtId, groupIds: [] })) {
      if ((await this.districtOfGroup(groupId)) !== round.districtId) throw groupNotInRound();
      throw new ApiError(403, 'ROUND_NOT_LOCKED', '该轮次尚未锁定，锁定后集团可查看');
    }
    const view = groupReportView(round, await reportOf(this.infra, round), groupId);
    if (!view) throw groupNotInRound();
    return view;
  }

  /** The round's XLSX, built from its report (a locked round's frozen numbers). */
  async workbook(round: RoundItem): Promise<{ filename: string; file: Buffer }> {
    return { filename: `${round.id}.xlsx`, file: await evaluationWorkbook(await reportOf(this.infra, round)) };
  }

  /** A group sees the district's locked rounds: open ones are the district's working draft. */
  async lockedRoundsOfGroup(groupId: string): Promise<ItemList<RoundSummary>> {
    const rounds = await this.infra.evaluations.listRoundsOfDistrict(await this.districtOfGroup(groupId));
    return { items: locked(rounds).sort(newestFirst).map(roundSummary) };
  }

  /** The group in the latest round its district published; withdrawn or unpublished rounds show nothing. */
  async publicEvaluation(groupId: string): Promise<PublicEvaluationAnswer> {
    const rounds = await this.infra.evaluations.listRoundsOfDistrict(await this.districtOfGroup(groupId));
    const latest: RoundHead | undefined = locked(rounds)
      .filter((r) => r.publication?.published)
      .sort((a, b) => (b.lockedAt ?? '').localeCompare(a.lockedAt ?? '') || newestFirst(a, b))[0];
    const report = latest ? await lockedReportOf(this.infra, latest.id) : null;
    return { evaluation: latest && report ? publicGroupEvaluation(latest, report, groupId) : null };
  }

  private async districtOfGroup(groupId: string): Promise<string> {
    const found = await this.infra.catalog.getGroupWithMembers(groupId, currentTerm(this.infra));
    if (!found) throw new NotFoundError('未找到该教育集团');
    return found.group.districtId;
  }
}

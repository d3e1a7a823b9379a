import type { GroupReportView, PublicGroupEvaluation, RoundReport, RoundSummary } from '../../../../shared';
import type { RoundHead } from './evaluation-repository';

/** The list entry of a round: no system, no report text. */
export function roundSummary(round: RoundHead): RoundSummary {
  return {
    id: round.id,
    name: round.name,
    districtId: round.districtId,
    status: round.status,
    createdAt: round.createdAt,
    lockedAt: round.lockedAt ?? null,
    previousRoundId: round.previousRoundId,
    publication: round.publication ? { published: round.publication.published, show: round.publication.show } : null,
  };
}

/** Newest first: a list of rounds reads like a timeline. */
export const newestFirst = (a: RoundHead, b: RoundHead) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id);

/** One group's page of a round: its scores, its member schools' and its place among the district's groups. */
export function groupReportView(round: RoundHead, report: RoundReport, groupId: string): GroupReportView | null {
  const group = report.groups.find((g) => g.id === groupId);
  if (!group) return null;
  return {
    round: roundSummary(round),
    system: report.system,
    group,
    groupCount: report.groups.filter((g) => g.rank !== null).length,
    unrankedGroups: report.groups.filter((g) => g.rank === null).length,
    schools: group.schoolIds.flatMap((id) => report.schools.filter((s) => s.id === id)),
  };
}

/**
 * The public view of a group in the district's latest published round: each part appears only
 * if the district chose to publish it. Flags travel with the total, so a published score is
 * never shown without its "incomplete" or "below 85 %" warning.
 */
export function publicGroupEvaluation(round: RoundHead, report: RoundReport, groupId: string): PublicGroupEvaluation | null {
  const view = groupReportView(round, report, groupId);
  const show = round.publication?.published ? round.publication.show : null;
  if (!view || !show) return null;
  const { group } = view;
  return {
    round: { id: round.id, name: round.name, lockedAt: round.lockedAt ?? null },
    dimensions: report.system.dimensions.map((d) => ({ id: d.id, name: d.name, weight: d.weight })),
    ...(show.total ? { total: { score: group.total.score, complete: group.total.complete, flags: group.flags } } : {}),
    ...(show.dimensions
      ? {
          dimensionScores: Object.fromEntries(
            Object.entries(group.dimensions).map(([id, d]) => [id, { score: d.score, complete: d.complete }]),
          ),
        }
      : {}),
    ...(show.schools
      ? { schools: view.schools.map((s) => ({ id: s.id, name: s.name, score: s.total.score, complete: s.total.complete })) }
      : {}),
    ...(show.ranking
      ? {
          ranking: {
            rank: group.rank,
            of: view.groupCount,
            unranked: view.unrankedGroups,
            rankChange: group.rankChange,
            delta: group.delta,
          },
        }
      : {}),
  };
}

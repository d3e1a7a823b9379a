export interface RankedEntry {
  id: string;
  score: number | null;
  rank: number | null;
  previousScore: number | null;
  previousRank: number | null;
  /** 增值: score − previous score; null unless both exist. */
  delta: number | null;
  /** previous rank − rank: positive means moved up. */
  rankChange: number | null;
}

/** Standard competition ranking (1, 2, 2, 4) by score, highest first; no score, no rank. */
export function competitionRanks(scores: Map<string, number | null>): Map<string, number | null> {
  const scored = [...scores].filter((e): e is [string, number] => e[1] !== null).sort((a, b) => b[1] - a[1]);
  const ranks = new Map<string, number | null>([...scores.keys()].map((id) => [id, null]));
  scored.forEach(([id, score], i) => ranks.set(id, i > 0 && score === scored[i - 1][1] ? ranks.get(scored[i - 1][0])! : i + 1));
  return ranks;
}

/** Change against the previous round: score delta and rank change for every unit of this round. */
export function rankChanges(current: Map<string, number | null>, previous: Map<string, number | null>): RankedEntry[] {
  const ranks = competitionRanks(current);
  const previousRanks = competitionRanks(previous);
  return [...current].map(([id, score]) => {
    const previousScore = previous.get(id) ?? null;
    const rank = ranks.get(id) ?? null;
    const previousRank = previousRanks.get(id) ?? null;
    return {
      id,
      score,
      rank,
      previousScore,
      previousRank,
      delta: score !== null && previousScore !== null ? score - previousScore : null,
      rankChange: rank !== null && previousRank !== null ? previousRank - rank : null,
    };
  });
}

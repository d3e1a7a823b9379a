export interface MemberScore {
  schoolId: string;
  /** Enrolled students (or families), the weight of the school in its group. */
  enrollment: number | null;
  score: number | null;
}

export interface BundledScore {
  score: number | null;
  /** false when a member school has no score or no enrolment. */
  complete: boolean;
  missing: string[];
}

/**
 * 捆绑 score of a group: the enrolment-weighted mean over its member schools, lead included:
 *   group = Σ nᵢ·sᵢ / Σ nᵢ
 * A school without a score or an enrolment cannot be weighted: it is left out and named, and
 * the group score is marked incomplete (never a zero pulling the group down).
 */
export function bundledScore(members: MemberScore[]): BundledScore {
  const usable = members.filter(
    (m): m is MemberScore & { enrollment: number; score: number } => m.score !== null && m.enrollment !== null && m.enrollment > 0,
  );
  const missing = members.filter((m) => !usable.includes(m as never)).map((m) => m.schoolId);
  const weight = usable.reduce((sum, m) => sum + m.enrollment, 0);
  return {
    score: weight === 0 ? null : usable.reduce((sum, m) => sum + m.enrollment * m.score, 0) / weight,
    complete: missing.length === 0 && members.length > 0,
    missing,
  };
}

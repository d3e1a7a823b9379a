/**
 * A response is straight-lined when it gives the same value to every likert question it
 * answered (不了解 excluded) and answered at least two: the pattern of someone clicking through.
 * Reported as a share, never used to drop responses (that would be the admin's judgement).
 */
export function isStraightLined(likertValues: number[]): boolean {
  return likertValues.length >= 2 && likertValues.every((v) => v === likertValues[0]);
}

export function straightLinedShare(straightLined: number, responses: number): number | null {
  return responses === 0 ? null : straightLined / responses;
}

/**
 * Straight-lining across scales of different length: compares each answer's position on its
 * own scale, (v − 1) / (k − 1), so the top box of a 3-, 4-, 5- and 7-point question is the same
 * position (1) and the bottom box too (0). Compared exactly: (v₁ − 1)(k₂ − 1) = (v₂ − 1)(k₁ − 1).
 * Straight-lined when at least two likert answers (不了解 excluded) share one position.
 */
export function isStraightLinedAcrossScales(answers: Array<{ value: number; points: number }>): boolean {
  if (answers.length < 2) return false;
  const [first] = answers;
  return answers.every((a) => (a.value - 1) * (first.points - 1) === (first.value - 1) * (a.points - 1));
}

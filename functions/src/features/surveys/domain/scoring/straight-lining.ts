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

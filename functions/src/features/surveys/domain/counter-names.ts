/** Counter names within a school: `<qid>#<option>`, and two per-school totals. */
export const RESPONSES_COUNTER = '_responses';
export const STRAIGHT_COUNTER = '_straight';
export const answerCounter = (questionId: string, option: string) => `${questionId}#${option}`;

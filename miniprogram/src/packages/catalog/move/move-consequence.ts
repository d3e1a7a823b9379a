import { previousTerm, termLabel } from '../../../../../shared/catalog/terms';

/**
 * What a move means, in the office's words: the terms before it keep the school where it was
 * (surveys and scores of those terms included), the new group counts it from `fromTerm` on.
 */
export function moveConsequence(fromTerm: string, fromGroupName: string | null, toGroupName: string | null): string {
  const from = termLabel(fromTerm);
  const before = termLabel(previousTerm(fromTerm));
  const after = toGroupName ? `自${from}起计入“${toGroupName}”` : `自${from}起不属于任何集团`;
  const kept = fromGroupName ? `${before}及以前仍计入原集团“${fromGroupName}”` : `${before}及以前不属于任何集团`;
  return `${after}；${kept}。`;
}

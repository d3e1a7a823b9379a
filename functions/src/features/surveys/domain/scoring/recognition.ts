import type { RecognitionDefinition } from '../../../../../../shared/surveys/recognition';

/**
 * How many of a k-point scale's top options count as 认可 under a definition:
 *   strict-top-two    = ⌊k/2⌋   (strictly above the middle: 3→1, 4→2, 5→2, 7→3)
 *   lenient-top-three = ⌊k/2⌋ + 1 (with the middle or qualified option: 3→2, 4→3, 5→3, 7→4)
 *   as-authored       = the question's satisfiedTopBoxes
 */
export function recognisedBoxes(definition: RecognitionDefinition, points: number, authored: number): number {
  switch (definition) {
    case 'strict-top-two':
      return Math.floor(points / 2);
    case 'lenient-top-three':
      return Math.floor(points / 2) + 1;
    case 'as-authored':
      return authored;
  }
}

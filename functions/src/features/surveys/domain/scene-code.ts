import { createHash } from 'node:crypto';

/** Lowercase letters and digits: safe in a scene, a URL and a DynamoDB key alike. */
export const SCENE_CODE_PATTERN = /^[a-z0-9]{1,32}$/;

/** 20 base-36 characters: ~103 bits, so two links of the whole product never share a code in practice. */
const CODE_LENGTH = 20;

/**
 * The short code of a survey's link for one school. The same pair always gets the same code,
 * so asking again (another admin, the poster after the link) writes nothing new, and WeChat's
 * 32-character `scene` limit holds whatever the ids' lengths.
 */
export function sceneCodeOf(surveyId: string, schoolId: string): string {
  const digest = createHash('sha256').update(`${surveyId}\n${schoolId}`).digest();
  return BigInt(`0x${digest.toString('hex')}`)
    .toString(36)
    .padStart(CODE_LENGTH, '0')
    .slice(0, CODE_LENGTH);
}

import { randomInt } from 'node:crypto';

/** No 0/O, 1/I/L: codes are read aloud and typed from a screen. 31^10 ≈ 8×10^14 codes. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const INVITE_CODE_LENGTH = 10;

export function newInviteCode(): string {
  let code = '';
  for (let i = 0; i < INVITE_CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** Shown as ABCDE-FGHJK; the server ignores the dash, spaces and case. */
export function formatInviteCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

export function newId(prefix: string): string {
  let id = '';
  for (let i = 0; i < 12; i++) id += 'abcdefghijklmnopqrstuvwxyz0123456789'[randomInt(36)];
  return `${prefix}-${id}`;
}

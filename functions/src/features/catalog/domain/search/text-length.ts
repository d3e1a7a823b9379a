/** Counts characters the way a person does (an astral ideograph is one). */
export function charLength(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A high surrogate followed by its low half is one character.
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) i++;
    length++;
  }
  return length;
}

const HAN = /\p{Script=Han}/u;

export function hasHan(text: string): boolean {
  return HAN.test(text);
}

import type { NEWS_IMAGE_TYPES } from './news-limits';

/** zod-free: the mini-program checks a chosen image with it before uploading. */

export type NewsImageType = (typeof NEWS_IMAGE_TYPES)[number];

/** Bytes needed to tell the types apart. */
export const IMAGE_HEAD_BYTES = 12;

export const NEWS_IMAGE_EXTENSION: Record<NewsImageType, 'jpg' | 'png' | 'webp'> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
};

const startsWith = (bytes: Uint8Array, at: number, expected: number[]) => expected.every((b, i) => bytes[at + i] === b);

/**
 * The type the bytes say, whatever name or Content-Type came with them; null for anything else
 * (an HTML page or SVG renamed to .png is refused here).
 */
export function sniffImageType(head: Uint8Array): NewsImageType | null {
  if (startsWith(head, 0, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  // RIFF <size> WEBP
  if (startsWith(head, 0, [0x52, 0x49, 0x46, 0x46]) && startsWith(head, 8, [0x57, 0x45, 0x42, 0x50])) return 'image/webp';
  return null;
}

import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * 我的异议 receipts: `<batch id>.<objection id>.<32 random characters>`. The filer's phone keeps
 * the receipt; the objection keeps only its HMAC, so the table never says who filed what, and
 * only the receipt's holder can read the objection's status.
 */
export const OBJECTION_RECEIPT = /^(rb-[a-z0-9]{1,32})\.(ob-\d{14}-[a-z0-9]{12})\.([A-Za-z0-9_-]{32})$/;
export const RECEIPT_NOT_FOUND = '未找到该异议回执';

export const newReceipt = (batchId: string, objectionId: string): string =>
  `${batchId}.${objectionId}.${randomBytes(24).toString('base64url')}`;

export const receiptHash = (secret: string, receipt: string): string =>
  createHmac('sha256', secret).update(`objection-receipt:${receipt}`).digest('base64url');

/** The objection a well-formed receipt names; null for anything else. */
export function receiptTarget(receipt: string): { batchId: string; objectionId: string } | null {
  const match = OBJECTION_RECEIPT.exec(receipt);
  return match ? { batchId: match[1], objectionId: match[2] } : null;
}

/** Constant-time: the comparison must not tell a guesser how much of a hash was right. */
export function receiptMatches(secret: string, receipt: string, stored: string | undefined): boolean {
  if (!stored) return false;
  const expected = Buffer.from(receiptHash(secret, receipt));
  const actual = Buffer.from(stored);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

import { createHmac, timingSafeEqual } from 'node:crypto';

const HEADER_PATTERN = /^sha256=([0-9a-f]{64})$/i;

/** `sha256=<hex>` HMAC of the body, as Meta sends it in X-Hub-Signature-256. */
export function signMetaBody(rawBody: Buffer, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}

/**
 * Checks X-Hub-Signature-256 over the bytes exactly as received. Meta escapes non-ASCII as \uXXXX, so
 * re-serialising parsed JSON changes the bytes and would reject genuine deliveries.
 */
export function verifyMetaSignature(rawBody: Buffer, header: string | undefined, appSecret: string): boolean {
  if (!header || !appSecret) return false;
  const match = HEADER_PATTERN.exec(header.trim());
  if (!match) return false;
  const received = Buffer.from(match[1].toLowerCase(), 'hex');
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  // timingSafeEqual throws on unequal lengths; the pattern already fixes 32 bytes, this keeps it explicit.
  return received.length === expected.length && timingSafeEqual(received, expected);
}

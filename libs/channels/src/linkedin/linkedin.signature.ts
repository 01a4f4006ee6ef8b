import { createHmac, timingSafeEqual } from 'node:crypto';

const PREFIX = 'hmacsha256=';
const HEX = /^[0-9a-f]{64}$/i;

const hmac = (secret: string, data: Buffer | string) => createHmac('sha256', secret).update(data).digest();

/** `challengeResponse` for LinkedIn's webhook validation GET: hex HMAC-SHA256 of the code with the client secret. */
export function linkedInChallengeResponse(challengeCode: string, clientSecret: string): string {
  return hmac(clientSecret, challengeCode).toString('hex');
}

/** What LinkedIn sends in X-LI-Signature for a body (the documented form). */
export function signLinkedInBody(rawBody: Buffer, clientSecret: string): string {
  return hmac(clientSecret, rawBody).toString('hex');
}

/**
 * Checks X-LI-Signature over the raw bytes. Two forms are seen in practice: the hex HMAC of the body
 * (the header sometimes prefixed `hmacsha256=`), and the hex HMAC of `"hmacsha256=" + body`. Both are
 * compared in constant time.
 */
export function verifyLinkedInSignature(
  rawBody: Buffer,
  header: string | undefined,
  clientSecret: string,
): boolean {
  if (!header || !clientSecret) return false;
  let hex = header.trim();
  if (hex.toLowerCase().startsWith(PREFIX)) hex = hex.slice(PREFIX.length);
  if (!HEX.test(hex)) return false;
  const received = Buffer.from(hex.toLowerCase(), 'hex');
  const plain = hmac(clientSecret, rawBody);
  const prefixed = hmac(clientSecret, Buffer.concat([Buffer.from(PREFIX), rawBody]));
  // Both comparisons always run, so timing does not tell which form matched.
  const a = timingSafeEqual(received, plain);
  const b = timingSafeEqual(received, prefixed);
  return a || b;
}

import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Meta's webhook subscription check (GET with hub.mode, hub.verify_token, hub.challenge).
 * Returns the challenge to echo back, or null when the request must be refused (403).
 */
export function verifyMetaHandshake(query: Record<string, unknown>, verifyToken: string): string | null {
  const mode = query['hub.mode'];
  const token = query['hub.verify_token'];
  const challenge = query['hub.challenge'];
  if (mode !== 'subscribe' || typeof token !== 'string' || typeof challenge !== 'string') return null;
  if (!verifyToken || !challenge) return null;
  return sameSecret(token, verifyToken) ? challenge : null;
}

// Hashing first gives equal-length inputs, so the comparison time does not reveal the token's length.
function sameSecret(a: string, b: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(a), digest(b));
}

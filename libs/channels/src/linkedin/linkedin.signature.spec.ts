import { createHmac } from 'node:crypto';
import { linkedInChallengeResponse, signLinkedInBody, verifyLinkedInSignature } from './linkedin.signature';

const SECRET = 'linkedin-client-secret';
const body = Buffer.from('{"type":"ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS","notifications":[]}');
const hex = (data: Buffer | string) => createHmac('sha256', SECRET).update(data).digest('hex');

describe('LinkedIn signatures', () => {
  it('answers the validation challenge with the hex HMAC of the code', () => {
    expect(linkedInChallengeResponse('890e4665-4dfe-4ab3-8ec5-2c1e2a1e8c39', SECRET)).toBe(
      hex('890e4665-4dfe-4ab3-8ec5-2c1e2a1e8c39'),
    );
  });

  it('accepts the HMAC of the body, with or without the hmacsha256= prefix', () => {
    expect(verifyLinkedInSignature(body, signLinkedInBody(body, SECRET), SECRET)).toBe(true);
    expect(verifyLinkedInSignature(body, `hmacsha256=${hex(body)}`, SECRET)).toBe(true);
    expect(verifyLinkedInSignature(body, hex(body).toUpperCase(), SECRET)).toBe(true);
  });

  it('accepts the HMAC of "hmacsha256=" + body', () => {
    expect(verifyLinkedInSignature(body, hex(`hmacsha256=${body.toString()}`), SECRET)).toBe(true);
  });

  it('refuses other secrets, other bodies and malformed headers', () => {
    expect(verifyLinkedInSignature(body, signLinkedInBody(body, 'other'), SECRET)).toBe(false);
    expect(verifyLinkedInSignature(Buffer.from('{}'), signLinkedInBody(body, SECRET), SECRET)).toBe(false);
    expect(verifyLinkedInSignature(body, undefined, SECRET)).toBe(false);
    expect(verifyLinkedInSignature(body, 'sha256=abc', SECRET)).toBe(false);
    expect(verifyLinkedInSignature(body, signLinkedInBody(body, SECRET), '')).toBe(false);
  });
});

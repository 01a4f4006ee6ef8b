import { DomainError } from '@webcare/platform';

export enum WebhookErrorCode {
  InvalidSignature = 'INVALID_SIGNATURE',
  TooManyBadSignatures = 'TOO_MANY_BAD_SIGNATURES',
  UnsupportedEncoding = 'UNSUPPORTED_ENCODING',
  MalformedJson = 'MALFORMED_JSON',
  MalformedPayload = 'MALFORMED_PAYLOAD',
  HandshakeRefused = 'HANDSHAKE_REFUSED',
  MissingChallenge = 'MISSING_CHALLENGE',
  NoLinkedInAccount = 'NO_LINKEDIN_ACCOUNT',
}

/** Every code has a status; a new code without one does not compile. */
const STATUS: Record<WebhookErrorCode, number> = {
  [WebhookErrorCode.InvalidSignature]: 401,
  [WebhookErrorCode.TooManyBadSignatures]: 429,
  [WebhookErrorCode.UnsupportedEncoding]: 415,
  [WebhookErrorCode.MalformedJson]: 400,
  [WebhookErrorCode.MalformedPayload]: 400,
  [WebhookErrorCode.HandshakeRefused]: 403,
  [WebhookErrorCode.MissingChallenge]: 400,
  [WebhookErrorCode.NoLinkedInAccount]: 404,
};

export function webhookError(code: WebhookErrorCode, message: string): DomainError {
  return new DomainError(code, message, STATUS[code]);
}

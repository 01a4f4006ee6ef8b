import { DomainError } from '@webcare/platform';

/** The codes the consent feature answers with (shared names, so clients see what they always saw). */
export enum ConsentErrorCode {
  NotFound = 'NOT_FOUND',
  Forbidden = 'FORBIDDEN',
  Invalid = 'VALIDATION_FAILED',
  Conflict = 'CONFLICT',
}

/** Every code has a status; a new code without one does not compile. */
const STATUS: Record<ConsentErrorCode, number> = {
  [ConsentErrorCode.NotFound]: 404,
  [ConsentErrorCode.Forbidden]: 403,
  [ConsentErrorCode.Invalid]: 400,
  [ConsentErrorCode.Conflict]: 409,
};

export function consentError(code: ConsentErrorCode, message: string): DomainError {
  return new DomainError(code, message, STATUS[code]);
}

export const consentErrors = {
  notFound: () => consentError(ConsentErrorCode.NotFound, 'Consent was not found'),
  forOwnTeamOnly: () =>
    consentError(ConsentErrorCode.Forbidden, 'A receiving team can only ask consent for itself'),
  owningTeamNeedsNone: () =>
    consentError(ConsentErrorCode.Invalid, 'The owning team needs no consent to see its own case'),
  unknownTeam: () => consentError(ConsentErrorCode.Invalid, 'teamId does not name an existing team'),
  notRequested: (status: string) =>
    consentError(ConsentErrorCode.Conflict, `This consent is already ${status}`),
  evidenceInvalid: () =>
    consentError(
      ConsentErrorCode.Invalid,
      "evidenceMessageId must be the person's own message in this case, sent after the consent question",
    ),
};

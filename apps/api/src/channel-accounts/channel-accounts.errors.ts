import { DomainError } from '@webcare/platform';

/** The codes channel account administration answers with (unchanged from before they were listed here). */
export enum ChannelAccountErrorCode {
  Invalid = 'VALIDATION_FAILED',
  AlreadyConnected = 'CONFLICT',
  NotFound = 'NOT_FOUND',
  UnknownAccount = 'CHANNEL_ACCOUNT_NOT_FOUND',
}

/** Every code has a status; a new code without one does not compile. */
const STATUS: Record<ChannelAccountErrorCode, number> = {
  [ChannelAccountErrorCode.Invalid]: 400,
  [ChannelAccountErrorCode.AlreadyConnected]: 409,
  [ChannelAccountErrorCode.NotFound]: 404,
  [ChannelAccountErrorCode.UnknownAccount]: 404,
};

export function channelAccountError(code: ChannelAccountErrorCode, message: string): DomainError {
  return new DomainError(code, message, STATUS[code]);
}

export const channelAccountErrors = {
  unknownTeam: () =>
    channelAccountError(ChannelAccountErrorCode.Invalid, 'teamId does not name an existing team'),
  verifyTokenRequired: () =>
    channelAccountError(
      ChannelAccountErrorCode.Invalid,
      'verifyToken is required for WhatsApp and Facebook (Meta checks it when subscribing)',
    ),
  noSecretNamed: () =>
    channelAccountError(
      ChannelAccountErrorCode.Invalid,
      'Name at least one of appSecret, verifyToken, accessToken',
    ),
  alreadyConnected: () =>
    channelAccountError(
      ChannelAccountErrorCode.AlreadyConnected,
      'This account is already connected; rotate its secrets with PUT …/secrets',
    ),
  /** Rotating secrets of an account that does not exist. */
  notFound: () => channelAccountError(ChannelAccountErrorCode.NotFound, 'The channel account was not found'),
  /** Changing settings of an account that does not exist. */
  unknownAccount: () =>
    channelAccountError(ChannelAccountErrorCode.UnknownAccount, 'No such channel account'),
};

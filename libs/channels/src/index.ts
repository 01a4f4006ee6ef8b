export * from './channel.types';
export * from './signature/meta-signature';
export * from './signature/meta-handshake';
export * from './whatsapp/whatsapp.payload';
export { parseWhatsAppWebhook, whatsAppAccountIds } from './whatsapp/whatsapp.parser';
export { WhatsAppClient, type WhatsAppClientOptions, type SendTextArgs } from './whatsapp/whatsapp.client';
export { parseFacebookWebhook, facebookStandbyCount } from './facebook/facebook.parser';
export {
  FacebookClient,
  type FacebookClientOptions,
  type MessengerSendArgs,
  type CommentReplyArgs,
} from './facebook/facebook.client';
export { parseLinkedInWebhook, LINKEDIN_NOTIFICATION_TYPE } from './linkedin/linkedin.parser';
export {
  linkedInChallengeResponse,
  signLinkedInBody,
  verifyLinkedInSignature,
} from './linkedin/linkedin.signature';
export {
  LinkedInClient,
  type LinkedInClientOptions,
  type LinkedInCommentArgs,
} from './linkedin/linkedin.client';
export { whatsAppSenderCountry } from './whatsapp/whatsapp.sender-country';

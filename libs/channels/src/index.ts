export * from './channel.types';
export * from './signature/meta-signature';
export * from './signature/meta-handshake';
export * from './whatsapp/whatsapp.payload';
export { parseWhatsAppWebhook, whatsAppAccountIds } from './whatsapp/whatsapp.parser';
export { WhatsAppClient, type WhatsAppClientOptions, type SendTextArgs } from './whatsapp/whatsapp.client';

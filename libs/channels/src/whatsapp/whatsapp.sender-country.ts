import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

/**
 * The country of a WhatsApp sender, from their number (`wa_id`, international digits without
 * `+`), so the anonymizer can also read national phone numbers written the way people there do.
 */
export function whatsAppSenderCountry(waId: string): string | undefined {
  if (!/^\d{6,15}$/.test(waId)) return undefined;
  return parsePhoneNumberFromString(`+${waId}`)?.country;
}

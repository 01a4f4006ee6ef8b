export const ENTITY_TYPES = [
  'PERSON',
  'EMAIL',
  'PHONE',
  'IBAN',
  'BSN',
  'STUDENT_NUMBER',
  'ID_NUMBER',
  'ADDRESS',
  'POSTCODE',
  'DATE_OF_BIRTH',
  'IP_ADDRESS',
  'URL',
  'HANDLE',
  'CREDIT_CARD',
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const SPECIAL_CATEGORIES = [
  'HEALTH',
  'RELIGION',
  'ETHNICITY',
  'SEXUAL_ORIENTATION',
  'POLITICS',
  'CRIMINAL',
] as const;
export type SpecialCategory = (typeof SPECIAL_CATEGORIES)[number];

export type Language = 'nl' | 'en' | null;

/** A detected identifier; offsets index the input text (UTF-16, end exclusive). */
export interface DetectedEntity {
  type: EntityType;
  start: number;
  end: number;
}

/** One value the vault has given a token, so callers can persist and reload it. */
export interface VaultEntry {
  token: string;
  type: EntityType;
  /** Normalized form (case-, accent- and spacing-insensitive; phones in E.164) that decides identity. */
  key: string;
  /** The value as it first appeared. */
  value: string;
}

/** Values the institution publishes itself (role mailboxes, general phone numbers, addresses): never entities. */
export interface InstitutionAllowlist {
  emails?: string[];
  phones?: string[];
  domains?: string[];
  addresses?: string[];
}

export type Operator = 'pseudonymize' | 'redact' | 'mask';

export interface AnonymizeOptions {
  lang?: Language;
  operator?: Operator;
  allow?: InstitutionAllowlist;
  /**
   * ISO 3166 country of the sender when the channel tells it (a WhatsApp number's country code):
   * national phone numbers are then also read in that country's format.
   */
  senderCountry?: string;
  /** Time budget for one message in ms (default 500); past it the text is withheld. */
  budgetMs?: number;
}

export interface AnonymizeResult {
  text: string;
  entities: DetectedEntity[];
  special: SpecialCategory[];
  /** Vault entries created by this call (pseudonymize only); the caller persists them. */
  newEntries: VaultEntry[];
  /**
   * True when the time budget ran out before the whole text was examined: `text` is then
   * WITHHELD_TEXT, never a partly anonymized copy (fail closed).
   */
  withheld: boolean;
}

/** What stands in for a message whose anonymization could not be completed. */
export const WITHHELD_TEXT = '[WITHHELD]';

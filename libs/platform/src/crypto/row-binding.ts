/**
 * The associated data (AES-GCM AAD) of every ciphertext: its table, row and column. A ciphertext
 * copied to another row or column (two messages of one case, two accounts' secrets) no longer
 * decrypts. Every seal and open names its binding here, so writers and readers cannot drift apart.
 */
export type RowBinding = string & { readonly __rowBinding: unique symbol };

const bind = (table: string, row: string, column: string) => `${table}:${row}:${column}` as RowBinding;

export type ChannelSecretField = 'app_secret' | 'verify_token' | 'access_token';
export type ContactField = 'external_id' | 'display_name';

export const aad = {
  channelSecret: (accountId: string, field: ChannelSecretField) => bind('channel_accounts', accountId, field),
  /**
   * A staged webhook payload, bound to its event's identity: the account and the keyed hash of the
   * platform id (unique together). Both are known before the insert, which allocates the bigint id.
   */
  stagedEvent: (accountId: string, externalHash: Buffer) =>
    bind('inbound_events', `${accountId}/${externalHash.toString('hex')}`, 'payload'),
  contactField: (contactId: string, field: ContactField) => bind('contacts', contactId, field),
  message: (messageId: string) => bind('messages', messageId, 'text'),
  replyRef: (messageId: string) => bind('messages', messageId, 'reply_ref'),
  note: (noteId: string) => bind('case_notes', noteId, 'text'),
  /** A vault entry: its case and token (unique per case in use; the value a token stands for never changes). */
  vaultEntry: (caseId: string, token: string) => bind('pseudonyms', `${caseId}/${token}`, 'value'),
  /** A wrapped data key in the key store. */
  dataKey: (keyId: string) => `data-key:${keyId}` as RowBinding,
};

import { Client } from 'pg';
import { deriveKey } from '../../crypto/envelope';
import { aad, ChannelSecretField, ContactField, RowBinding } from '../../crypto/row-binding';
import { DataStep, DataStepContext } from './data-step';
import { rebindTable, RebindColumn, RebindRow, RebindTable } from './rebind-rows';

/** What each ciphertext was bound to before this step: a constant per purpose, nothing, or its case. */
const legacy = {
  secret: () => 'secret' as RowBinding,
  staging: () => 'staging' as RowBinding,
  /** Contact fields had no associated data; an empty one is the same to AES-GCM. */
  none: () => '' as RowBinding,
  caseOf: (row: RebindRow) => String(row.case_id) as RowBinding,
};

const text = (row: RebindRow, column: string) => String(row[column]);

const secret = (field: ChannelSecretField): RebindColumn => ({
  name: `${field}_enc`,
  from: legacy.secret,
  to: (row) => aad.channelSecret(row.id, field),
});

const contactField = (field: ContactField): RebindColumn => ({
  name: `${field}_enc`,
  from: legacy.none,
  to: (row) => aad.contactField(row.id, field),
});

function tables(dataKey: Buffer): RebindTable[] {
  return [
    {
      table: 'channel_accounts',
      idType: 'uuid',
      select: `SELECT id, NULL AS key_id, app_secret_enc, verify_token_enc, access_token_enc
                 FROM channel_accounts WHERE id > $1::uuid ORDER BY id LIMIT $2`,
      key: deriveKey(dataKey, 'secrets'),
      columns: [secret('app_secret'), secret('verify_token'), secret('access_token')],
    },
    {
      table: 'inbound_events',
      idType: 'bigint',
      select: `SELECT id::text AS id, NULL AS key_id, channel_account_id, external_hash, payload_enc
                 FROM inbound_events WHERE id > $1::bigint AND payload_enc IS NOT NULL ORDER BY id LIMIT $2`,
      key: deriveKey(dataKey, 'staging'),
      columns: [
        {
          name: 'payload_enc',
          from: legacy.staging,
          to: (row) => aad.stagedEvent(text(row, 'channel_account_id'), row.external_hash as Buffer),
        },
      ],
    },
    {
      table: 'contacts',
      idType: 'uuid',
      select: `SELECT id, data_key_id AS key_id, external_id_enc, display_name_enc
                 FROM contacts WHERE id > $1::uuid ORDER BY id LIMIT $2`,
      key: 'data-key',
      columns: [contactField('external_id'), contactField('display_name')],
    },
    {
      table: 'messages',
      idType: 'uuid',
      select: `SELECT m.id, c.data_key_id AS key_id, m.case_id, m.text_enc, m.reply_ref_enc
                 FROM messages m JOIN cases c ON c.id = m.case_id WHERE m.id > $1::uuid ORDER BY m.id LIMIT $2`,
      key: 'data-key',
      columns: [
        { name: 'text_enc', from: legacy.caseOf, to: (row) => aad.message(row.id) },
        { name: 'reply_ref_enc', from: legacy.caseOf, to: (row) => aad.replyRef(row.id) },
      ],
    },
    {
      table: 'case_notes',
      idType: 'uuid',
      select: `SELECT n.id, c.data_key_id AS key_id, n.case_id, n.text_enc
                 FROM case_notes n JOIN cases c ON c.id = n.case_id WHERE n.id > $1::uuid ORDER BY n.id LIMIT $2`,
      key: 'data-key',
      columns: [{ name: 'text_enc', from: legacy.caseOf, to: (row) => aad.note(row.id) }],
    },
    {
      table: 'pseudonyms',
      idType: 'uuid',
      select: `SELECT p.id, c.data_key_id AS key_id, p.case_id, p.token, p.value_enc
                 FROM pseudonyms p JOIN cases c ON c.id = p.case_id WHERE p.id > $1::uuid ORDER BY p.id LIMIT $2`,
      key: 'data-key',
      columns: [
        {
          name: 'value_enc',
          from: legacy.caseOf,
          to: (row) => aad.vaultEntry(text(row, 'case_id'), text(row, 'token')),
        },
      ],
    },
  ];
}

const reversed = (spec: RebindTable): RebindTable => ({
  ...spec,
  columns: spec.columns.map((c) => ({ name: c.name, from: c.to, to: c.from })),
});

async function rebindAll(ctx: DataStepContext, specs: RebindTable[]): Promise<number> {
  let rebound = 0;
  for (const spec of specs) rebound += (await rebindTable(ctx, spec)).rebound;
  return rebound;
}

/**
 * Issue 13: every ciphertext is bound to its own row (row-binding.ts) instead of a constant, nothing
 * or its case. Re-seals the existing rows; `down` puts the old bindings back for the release before.
 */
export const bindCiphertextsToRows: DataStep = {
  name: '1796050000000-BindCiphertextsToRows',
  async isNoop(main: Client): Promise<boolean> {
    const { rows } = await main.query<{ any: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM channel_accounts) OR EXISTS (SELECT 1 FROM contacts)
              OR EXISTS (SELECT 1 FROM inbound_events WHERE payload_enc IS NOT NULL) AS any`,
    );
    // Messages, notes and vault entries belong to cases, and cases to contacts.
    return !rows[0].any;
  },
  up: (ctx) => rebindAll(ctx, tables(ctx.dataKey)),
  down: (ctx) => rebindAll(ctx, tables(ctx.dataKey).map(reversed)),
};

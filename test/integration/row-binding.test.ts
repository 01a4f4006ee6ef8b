import { Logger } from '@nestjs/common';
import { createCipheriv, randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import {
  aad,
  createDataSource,
  decrypt,
  deriveKey,
  KeyRing,
  KeyStore,
  loadConfig,
  RowBinding,
  runMigrations,
} from '../../libs/platform/src';
import { PseudonymVaultStore } from '../../libs/domain/src';
import { migrate, undoDataStep } from '../../libs/platform/src/database/migrate';

jest.setTimeout(60_000);

const STEP = '1796050000000-BindCiphertextsToRows';

/** How rows were sealed before issue 13: associated data only when given (contacts had none). */
function sealTheOldWay(key: Buffer, plaintext: string, associated?: string): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  if (associated) cipher.setAAD(Buffer.from(associated));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

/**
 * Every ciphertext is bound to its own row: one copied to another row does not open. Rows written
 * before that (bound to a constant, nothing or their case) are re-sealed once by the data step that
 * `npm run migrate` runs after the schema migrations; its explicit down puts the old bindings back.
 */
describe('ciphertexts bound to their rows', () => {
  const dbName = `webcare_test_bind_${randomBytes(4).toString('hex')}`;
  const adminUrl = process.env.TEST_ADMIN_DATABASE_URL!;
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${dbName}`;
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: url.toString(),
    REDIS_URL: process.env.TEST_REDIS_URL,
    DATA_KEY: randomBytes(32).toString('base64'),
  });
  const secretsKey = deriveKey(config.dataKey, 'secrets');
  const stagingKey = deriveKey(config.dataKey, 'staging');
  let ds: DataSource;
  let keyStore: KeyStore;
  let keyRing: KeyRing;

  const admin = async (sql: string) => {
    const c = new Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(sql).finally(() => c.end());
  };

  beforeAll(async () => {
    Logger.overrideLogger(false);
    await admin(`CREATE DATABASE "${dbName}"`);
    await runMigrations(url.toString());
    ds = createDataSource(url.toString());
    await ds.initialize();
    keyStore = new KeyStore(config);
    keyRing = new KeyRing(config, keyStore);
  });

  afterAll(async () => {
    await ds?.destroy();
    await keyStore?.onApplicationShutdown();
    await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin(`DROP DATABASE IF EXISTS "${dbName}_keys" WITH (FORCE)`);
  });

  /** An install from before the step: its rows sealed the old way, the step not recorded. */
  async function oldInstall() {
    await ds.query(`DELETE FROM data_steps`);
    const [{ id: teamId }] = await ds.query(`INSERT INTO teams (name) VALUES ('Admissions') RETURNING id`);
    const accounts: string[] = [];
    for (const n of [1, 2]) {
      const [{ id }] = await ds.query(
        `INSERT INTO channel_accounts (channel, external_id, name, team_id, app_secret_enc, verify_token_enc, access_token_enc)
         VALUES ('whatsapp', $1, 'wa', $2, $3, $4, $5) RETURNING id`,
        [
          `10${n}`,
          teamId,
          sealTheOldWay(secretsKey, `app-secret-${n}`, 'secret'),
          sealTheOldWay(secretsKey, `verify-${n}`, 'secret'),
          sealTheOldWay(secretsKey, `access-${n}`, 'secret'),
        ],
      );
      accounts.push(id);
    }
    const events: { id: string; hash: Buffer }[] = [];
    for (const n of [1, 2]) {
      const hash = randomBytes(32);
      const [{ id }] = await ds.query(
        `INSERT INTO inbound_events (channel_account_id, external_hash, kind, payload_enc)
         VALUES ($1, $2, 'message', $3) RETURNING id::text AS id`,
        [accounts[0], hash, sealTheOldWay(stagingKey, `{"n":${n}}`, 'staging')],
      );
      events.push({ id, hash });
    }
    const contactKey = await keyRing.createDataKey();
    const [{ id: contactId }] = await ds.query(
      `INSERT INTO contacts (channel, channel_account_id, external_hash, data_key_id, external_id_enc, display_name_enc)
       VALUES ('whatsapp', $1, $2, $3, $4, $5) RETURNING id`,
      [
        accounts[0],
        randomBytes(32),
        contactKey.id,
        sealTheOldWay(contactKey.key, '31612345678'),
        sealTheOldWay(contactKey.key, 'Sanne de Vries'),
      ],
    );
    const caseKey = await keyRing.createDataKey();
    const [{ id: caseId }] = await ds.query(
      `INSERT INTO cases (channel, channel_account_id, contact_id, team_id, status, data_key_id, first_inbound_at, last_message_at)
       VALUES ('whatsapp', $1, $2, $3, 'open', $4, now(), now()) RETURNING id`,
      [accounts[0], contactId, teamId, caseKey.id],
    );
    const messages: string[] = [];
    for (const text of ['Hoi, ik ben Sanne', 'Mijn nummer is 0612345678']) {
      const [{ id }] = await ds.query(
        `INSERT INTO messages (case_id, channel_account_id, direction, text_enc, text_pseudo, sent_at, reply_ref_enc)
         VALUES ($1, $2, 'in', $3, 'x', now(), $4) RETURNING id`,
        [
          caseId,
          accounts[0],
          sealTheOldWay(caseKey.key, text, caseId),
          sealTheOldWay(caseKey.key, `{"commentId":"${text.length}"}`, caseId),
        ],
      );
      messages.push(id);
    }
    const [{ id: noteId }] = await ds.query(
      `INSERT INTO case_notes (case_id, author_id, text_enc, text_pseudo) VALUES ($1, $2, $3, 'notitie') RETURNING id`,
      [caseId, randomUUID(), sealTheOldWay(caseKey.key, 'Belt morgen terug', caseId)],
    );
    await ds.query(
      `INSERT INTO pseudonyms (case_id, token, entity_type, value_enc) VALUES ($1, '[PERSON_1]', 'PERSON', $2)`,
      [caseId, sealTheOldWay(caseKey.key, '{"key":"sanne","value":"Sanne"}', caseId)],
    );
    return {
      accounts,
      events,
      contactId,
      contactKey: contactKey.key,
      caseId,
      caseKey: caseKey.key,
      messages,
      noteId,
    };
  }

  type Install = Awaited<ReturnType<typeof oldInstall>>;

  const column = async (table: string, col: string, id: string): Promise<Buffer> =>
    (await ds.query(`SELECT ${col} AS v FROM ${table} WHERE id = $1`, [id]))[0].v;

  const sealedValues = async () =>
    (
      await ds.query(`
        SELECT app_secret_enc AS v FROM channel_accounts UNION ALL SELECT verify_token_enc FROM channel_accounts
        UNION ALL SELECT access_token_enc FROM channel_accounts UNION ALL SELECT payload_enc FROM inbound_events
        UNION ALL SELECT external_id_enc FROM contacts UNION ALL SELECT display_name_enc FROM contacts
        UNION ALL SELECT text_enc FROM messages UNION ALL SELECT reply_ref_enc FROM messages
        UNION ALL SELECT text_enc FROM case_notes UNION ALL SELECT value_enc FROM pseudonyms`)
    )
      .map((r: { v: Buffer }) => r.v.toString('hex'))
      .sort();

  /** Reads every row the way the apps do now. */
  async function readTheNewWay(i: Install) {
    const secret = async (id: string, field: 'app_secret' | 'verify_token' | 'access_token') =>
      keyRing.openSecret(await column('channel_accounts', `${field}_enc`, id), aad.channelSecret(id, field));
    const vault = await new PseudonymVaultStore(config).load(ds.manager, i.caseId, i.caseKey);
    return {
      secrets: [
        await secret(i.accounts[0], 'app_secret'),
        await secret(i.accounts[1], 'verify_token'),
        await secret(i.accounts[1], 'access_token'),
      ],
      staged: await Promise.all(
        i.events.map(async (e) =>
          keyRing.openStaging(
            await column('inbound_events', 'payload_enc', e.id),
            aad.stagedEvent(i.accounts[0], e.hash),
          ),
        ),
      ),
      contact: [
        decrypt(
          i.contactKey,
          await column('contacts', 'external_id_enc', i.contactId),
          aad.contactField(i.contactId, 'external_id'),
        ),
        decrypt(
          i.contactKey,
          await column('contacts', 'display_name_enc', i.contactId),
          aad.contactField(i.contactId, 'display_name'),
        ),
      ],
      messages: await Promise.all(
        i.messages.map(async (id) =>
          decrypt(i.caseKey, await column('messages', 'text_enc', id), aad.message(id)),
        ),
      ),
      replyRef: decrypt(
        i.caseKey,
        await column('messages', 'reply_ref_enc', i.messages[0]),
        aad.replyRef(i.messages[0]),
      ),
      note: decrypt(i.caseKey, await column('case_notes', 'text_enc', i.noteId), aad.note(i.noteId)),
      vault: vault.entries().map((e) => e.value),
    };
  }

  const expected = {
    secrets: ['app-secret-1', 'verify-2', 'access-2'],
    staged: ['{"n":1}', '{"n":2}'],
    contact: ['31612345678', 'Sanne de Vries'],
    messages: ['Hoi, ik ben Sanne', 'Mijn nummer is 0612345678'],
    replyRef: '{"commentId":"17"}',
    note: 'Belt morgen terug',
    vault: ['Sanne'],
  };

  const swap = async (table: string, col: string, a: string, b: string) =>
    ds.query(
      `UPDATE ${table} t SET ${col} = o.${col} FROM ${table} o
        WHERE (t.id, o.id) IN (($1::${table === 'inbound_events' ? 'bigint' : 'uuid'}, $2::${table === 'inbound_events' ? 'bigint' : 'uuid'}), ($2, $1))`,
      [a, b],
    );

  it('re-seals an older install once, refuses a copy in another row, and goes back on an explicit down', async () => {
    const install = await oldInstall();
    // The step changes existing rows, so it needs the key; migrating without it stops and says so.
    await expect(runMigrations(url.toString())).rejects.toThrow(/DATA_KEY/);

    const first = await migrate(url.toString(), config.keysDatabaseUrl, { dataKey: config.dataKey });
    expect(first).toEqual({ schema: [], data: [STEP] });
    expect(await readTheNewWay(install)).toEqual(expected);

    // Recorded: a second run does nothing; and the step itself, run again, leaves every row as it is.
    const sealed = await sealedValues();
    expect(await migrate(url.toString(), config.keysDatabaseUrl, { dataKey: config.dataKey })).toEqual({
      schema: [],
      data: [],
    });
    await ds.query(`DELETE FROM data_steps`);
    expect((await migrate(url.toString(), config.keysDatabaseUrl, { dataKey: config.dataKey })).data).toEqual(
      [STEP],
    );
    expect(await sealedValues()).toEqual(sealed);

    // A ciphertext moved to another row of the same kind no longer opens.
    await swap('messages', 'text_enc', install.messages[0], install.messages[1]);
    await swap('channel_accounts', 'app_secret_enc', install.accounts[0], install.accounts[1]);
    await swap('inbound_events', 'payload_enc', install.events[0].id, install.events[1].id);
    for (const id of install.messages) {
      const text = await column('messages', 'text_enc', id);
      expect(() => decrypt(install.caseKey, text, aad.message(id))).toThrow();
    }
    for (const id of install.accounts) {
      const sealedSecret = await column('channel_accounts', 'app_secret_enc', id);
      expect(() => keyRing.openSecret(sealedSecret, aad.channelSecret(id, 'app_secret'))).toThrow();
    }
    for (const e of install.events) {
      const payload = await column('inbound_events', 'payload_enc', e.id);
      expect(() => keyRing.openStaging(payload, aad.stagedEvent(install.accounts[0], e.hash))).toThrow();
    }
    // Another column of the same row does not open it either.
    const phone = await column('contacts', 'external_id_enc', install.contactId);
    expect(() =>
      decrypt(install.contactKey, phone, aad.contactField(install.contactId, 'display_name')),
    ).toThrow();
    await swap('messages', 'text_enc', install.messages[0], install.messages[1]);
    await swap('channel_accounts', 'app_secret_enc', install.accounts[0], install.accounts[1]);
    await swap('inbound_events', 'payload_enc', install.events[0].id, install.events[1].id);

    // The explicit down: the old bindings again (for the release before), and the step unrecorded.
    expect(await undoDataStep(url.toString(), config.keysDatabaseUrl, config.dataKey, STEP)).toBe(16);
    expect(await ds.query(`SELECT name FROM data_steps`)).toEqual([]);
    const text = await column('messages', 'text_enc', install.messages[0]);
    expect(decrypt(install.caseKey, text, install.caseId as RowBinding)).toBe(expected.messages[0]);
    expect(() => decrypt(install.caseKey, text, aad.message(install.messages[0]))).toThrow();
    expect((await migrate(url.toString(), config.keysDatabaseUrl, { dataKey: config.dataKey })).data).toEqual(
      [STEP],
    );
    expect(await readTheNewWay(install)).toEqual(expected);
  });
});

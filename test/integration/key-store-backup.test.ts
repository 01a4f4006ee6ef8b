import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { aad, decrypt, encrypt, KeyRing, KeyStore, loadConfig } from '../../libs/platform/src';
import { createDatabase, dropDatabase, ownDatabase } from '../support/databases';
import { domainHarness, insertWhatsAppAccount } from '../support/domain-harness';
import { insertSealedContact, retentionParts } from '../support/retention';

jest.setTimeout(120_000);

/**
 * Deletion holds in backups: the data keys live in their own database, so a backup of the main
 * database taken before a sweep, restored afterwards next to the current key store, no longer
 * opens what the sweep deleted.
 */
describe('crypto-shredding survives a restored backup of the main database', () => {
  const h = domainHarness('backup');
  const { config } = h;
  const keysUrl = new URL(h.db.url);
  keysUrl.pathname = `/${h.db.name}_keys`;
  const restored = ownDatabase('restored');
  const dir = mkdtempSync(join(tmpdir(), 'webcare-backup-'));

  afterAll(async () => {
    await dropDatabase(restored.adminUrl, restored.name);
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps keys out of the main database, and a restored dump cannot open swept cases', async () => {
    expect(config.keysDatabaseUrl).toBe(keysUrl.toString());
    const { ds, keyRing } = h;
    const { teamId, accountId } = await insertWhatsAppAccount(ds);
    const makeCase = async (text: string, due: boolean) => {
      const { contactId } = await insertSealedContact(ds, keyRing, accountId);
      const key = await keyRing.createDataKey();
      const [{ id: caseId }] = await ds.query(
        `INSERT INTO cases (channel, channel_account_id, contact_id, team_id, status, data_key_id, first_inbound_at,
                            last_message_at, answered_at, retention_period, retain_until)
         VALUES ('whatsapp', $1, $2, $3, 'answered', $4, now() - interval '1 hour', now() - interval '1 hour',
                 now() - interval '10 minutes', 'PT5S', now() + $5::interval)
         RETURNING id`,
        [accountId, contactId, teamId, key.id, due ? '-5 seconds' : '30 days'],
      );
      const messageId = randomUUID();
      await ds.query(
        `INSERT INTO messages (id, case_id, channel_account_id, direction, text_enc, text_pseudo, sent_at)
         VALUES ($4, $1, $2, 'in', $3, 'Hoi [PERSON_1]', now())`,
        [caseId, accountId, encrypt(key.key, text, aad.message(messageId)), messageId],
      );
      return { caseId, keyId: key.id };
    };
    const swept = await makeCase('Hoi, ik ben Sanne de Vries', true);
    const kept = await makeCase('Hoi, ik ben Daan Jansen', false);
    const [{ present }] = await ds.query(`SELECT to_regclass('public.data_keys') IS NOT NULL AS present`);
    expect(present).toBe(false);

    // The nightly backup of the main database, taken before the sweep.
    const dump = join(dir, 'main.dump');
    execFileSync('pg_dump', ['--format=custom', '--no-owner', `--file=${dump}`, config.databaseUrl]);

    const { sweeper } = retentionParts(h);
    expect((await sweeper.sweep()).deleted).toBe(1);

    // Disaster recovery: the old dump comes back in a fresh database next to the current key store.
    await createDatabase(restored.adminUrl, restored.name);
    execFileSync('pg_restore', ['--no-owner', `--dbname=${restored.url}`, dump]);
    const restoredDb = new Client({ connectionString: restored.url.toString() });
    await restoredDb.connect();
    const restoredConfig = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: restored.url.toString(),
      KEYS_DATABASE_URL: keysUrl.toString(),
      DATA_KEY: config.dataKey.toString('base64'),
    });
    const restoredStore = new KeyStore(restoredConfig);
    const restoredRing = new KeyRing(restoredConfig, restoredStore);
    try {
      const open = async (c: { caseId: string }) => {
        const { rows } = await restoredDb.query(
          `SELECT c.data_key_id, m.id, m.text_enc FROM cases c JOIN messages m ON m.case_id = c.id WHERE c.id = $1`,
          [c.caseId],
        );
        expect(rows).toHaveLength(1); // the backup still holds the ciphertext…
        const key = await restoredRing.loadDataKey(rows[0].data_key_id);
        return key ? decrypt(key, rows[0].text_enc, aad.message(rows[0].id)) : null;
      };
      expect(await open(swept)).toBeNull(); // …but its key is gone from the key store
      expect(await open(kept)).toBe('Hoi, ik ben Daan Jansen');
    } finally {
      await restoredDb.end();
      await restoredStore.onApplicationShutdown();
    }
  });
});

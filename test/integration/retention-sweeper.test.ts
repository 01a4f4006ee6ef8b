import { randomBytes, randomUUID } from 'node:crypto';
import { aad, encrypt } from '../../libs/platform/src';
import {
  AuditService,
  RetentionMaintenance,
  RetentionPolicyService,
  RetentionRepository,
  RetentionSweeper,
} from '../../libs/domain/src';
import { SubjectErasureService } from '../../apps/api/src/privacy/subject-erasure.service';
import { domainHarness, insertWhatsAppAccount } from '../support/domain-harness';
import { insertSealedContact, retentionParts } from '../support/retention';

jest.setTimeout(60_000);

/** The core sweeper against its own fresh database (policy changes here cannot disturb other files). */
describe('RetentionSweeper (real Postgres + Redis)', () => {
  const h = domainHarness('sweeper');
  const prefix = h.config.redisPrefix;
  let sweeper: RetentionSweeper;
  let maintenance: RetentionMaintenance;
  let erasure: SubjectErasureService;
  let accountId: string;
  let teamId: string;

  beforeAll(async () => {
    ({ sweeper, maintenance, erasure } = retentionParts(h));
    ({ accountId, teamId } = await insertWhatsAppAccount(h.ds));
  });

  /** A case with real encrypted rows: contact, keys, messages, vault entry, consent, escalation, note. */
  async function makeCase(opts: {
    contactId?: string;
    answeredAgo?: string | null;
    period?: string | null;
    retainIn?: string | null;
    firstInboundAgo?: string;
    lastMessageAgo?: string;
  }): Promise<{ caseId: string; contactId: string; caseKeyId: string; contactKeyId: string | null }> {
    let contactId = opts.contactId;
    let contactKeyId: string | null = null;
    if (!contactId) ({ contactId, contactKeyId } = await insertSealedContact(h.ds, h.keyRing, accountId));
    const key = await h.keyRing.createDataKey();
    const [{ id: caseId }] = await h.ds.query(
      `INSERT INTO cases (channel, channel_account_id, contact_id, team_id, status, data_key_id, first_inbound_at,
                          last_message_at, answered_at, retention_period, retain_until)
       VALUES ('whatsapp', $1, $2, $3, CASE WHEN $5::interval IS NULL THEN 'open' ELSE 'answered' END, $4,
               now() - $8::interval, now() - $9::interval, now() - $5::interval, $6,
               now() + $7::interval)
       RETURNING id`,
      [
        accountId,
        contactId,
        teamId,
        key.id,
        opts.answeredAgo ?? null,
        opts.period ?? null,
        opts.retainIn ?? null,
        opts.firstInboundAgo ?? '1 hour',
        opts.lastMessageAgo ?? '1 hour',
      ],
    );
    const hash = randomBytes(32);
    await h.ds.query(
      `INSERT INTO inbound_events (channel_account_id, external_hash, kind, processed_at) VALUES ($1, $2, 'message', now())`,
      [accountId, hash],
    );
    await h.ds.query(
      `INSERT INTO messages (case_id, channel_account_id, direction, external_hash, text_enc, text_pseudo, sent_at)
       VALUES ($1, $2, 'in', $3, $4, 'Hoi [PERSON_1]', now()), ($1, $2, 'out', NULL, $5, 'Antwoord', now())`,
      [caseId, accountId, hash, encrypt(key.key, 'Hoi Sanne', caseId), encrypt(key.key, 'Antwoord', caseId)],
    );
    await h.ds.query(
      `INSERT INTO pseudonyms (case_id, token, entity_type, value_enc) VALUES ($1, '[PERSON_1]', 'PERSON', $2)`,
      [caseId, encrypt(key.key, '{"key":"sanne","value":"Sanne"}', caseId)],
    );
    const user = randomUUID();
    await h.ds.query(
      `INSERT INTO consents (case_id, team_id, purpose, requested_by) VALUES ($1, $2, 'answer_question', $3)`,
      [caseId, teamId, user],
    );
    await h.ds.query(
      `INSERT INTO escalations (case_id, from_team_id, to_team_id, from_user_id, note_pseudo) VALUES ($1, $2, $2, $3, 'zie [PERSON_1]')`,
      [caseId, teamId, user],
    );
    await h.ds.query(
      `INSERT INTO case_notes (case_id, author_id, text_enc, text_pseudo) VALUES ($1, $2, $3, 'notitie')`,
      [caseId, user, encrypt(key.key, 'notitie', caseId)],
    );
    return { caseId, contactId: contactId!, caseKeyId: key.id, contactKeyId };
  }

  const exists = async (table: string, id: string) =>
    table === 'data_keys'
      ? (await h.keyStore.load([id])).length === 1
      : (await h.ds.query(`SELECT 1 FROM ${table} WHERE id = $1`, [id])).length === 1;
  const caseRef = (caseId: string) => h.keyRing.lookupHash(caseId).toString('hex');
  const receiptOf = async (caseId: string) =>
    (
      await h.ds.query(
        `SELECT reason, policy, counts, sweep_id, keep_until FROM deletion_receipts WHERE case_ref = $1`,
        [h.keyRing.lookupHash(caseId).toString('hex')],
      )
    )[0];

  it('reads the period for an account: override, else channel default', async () => {
    const policies = new RetentionPolicyService(new RetentionRepository());
    expect(await policies.periodFor(h.ds.manager, accountId)).toBe('P30D');
    await h.ds.query(`UPDATE channel_accounts SET retention_period = 'P7D' WHERE id = $1`, [accountId]);
    expect(await policies.periodFor(h.ds.manager, accountId)).toBe('P7D');
    await h.ds.query(`UPDATE channel_accounts SET retention_period = NULL WHERE id = $1`, [accountId]);
    await expect(policies.periodFor(h.ds.manager, randomUUID())).rejects.toThrow(/not found/);
  });

  it('deletes a due case completely, counts every table, shreds keys first and writes one receipt', async () => {
    const due = await makeCase({ answeredAgo: '10 seconds', period: 'PT5S', retainIn: '-5 seconds' });
    const notDue = await makeCase({ answeredAgo: '1 second', period: 'P30D', retainIn: '30 days' });
    await h.redis.set(`${prefix}:presence:case:${due.caseId}`, '1');
    await h.redis.set(`${prefix}:typing:case:${due.caseId}:x`, '1');
    await h.redis.set(`${prefix}:presence:case:${notDue.caseId}`, '1');

    const result = await sweeper.sweep();
    expect(result.deleted).toBe(1);
    expect(result.byReason.retention).toBe(1);
    expect(result.messages).toBe(2);
    for (const [table, id] of [
      ['cases', due.caseId],
      ['contacts', due.contactId],
      ['data_keys', due.caseKeyId],
      ['data_keys', due.contactKeyId!],
    ]) {
      expect({ table, present: await exists(table, id) }).toEqual({ table, present: false });
    }
    for (const t of ['messages', 'pseudonyms', 'consents', 'escalations', 'case_notes']) {
      expect((await h.ds.query(`SELECT 1 FROM ${t} WHERE case_id = $1`, [due.caseId])).length).toBe(0);
    }
    expect(await exists('cases', notDue.caseId)).toBe(true);
    const receipt = await receiptOf(due.caseId);
    expect(receipt).toMatchObject({ reason: 'retention', policy: 'PT5S', sweep_id: result.sweepId });
    expect(receipt.counts).toEqual({
      data_keys: 2,
      messages: 2,
      inbound_events: 1,
      pseudonyms: 1,
      consents: 1,
      escalations: 1,
      case_notes: 1,
      legal_holds: 0,
      cases: 1,
      contacts: 1,
    });
    const years = (receipt.keep_until.getTime() - Date.now()) / (365.25 * 24 * 3600 * 1000);
    expect(years).toBeGreaterThan(1.9);
    expect(
      await h.redis.exists(`${prefix}:presence:case:${due.caseId}`, `${prefix}:typing:case:${due.caseId}:x`),
    ).toBe(0);
    expect(await h.redis.exists(`${prefix}:presence:case:${notDue.caseId}`)).toBe(1);

    // Idempotent: nothing more to do, no second receipt.
    expect((await sweeper.sweep()).deleted).toBe(0);
    expect(
      Number(
        (
          await h.ds.query(`SELECT count(*) AS n FROM deletion_receipts WHERE case_ref = $1`, [
            caseRef(due.caseId),
          ])
        )[0].n,
      ),
    ).toBe(1);
    expect(await maintenance.vacuum()).toBe(true);
    expect((await new AuditService(h.ds, h.config).verify()).valid).toBe(true);
  });

  it('keeps the contact while another of its cases remains', async () => {
    const first = await makeCase({ answeredAgo: '10 seconds', period: 'PT5S', retainIn: '-5 seconds' });
    const second = await makeCase({
      contactId: first.contactId,
      answeredAgo: '1 second',
      period: 'P30D',
      retainIn: '30 days',
    });
    await sweeper.sweep();
    expect(await exists('cases', first.caseId)).toBe(false);
    expect(await exists('contacts', first.contactId)).toBe(true);
    expect(await exists('data_keys', first.contactKeyId!)).toBe(true);
    expect((await receiptOf(first.caseId)).counts).toMatchObject({ contacts: 0, data_keys: 1 });
    await h.ds.query(`UPDATE cases SET retain_until = now() - interval '1 second' WHERE id = $1`, [
      second.caseId,
    ]);
    await sweeper.sweep();
    expect(await exists('contacts', first.contactId)).toBe(false);
    expect(await exists('data_keys', first.contactKeyId!)).toBe(false);
  });

  it('applies a shorter account override, never a longer policy', async () => {
    const kase = await makeCase({ answeredAgo: '2 days', period: 'P30D', retainIn: '28 days' });
    await h.ds.query(`UPDATE retention_policies SET period = 'P1Y' WHERE channel = 'whatsapp'`);
    await sweeper.sweep();
    expect(await exists('cases', kase.caseId)).toBe(true);
    await h.ds.query(`UPDATE channel_accounts SET retention_period = 'P1D' WHERE id = $1`, [accountId]);
    await sweeper.sweep();
    expect(await exists('cases', kase.caseId)).toBe(false);
    expect((await receiptOf(kase.caseId)).policy).toBe('P1D');
    await h.ds.query(`UPDATE channel_accounts SET retention_period = NULL WHERE id = $1`, [accountId]);
    await h.ds.query(`UPDATE retention_policies SET period = 'P30D' WHERE channel = 'whatsapp'`);
  });

  it('deletes never-answered cases after the maximum age, and stalled reopened ones after it too', async () => {
    const young = await makeCase({ firstInboundAgo: '10 days', lastMessageAgo: '10 days' });
    const old = await makeCase({ firstInboundAgo: '91 days', lastMessageAgo: '91 days' });
    // Answered long ago, reopened (retain_until NULL) and left unanswered since.
    const reopened = await makeCase({
      answeredAgo: '100 days',
      firstInboundAgo: '120 days',
      lastMessageAgo: '95 days',
    });
    const reopenedRecently = await makeCase({
      answeredAgo: '100 days',
      firstInboundAgo: '120 days',
      lastMessageAgo: '1 day',
    });
    const result = await sweeper.sweep();
    expect(result.byReason.unanswered).toBe(2);
    expect(await exists('cases', young.caseId)).toBe(true);
    expect(await exists('cases', old.caseId)).toBe(false);
    expect(await exists('cases', reopened.caseId)).toBe(false);
    expect(await exists('cases', reopenedRecently.caseId)).toBe(true);
    expect(await receiptOf(old.caseId)).toMatchObject({ reason: 'unanswered', policy: 'P90D' });
  });

  it('respects active legal holds only', async () => {
    const held = await makeCase({ answeredAgo: '10 seconds', period: 'PT5S', retainIn: '-5 seconds' });
    const expired = await makeCase({ answeredAgo: '10 seconds', period: 'PT5S', retainIn: '-5 seconds' });
    const released = await makeCase({ answeredAgo: '10 seconds', period: 'PT5S', retainIn: '-5 seconds' });
    const user = randomUUID();
    await h.ds.query(
      `INSERT INTO legal_holds (case_id, reason_code, note, expires_at, placed_by, released_at) VALUES
         ($1, 'legal_proceedings', 'dossier 1', now() + interval '1 day', $4, NULL),
         ($2, 'legal_proceedings', 'dossier 2', now() - interval '1 second', $4, NULL),
         ($3, 'legal_proceedings', 'dossier 3', NULL, $4, now())`,
      [held.caseId, expired.caseId, released.caseId, user],
    );
    await sweeper.sweep();
    expect(await exists('cases', held.caseId)).toBe(true);
    expect(await exists('cases', expired.caseId)).toBe(false);
    expect(await exists('cases', released.caseId)).toBe(false);
    expect((await receiptOf(released.caseId)).counts.legal_holds).toBe(1);
  });

  it('shares the work between concurrent sweeps without double receipts', async () => {
    const cases = await Promise.all(
      Array.from({ length: 60 }, () =>
        makeCase({ answeredAgo: '10 seconds', period: 'PT5S', retainIn: '-5 seconds' }),
      ),
    );
    const results = await Promise.all([1, 2, 3].map(() => sweeper.sweep({ batchSize: 7 })));
    expect(results.reduce((n, r) => n + r.deleted, 0)).toBe(60);
    const refs = cases.map((c) => caseRef(c.caseId));
    expect(
      Number(
        (await h.ds.query(`SELECT count(*) AS n FROM deletion_receipts WHERE case_ref = ANY($1)`, [refs]))[0]
          .n,
      ),
    ).toBe(60);
    expect((await new AuditService(h.ds, h.config).verify()).valid).toBe(true);
  });

  it('erases a person across channel accounts, except held cases', async () => {
    const [{ id: account2 }] = await h.ds.query(
      `INSERT INTO channel_accounts (channel, external_id, name, team_id, app_secret_enc, access_token_enc)
       VALUES ('whatsapp', '456', 'wa2', $1, '\\x00', '\\x00') RETURNING id`,
      [teamId],
    );
    const phone = '31687654321';
    const hash = h.keyRing.lookupHash(`whatsapp:user:${phone}`);
    const contacts: string[] = [];
    for (const acc of [accountId, account2]) {
      const k = await h.keyRing.createDataKey();
      const id = randomUUID();
      await h.ds.query(
        `INSERT INTO contacts (id, channel, channel_account_id, external_hash, data_key_id, external_id_enc)
         VALUES ($5, 'whatsapp', $1, $2, $3, $4)`,
        [acc, hash, k.id, encrypt(k.key, phone, aad.contactField(id, 'external_id')), id],
      );
      contacts.push(id);
    }
    const a = await makeCase({ contactId: contacts[0] });
    const b = await makeCase({ contactId: contacts[1] });
    const c = await makeCase({ contactId: contacts[1] });
    await h.ds.query(
      `INSERT INTO legal_holds (case_id, reason_code, note, placed_by) VALUES ($1, 'complaint', 'dossier 9', $2)`,
      [c.caseId, randomUUID()],
    );
    const actor = randomUUID();
    const erased = await erasure.erase(
      { id: actor, role: 'privacy_officer', teamId: null },
      'whatsapp',
      '+31 6 8765 4321',
    );
    expect(erased).toEqual({ deleted: 2, held: 1, queued: 0, requestId: expect.any(String) });
    expect(await exists('cases', a.caseId)).toBe(false);
    expect(await exists('cases', b.caseId)).toBe(false);
    expect(await exists('cases', c.caseId)).toBe(true);
    expect(await exists('contacts', contacts[0])).toBe(false);
    expect(await exists('contacts', contacts[1])).toBe(true);
    expect(await receiptOf(a.caseId)).toMatchObject({ reason: 'erasure', policy: null, sweep_id: null });
    const audit = await h.ds.query(
      `SELECT actor_id, object_type, object_id, detail FROM audit_events WHERE action = 'subject.erased'`,
    );
    expect(audit).toEqual([
      {
        actor_id: actor,
        object_type: 'subject',
        object_id: h.keyRing.subjectRef('whatsapp', phone),
        detail: `request:${erased.requestId}`,
      },
    ]);
  });

  it('expires receipts past their keep-until date', async () => {
    await h.ds.query(
      `INSERT INTO deletion_receipts (case_ref, reason, policy, counts, keep_until) VALUES ('old-ref', 'retention', 'P30D', '{}', now() - interval '1 day')`,
    );
    expect((await sweeper.sweep()).expiredReceipts).toBe(1);
    expect((await h.ds.query(`SELECT 1 FROM deletion_receipts WHERE case_ref = 'old-ref'`)).length).toBe(0);
  });
});

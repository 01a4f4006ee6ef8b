import { randomBytes, randomUUID } from 'node:crypto';
import { Client, PoolClient } from 'pg';
import { encrypt, wrapDataKey } from '../../libs/platform/src/crypto/envelope';
import { KeyRing } from '../../libs/platform/src/crypto/key-ring.service';
import { aad } from '../../libs/platform/src/crypto/row-binding';
import { dutchText } from './whatsapp';

// One batch of the case-list bench's seed: contacts, cases and messages as the worker writes them.

const DAY_MS = 86_400_000;

/** A crude pseudonymized copy: phone numbers, e-mail addresses and long digit runs replaced. */
function pseudoOf(text: string): string {
  return text
    .replace(/[\w.+-]+@[\w-]+\.[\w.]+/g, '[EMAIL_1]')
    .replace(/(\+31 6 \d{4} \d{4}|06-\d{8})/g, '[TELEFOON_1]')
    .replace(/\d{7}/g, '[STUDENTNUMMER_1]');
}

export interface Batch {
  keys: { id: string[]; wrapped: Buffer[] };
  contacts: {
    id: string[];
    account: string[];
    hash: Buffer[];
    key: string[];
    ext: Buffer[];
    name: Buffer[];
  };
  cases: {
    id: string[];
    account: string[];
    contact: string[];
    team: string[];
    status: string[];
    key: string[];
    first: string[];
    last: string[];
    response: (string | null)[];
    answered: (string | null)[];
    closed: (string | null)[];
  };
  messages: {
    id: string[];
    kase: string[];
    account: string[];
    direction: string[];
    hash: (Buffer | null)[];
    enc: Buffer[];
    pseudo: string[];
    delivery: (string | null)[];
    sent: string[];
  };
}

export function buildBatch(
  from: number,
  to: number,
  master: Buffer,
  keyRing: KeyRing,
  teams: { id: string; account: string }[],
  now: number,
): Batch {
  const b: Batch = {
    keys: { id: [], wrapped: [] },
    contacts: { id: [], account: [], hash: [], key: [], ext: [], name: [] },
    cases: {
      id: [],
      account: [],
      contact: [],
      team: [],
      status: [],
      key: [],
      first: [],
      last: [],
      response: [],
      answered: [],
      closed: [],
    },
    messages: {
      id: [],
      kase: [],
      account: [],
      direction: [],
      hash: [],
      enc: [],
      pseudo: [],
      delivery: [],
      sent: [],
    },
  };
  for (let i = from; i < to; i++) {
    const team = teams[i % teams.length];
    const newKey = () => {
      const id = randomUUID();
      const key = randomBytes(32);
      b.keys.id.push(id);
      b.keys.wrapped.push(wrapDataKey(master, key, id));
      return { id, key };
    };
    // contact (own data key, as the worker does)
    const contactId = randomUUID();
    const ck = newKey();
    const waId = `316${String(10_000_000 + i)}`;
    b.contacts.id.push(contactId);
    b.contacts.account.push(team.account);
    b.contacts.hash.push(keyRing.lookupHash(`whatsapp:user:${waId}`));
    b.contacts.key.push(ck.id);
    b.contacts.ext.push(encrypt(ck.key, waId, aad.contactField(contactId, 'external_id')));
    b.contacts.name.push(encrypt(ck.key, `Contact ${i}`, aad.contactField(contactId, 'display_name')));
    // case
    const caseId = randomUUID();
    const kk = newKey();
    const r = Math.random();
    const status = r < 0.3 ? 'open' : r < 0.55 ? 'answered' : 'closed';
    const last = now - Math.floor(Math.random() * 90 * DAY_MS);
    const n = 1 + Math.floor(Math.random() * 3);
    const times: number[] = [last];
    for (let k = 1; k < n; k++) times.unshift(times[0] - Math.floor(Math.random() * 6 * 3600_000) - 1000);
    const iso = (t: number) => new Date(t).toISOString();
    b.cases.id.push(caseId);
    b.cases.account.push(team.account);
    b.cases.contact.push(contactId);
    b.cases.team.push(team.id);
    b.cases.status.push(status);
    b.cases.key.push(kk.id);
    b.cases.first.push(iso(times[0]));
    b.cases.last.push(iso(last));
    const answered = status !== 'open' ? iso(last) : null;
    b.cases.response.push(n > 1 ? iso(times[1]) : answered);
    b.cases.answered.push(answered);
    b.cases.closed.push(status === 'closed' ? iso(last + 60_000) : null);
    // messages: alternate in/out; open cases end on an inbound message
    for (let k = 0; k < n; k++) {
      const dir = status === 'open' ? ((n - 1 - k) % 2 === 0 ? 'in' : 'out') : k % 2 === 0 ? 'in' : 'out';
      const text =
        dir === 'in'
          ? dutchText()
          : 'Dank voor je bericht! De open dag is op zaterdag 14 maart, van 10 tot 15 uur.';
      const messageId = randomUUID();
      b.messages.id.push(messageId);
      b.messages.kase.push(caseId);
      b.messages.account.push(team.account);
      b.messages.direction.push(dir);
      b.messages.hash.push(dir === 'in' ? randomBytes(32) : null);
      b.messages.enc.push(encrypt(kk.key, text, aad.message(messageId)));
      b.messages.pseudo.push(pseudoOf(text));
      b.messages.delivery.push(dir === 'out' ? 'delivered' : null);
      b.messages.sent.push(iso(times[k]));
    }
  }
  return b;
}

export async function insertBatch(c: PoolClient, keys: Client, b: Batch): Promise<void> {
  // Keys go to the key store (their own database), before the rows that use them.
  await keys.query(`INSERT INTO data_keys (id, wrapped) SELECT * FROM unnest($1::uuid[], $2::bytea[])`, [
    b.keys.id,
    b.keys.wrapped,
  ]);
  await c.query('BEGIN');
  try {
    const ct = b.contacts;
    await c.query(
      `INSERT INTO contacts (id, channel, channel_account_id, external_hash, data_key_id, external_id_enc, display_name_enc)
       SELECT id, 'whatsapp', acc, h, k, e, n
         FROM unnest($1::uuid[], $2::uuid[], $3::bytea[], $4::uuid[], $5::bytea[], $6::bytea[]) AS t(id, acc, h, k, e, n)`,
      [ct.id, ct.account, ct.hash, ct.key, ct.ext, ct.name],
    );
    const cs = b.cases;
    await c.query(
      `INSERT INTO cases (id, channel, channel_account_id, contact_id, team_id, status, data_key_id, language,
                          first_inbound_at, last_message_at, first_response_at, answered_at, closed_at,
                          created_at, updated_at)
       SELECT id, 'whatsapp', acc, ct, tm, st, k, 'nl', f, l, r, a, cl, f, l
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::uuid[],
                     $7::timestamptz[], $8::timestamptz[], $9::timestamptz[], $10::timestamptz[], $11::timestamptz[])
           AS t(id, acc, ct, tm, st, k, f, l, r, a, cl)`,
      [
        cs.id,
        cs.account,
        cs.contact,
        cs.team,
        cs.status,
        cs.key,
        cs.first,
        cs.last,
        cs.response,
        cs.answered,
        cs.closed,
      ],
    );
    const m = b.messages;
    await c.query(
      `INSERT INTO messages (id, case_id, channel_account_id, direction, external_hash, message_type, text_enc,
                             text_pseudo, delivery_status, sent_at, created_at)
       SELECT id, cs, acc, d, h, 'text', e, p, ds, s, s
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::bytea[], $6::bytea[], $7::text[],
                     $8::text[], $9::timestamptz[]) AS t(id, cs, acc, d, h, e, p, ds, s)`,
      [m.id, m.kase, m.account, m.direction, m.hash, m.enc, m.pseudo, m.delivery, m.sent],
    );
    await c.query('COMMIT');
  } catch (err) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}

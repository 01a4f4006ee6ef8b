/**
 * Case list under a realistic inbox size: `GET /api/cases` with 100,000 cases across 10 teams.
 *
 * Issue target: for an agent, p99 < 50 ms with pagination (sequential requests, warm api).
 *
 * Set-up: a fresh database (`webcare_bench_cases_<rand>`) with migrations; the bench chooses
 * DATA_KEY and seeds straight into Postgres (multi-row `unnest` inserts, two connections in
 * flight while node builds the next batch): 10 teams, one WhatsApp channel account per team
 * (secrets sealed with KeyRing.sealSecret), 100,000 contacts + cases (open/answered/closed,
 * last_message_at spread over 90 days), 1–3 messages per case, each sealed with real AES-256-GCM
 * under the case's own data key (data_keys.wrapped = wrapDataKey(DATA_KEY, key, id), text bound to
 * the case id as AAD), so agents' previews really decrypt; text_pseudo is filled. Then VACUUM
 * ANALYZE, so the planner and the visibility map are in the steady state autovacuum would reach.
 *
 * The built api runs as a child process (LOG_LEVEL=warn, NODE_ENV=test, no worker). The bootstrap
 * admin creates an agent and a team lead in team 1 (POST /api/users); both log in.
 *
 * Scenarios (one request at a time over one keep-alive socket; client-side time = request written
 * → response body read):
 *   - lead: deep walk of every `status=all` page (pagination check: every case of the team exactly
 *     once, in order); its cursors are reused below.
 *   - agent, cold key cache: the agent's very first requests, pages of `status=all` it never saw,
 *     so every data key is loaded from data_keys (the api caches unwrapped keys for 60 s).
 *   - agent and lead: first page open, first page all (≥ 300 each), walks of pages 2..20 via
 *     nextCursor for open and for all (16 walks × 19 pages each).
 *   - concurrent: 8 clients walking as the agent, mixed statuses.
 * Then EXPLAIN (ANALYZE, BUFFERS) of the list SQL (CASE_LIST_SQL from the cases repository, the
 * statement the api runs) for the first page and for cursor pages, printed and stored in the results file.
 *
 * Env knobs: BENCH_CASES (100000), BENCH_REQUESTS (300 per scenario), BENCH_CONCURRENCY (8),
 * BENCH_CONCURRENT_S (10), BENCH_KEEP_DB=1, BENCH_API_NODE_ARGS.
 */
import {
  cleanUpOnSignal,
  createDatabase,
  deleteRedisKeys,
  dropDatabase,
  scratchNames,
} from './support/scratch';
import { randomBytes, randomUUID } from 'node:crypto';
import { CASE_LIST_SQL, caseListParams } from '../apps/api/src/cases/cases.repository';
import http from 'node:http';
import { Client, Pool, PoolClient } from 'pg';
import { defaultKeysDatabaseUrl, type AppConfig } from '../libs/platform/src/config/app-config';
import { encrypt, wrapDataKey } from '../libs/platform/src/crypto/envelope';
import { KeyRing } from '../libs/platform/src/crypto/key-ring.service';
import { aad } from '../libs/platform/src/crypto/row-binding';
import type { KeyStore } from '../libs/platform/src/crypto/key-store';
import { envNumber, writeResults } from './support/results';
import { runMigrations } from '../libs/platform/src/database/migrate';
import { login } from '../test/support/api-client';
import { CpuSampler } from './support/cpu';
import { nowMs, percentile, printTable, sortedCopy } from './support/load';
import { ADMIN, AppProcess } from '../test/support/processes';
import { benchEnv, startBenchApi } from './support/bench-apps';
import { dutchText } from './support/whatsapp';

const num = (name: string, dflt: number) => Math.floor(envNumber(name, dflt));
const CASES = num('BENCH_CASES', 100_000);
const TEAMS = 10;
const REQUESTS = num('BENCH_REQUESTS', 300);
const CONCURRENCY = num('BENCH_CONCURRENCY', 8);
const CONCURRENT_MS = num('BENCH_CONCURRENT_S', 10) * 1000;
const BATCH = 5000;
const PAGE = 50;
const WALK_PAGES = 20;
const DAY_MS = 86_400_000;
const TARGET_P99 = 50;

interface Row {
  metric: string;
  value: number | null;
  unit: string;
  target: string | null;
}

interface ListItem {
  id: string;
  status: string;
  teamId: string;
  lastMessageAt: string;
  preview: string;
}
interface ListBody {
  items: ListItem[];
  nextCursor: string | null;
}

// ------------------------------------------------------------------------------------------ seed

/** A crude pseudonymized copy: phone numbers, e-mail addresses and long digit runs replaced. */
function pseudoOf(text: string): string {
  return text
    .replace(/[\w.+-]+@[\w-]+\.[\w.]+/g, '[EMAIL_1]')
    .replace(/(\+31 6 \d{4} \d{4}|06-\d{8})/g, '[TELEFOON_1]')
    .replace(/\d{7}/g, '[STUDENTNUMMER_1]');
}

interface Batch {
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

function buildBatch(
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
    const team = teams[i % TEAMS];
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

async function insertBatch(c: PoolClient, keys: Client, b: Batch): Promise<void> {
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

// ------------------------------------------------------------------------------------------ http

interface Res {
  status: number;
  ms: number;
  body: string;
}

function getOnce(agent: http.Agent, port: number, path: string, token: string): Promise<Res> {
  return new Promise((resolve) => {
    const t0 = nowMs();
    const req = http.request(
      {
        agent,
        host: '127.0.0.1',
        port,
        path,
        method: 'GET',
        headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
      },
      (r) => {
        const chunks: Buffer[] = [];
        r.on('data', (d: Buffer) => chunks.push(d));
        r.on('end', () =>
          resolve({ status: r.statusCode ?? 0, ms: nowMs() - t0, body: Buffer.concat(chunks).toString() }),
        );
        r.on('error', () => resolve({ status: -1, ms: nowMs() - t0, body: '' }));
      },
    );
    req.setTimeout(10_000, () => req.destroy(new Error('timeout')));
    req.on('error', (e) => resolve({ status: -1, ms: nowMs() - t0, body: String(e) }));
    req.end();
  });
}

const listPath = (status: string, cursor?: string | null) =>
  `/api/cases?status=${status}&limit=${PAGE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;

interface Who {
  label: string;
  token: string;
  view: 'original' | 'pseudonymized';
}

class Scenario {
  readonly lat: number[] = [];
  errors = 0;
  badPreviews = 0;
  firstError = '';
  constructor(
    readonly name: string,
    readonly who: Who,
  ) {}
}

// ------------------------------------------------------------------------------------------ main

async function main(): Promise<void> {
  const { redisUrl, dbName, adminUrl, dbUrl, redisPrefix } = scratchNames('cases');
  const dataKey = randomBytes(32).toString('base64');
  const master = Buffer.from(dataKey, 'base64');
  // Only lookup hashes and sealed secrets here: no key store behind this ring.
  const keyRing = new KeyRing({ dataKey: master } as AppConfig, null as unknown as KeyStore);

  const apps: AppProcess[] = [];
  let db: Client | null = null;
  let keysDb: Client | null = null;
  let pool: Pool | null = null;
  let dbCreated = false;
  const agent1 = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const agentN = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const cleanup = async () => {
    agent1.destroy();
    agentN.destroy();
    for (const a of apps.reverse()) await a.kill().catch(() => undefined);
    await db?.end().catch(() => undefined);
    await keysDb?.end().catch(() => undefined);
    await pool?.end().catch(() => undefined);
    if (dbCreated && process.env.BENCH_KEEP_DB !== '1') await dropDatabase(adminUrl.toString(), dbName);
    else if (dbCreated)
      process.stdout.write(`kept database ${dbName}
`);
    await deleteRedisKeys(redisUrl, redisPrefix);
  };
  const signal = cleanUpOnSignal(cleanup);

  try {
    // -------------------------------------------------------------- database + seed
    await createDatabase(adminUrl.toString(), dbName);
    dbCreated = true;
    await runMigrations(dbUrl.toString());
    db = new Client({ connectionString: dbUrl.toString() });
    await db.connect();
    keysDb = new Client({ connectionString: defaultKeysDatabaseUrl(dbUrl.toString()) });
    await keysDb.connect();

    const seedStarted = Date.now();
    const teams: { id: string; name: string; account: string }[] = [];
    for (let t = 0; t < TEAMS; t++) {
      const name = t === 0 ? 'Admissions' : `Team ${String(t + 1).padStart(2, '0')}`;
      const [team] = (await db.query(`INSERT INTO teams (name) VALUES ($1) RETURNING id`, [name])).rows as {
        id: string;
      }[];
      const accountId = randomUUID();
      const [acc] = (
        await db.query(
          `INSERT INTO channel_accounts (id, channel, external_id, name, team_id, app_secret_enc, verify_token_enc, access_token_enc)
           VALUES ($7, 'whatsapp', $1, $2, $3, $4, $5, $6) RETURNING id`,
          [
            `10987654321${String(t).padStart(4, '0')}`,
            `WhatsApp ${name}`,
            team.id,
            keyRing.sealSecret(randomBytes(16).toString('hex'), aad.channelSecret(accountId, 'app_secret')),
            keyRing.sealSecret(randomBytes(8).toString('hex'), aad.channelSecret(accountId, 'verify_token')),
            keyRing.sealSecret(randomBytes(24).toString('hex'), aad.channelSecret(accountId, 'access_token')),
            accountId,
          ],
        )
      ).rows as { id: string }[];
      teams.push({ id: team.id, name, account: acc.id });
    }
    pool = new Pool({ connectionString: dbUrl.toString(), max: 2 });
    pool.on('connect', (c) => void c.query('SET synchronous_commit = off').catch(() => undefined));
    const now = Date.now();
    const inflight: Promise<void>[] = [];
    let buildMs = 0;
    for (let from = 0; from < CASES; from += BATCH) {
      if (signal.stopping) throw new Error('stopped');
      const t0 = Date.now();
      const batch = buildBatch(from, Math.min(CASES, from + BATCH), master, keyRing, teams, now);
      buildMs += Date.now() - t0;
      if (inflight.length >= 2) await inflight.shift();
      const p = pool.connect().then(async (c) => {
        try {
          await insertBatch(c, keysDb!, batch);
        } finally {
          c.release();
        }
      });
      p.catch(() => undefined); // awaited below; avoid an unhandled rejection meanwhile
      inflight.push(p);
    }
    await Promise.all(inflight);
    await pool.end();
    pool = null;
    const insertedS = (Date.now() - seedStarted) / 1000;
    await db.query(`VACUUM (ANALYZE) contacts, cases, messages`);
    await keysDb.query(`VACUUM (ANALYZE) data_keys`);
    const seedS = (Date.now() - seedStarted) / 1000;
    const keyCount = Number((await keysDb.query(`SELECT count(*)::int AS n FROM data_keys`)).rows[0].n);
    const counts = (
      await db.query(
        `SELECT (SELECT count(*) FROM cases)::int AS cases, (SELECT count(*) FROM messages)::int AS messages,
                (SELECT count(*) FROM cases WHERE team_id = $1)::int AS team1,
                (SELECT count(*) FROM cases WHERE team_id = $1 AND status = 'open')::int AS team1_open,
                pg_size_pretty(pg_database_size(current_database())) AS size`,
        [teams[0].id],
      )
    ).rows[0] as {
      cases: number;
      messages: number;
      team1: number;
      team1_open: number;
      size: string;
    };
    process.stdout.write(
      `seeded ${counts.cases} cases, ${counts.messages} messages, ${keyCount} data keys (${counts.size}) in ${insertedS.toFixed(1)} s ` +
        `(+ VACUUM ANALYZE = ${seedS.toFixed(1)} s; node build ${(buildMs / 1000).toFixed(1)} s); team 1: ${counts.team1} cases, ${counts.team1_open} open\n`,
    );

    // -------------------------------------------------------------- api + users
    const env = benchEnv({
      databaseUrl: dbUrl.toString(),
      redisUrl,
      redisPrefix,
      dataKey,
      appSecret: randomBytes(32).toString('base64'),
      workerConcurrency: 4,
    });
    // The accounts are seeded; no bootstrap channel account from the environment.
    for (const k of Object.keys(env)) if (k.startsWith('WHATSAPP_')) delete env[k];
    const api = await startBenchApi(env);
    apps.push(api);
    const port = Number(new URL(api.url).port);
    const adminToken = await login(api.url, ADMIN.email, ADMIN.password);
    const makeUser = async (role: 'agent' | 'team_lead'): Promise<string> => {
      const email = `bench-${role}-${randomBytes(4).toString('hex')}@school.bench`;
      const password = `Bench-${randomBytes(12).toString('base64url')}-pw`;
      const res = await fetch(`${api.url}/api/users`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
        body: JSON.stringify({ email, password, name: `Bench ${role}`, role, teamId: teams[0].id }),
      });
      if (res.status !== 201) throw new Error(`create ${role} failed: ${res.status} ${await res.text()}`);
      return login(api.url, email, password);
    };
    const agentWho: Who = { label: 'agent', token: await makeUser('agent'), view: 'original' };
    const leadWho: Who = { label: 'lead', token: await makeUser('team_lead'), view: 'pseudonymized' };

    // -------------------------------------------------------------- request helpers
    const scenarios: Scenario[] = [];
    const pseudoById = new Map<string, string>(); // lead's previews, to tell decrypted from pseudo
    /** One timed request; validates the page. Returns the body or null on error. */
    const timed = async (
      sc: Scenario | null,
      who: Who,
      status: string,
      cursor: string | null,
      httpAgent: http.Agent = agent1,
    ): Promise<ListBody | null> => {
      if (!api.alive) throw new Error(`api died: ${api.exitInfo}\n${api.output.slice(-3000)}`);
      const r = await getOnce(httpAgent, port, listPath(status, cursor), who.token);
      let body: ListBody | null = null;
      if (r.status === 200) {
        try {
          body = JSON.parse(r.body) as ListBody;
        } catch {
          body = null;
        }
      }
      if (!sc) return body;
      if (!body || !Array.isArray(body.items)) {
        sc.errors++;
        sc.firstError ||= `${r.status} ${r.body.slice(0, 300)}`;
        return null;
      }
      sc.lat.push(r.ms);
      for (const it of body.items) {
        const wrongStatus = status !== 'all' && it.status !== status;
        const bad =
          wrongStatus ||
          it.teamId !== teams[0].id ||
          !it.preview ||
          (who.view === 'original' &&
            pseudoById.has(it.id) &&
            /\[[A-Z]+_1\]/.test(pseudoById.get(it.id)!) &&
            it.preview === pseudoById.get(it.id));
        if (bad) sc.badPreviews++;
        if (who.view === 'pseudonymized') pseudoById.set(it.id, it.preview);
      }
      return body;
    };
    const scenario = (name: string, who: Who) => {
      const s = new Scenario(name, who);
      scenarios.push(s);
      return s;
    };
    const firstPages = async (who: Who, status: string, n: number) => {
      const sc = scenario(`${who.label} first page ${status}`, who);
      for (let i = 0; i < n && !signal.stopping; i++) await timed(sc, who, status, null);
      return sc;
    };
    /** Walks pages 2..WALK_PAGES (first page untimed) until ≥ n timed requests. */
    const walks = async (who: Who, status: string, n: number) => {
      const sc = scenario(`${who.label} pages 2-${WALK_PAGES} ${status}`, who);
      for (let w = 0; sc.lat.length + sc.errors < n && w < 1000 && !signal.stopping; w++) {
        let cursor = (await timed(null, who, status, null))?.nextCursor ?? null;
        for (let p = 2; p <= WALK_PAGES && cursor; p++)
          cursor = (await timed(sc, who, status, cursor))?.nextCursor ?? null;
      }
      return sc;
    };

    process.stdout.write(
      `cases-list bench: ${CASES} cases / ${TEAMS} teams, page ${PAGE}, ≥ ${REQUESTS} sequential requests per scenario\n`,
    );
    const cpu = new CpuSampler({ api: api.child.pid, bench: process.pid });

    // Warm-up as the lead (no data keys loaded, so the agent's key cache stays cold).
    for (let i = 0; i < 60; i++) {
      let c: string | null = null;
      for (let p = 0; p < 3; p++)
        c = (await timed(null, leadWho, i % 2 ? 'open' : 'all', c))?.nextCursor ?? null;
    }

    // Lead deep walk over every page of status=all: pagination correctness + cursors for later.
    const deep = scenario('lead deep walk all pages', leadWho);
    const cursors: (string | null)[] = [null];
    const seen = new Set<string>();
    let dupes = 0;
    let outOfOrder = 0;
    let prev: ListItem | null = null;
    for (let p = 0; p < Math.ceil(CASES / PAGE) + 5 && !signal.stopping; p++) {
      const body = await timed(deep, leadWho, 'all', cursors[cursors.length - 1]);
      if (!body) break;
      for (const it of body.items) {
        if (seen.has(it.id)) dupes++;
        seen.add(it.id);
        if (
          prev &&
          (prev.lastMessageAt < it.lastMessageAt ||
            (prev.lastMessageAt === it.lastMessageAt && prev.id < it.id))
        )
          outOfOrder++;
        prev = it;
      }
      if (!body.nextCursor) break;
      cursors.push(body.nextCursor);
    }
    const paginationOk = seen.size === counts.team1 && dupes === 0 && outOfOrder === 0;
    process.stdout.write(
      `  lead deep walk: ${deep.lat.length} pages, ${seen.size}/${counts.team1} cases of team 1, ${dupes} duplicates, ${outOfOrder} out of order\n`,
    );

    // Agent, cold key cache: the agent's first requests ever, on pages nobody decrypted yet.
    const cold = scenario('agent cold key cache (all, deep pages)', agentWho);
    {
      const pages = cursors.slice(WALK_PAGES + 1); // pages > 21: not touched by the walks below
      const take = pages.slice(-Math.min(pages.length, REQUESTS)); // oldest cases: also untouched by "open" walks
      for (const c of take) {
        if (signal.stopping) break;
        await timed(cold, agentWho, 'all', c);
      }
    }

    const cpu0 = cpu.snapshot();
    const t0 = nowMs();
    const main: Scenario[] = [];
    for (const who of [agentWho, leadWho]) {
      main.push(await firstPages(who, 'open', REQUESTS));
      main.push(await firstPages(who, 'all', REQUESTS));
      main.push(await walks(who, 'open', REQUESTS));
      main.push(await walks(who, 'all', REQUESTS));
    }
    const seqCpu = CpuSampler.usage(cpu0, cpu.snapshot());
    const seqS = (nowMs() - t0) / 1000;

    // Concurrent: CONCURRENCY agents' clients walking pages 1..20, mixed statuses.
    const conc = scenario(`agent ${CONCURRENCY} concurrent clients`, agentWho);
    const cpu1 = cpu.snapshot();
    const ct0 = nowMs();
    const statuses = ['open', 'all', 'answered', 'closed'];
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async (_, k) => {
        for (let w = 0; nowMs() - ct0 < CONCURRENT_MS && w < 10_000 && !signal.stopping; w++) {
          const status = statuses[(k + w) % statuses.length];
          let cursor: string | null = null;
          for (let p = 1; p <= WALK_PAGES && nowMs() - ct0 < CONCURRENT_MS; p++) {
            cursor = (await timed(conc, agentWho, status, cursor, agentN))?.nextCursor ?? null;
            if (!cursor) break;
          }
        }
      }),
    );
    const concS = (nowMs() - ct0) / 1000;
    const concCpu = CpuSampler.usage(cpu1, cpu.snapshot());
    const concRps = conc.lat.length / concS;

    // -------------------------------------------------------------- EXPLAIN
    const decodeCursor = (c: string | null) => {
      if (!c) return null;
      const [at, id] = Buffer.from(c, 'base64url').toString('utf8').split('|');
      return { at, id };
    };
    // Cursor for page 20 of "open" (from the lead's walk) and deep pages of "all".
    let openCursor: string | null = null;
    for (let p = 1; p < WALK_PAGES; p++)
      openCursor = (await timed(null, leadWho, 'open', openCursor))?.nextCursor ?? null;
    const explainCases: { label: string; status: string | null; cursor: string | null }[] = [
      { label: 'first page, status=all', status: null, cursor: null },
      { label: 'first page, status=open', status: 'open', cursor: null },
      { label: `page ${WALK_PAGES}, status=open (cursor)`, status: 'open', cursor: openCursor },
      {
        label: `page ${WALK_PAGES}, status=all (cursor)`,
        status: null,
        cursor: cursors[WALK_PAGES - 1] ?? null,
      },
      {
        label: `page ${cursors.length}, status=all (last page)`,
        status: null,
        cursor: cursors[cursors.length - 1] ?? null,
      },
    ];
    const explains: { label: string; executionMs: number; plan: string }[] = [];
    for (const e of explainCases) {
      const params = caseListParams({
        teamId: teams[0].id,
        status: e.status,
        cursor: decodeCursor(e.cursor),
        limit: PAGE + 1,
      });
      for (let i = 0; i < 3; i++) await db.query(CASE_LIST_SQL, params); // warm
      const { rows } = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${CASE_LIST_SQL}`, params);
      const plan = rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
      const m = /Execution Time: ([\d.]+) ms/.exec(plan);
      explains.push({ label: e.label, executionMs: m ? Number(m[1]) : NaN, plan });
    }

    // -------------------------------------------------------------- report
    const rows: Row[] = [];
    const r = (metric: string, value: number, unit: string, target: string | null = null) =>
      rows.push({ metric, value: Number.isFinite(value) ? Number(value.toFixed(2)) : null, unit, target });
    const table: (string | number)[][] = [
      ['scenario', 'n', 'errors', 'bad items', 'p50', 'p95', 'p99', 'max'],
    ];
    for (const sc of scenarios) {
      const s = sortedCopy(sc.lat);
      table.push([
        sc.name,
        sc.lat.length,
        sc.errors,
        sc.badPreviews,
        percentile(s, 50),
        percentile(s, 95),
        percentile(s, 99),
        s.length ? s[s.length - 1] : NaN,
      ]);
    }
    const combined = sortedCopy(main.flatMap((s) => s.lat));
    const agentOnly = sortedCopy(main.filter((s) => s.who === agentWho).flatMap((s) => s.lat));
    const errors = scenarios.reduce((n, s) => n + s.errors, 0);
    const bad = scenarios.reduce((n, s) => n + s.badPreviews, 0);

    r(
      'combined p99 (agent+lead, first pages + pages 2-20, sequential)',
      percentile(combined, 99),
      'ms',
      `< ${TARGET_P99}`,
    );
    r('agent p99 (first pages + pages 2-20, sequential)', percentile(agentOnly, 99), 'ms', `< ${TARGET_P99}`);
    for (const sc of [...main, cold, deep]) {
      const s = sortedCopy(sc.lat);
      r(`${sc.name} p50`, percentile(s, 50), 'ms');
      r(`${sc.name} p95`, percentile(s, 95), 'ms');
      r(`${sc.name} p99`, percentile(s, 99), 'ms', sc === cold ? `< ${TARGET_P99}` : null);
    }
    const cs = sortedCopy(conc.lat);
    r(`${conc.name} p50`, percentile(cs, 50), 'ms');
    r(`${conc.name} p99`, percentile(cs, 99), 'ms');
    r(`${conc.name} throughput`, concRps, 'req/s');
    r('errors + invalid items', errors + bad, 'count', '0');
    r(
      'pagination: cases missing/duplicated/out of order',
      paginationOk ? 0 : Math.abs(counts.team1 - seen.size) + dupes + outOfOrder,
      'count',
      '0',
    );
    r('seed time (insert + VACUUM ANALYZE)', seedS, 's');
    for (const e of explains) r(`SQL execution: ${e.label}`, e.executionMs, 'ms');

    process.stdout.write('\n');
    printTable(table);
    process.stdout.write(
      `\nsequential: ${main.reduce((n, s) => n + s.lat.length, 0)} requests in ${seqS.toFixed(1)} s; cpu % api/postgres/bench ` +
        `${[seqCpu.api, seqCpu.postgres, seqCpu.bench].map((x) => x.toFixed(0)).join('/')}\n` +
        `concurrent (${CONCURRENCY} clients, ${concS.toFixed(1)} s): ${conc.lat.length} requests, ${concRps.toFixed(0)} req/s; ` +
        `cpu % api/postgres/bench ${[concCpu.api, concCpu.postgres, concCpu.bench].map((x) => x.toFixed(0)).join('/')}, pressure ${concCpu.cpuPressure.toFixed(0)}%\n`,
    );
    for (const sc of scenarios)
      if (sc.firstError) process.stdout.write(`  first error in ${sc.name}: ${sc.firstError}\n`);
    const missed =
      percentile(combined, 99) >= TARGET_P99 || percentile(sortedCopy(cold.lat), 99) >= TARGET_P99;
    process.stdout.write(
      `\nEXPLAIN (ANALYZE, BUFFERS) of the list SQL, team 1${missed ? ' (p99 target missed)' : ''}:\n`,
    );
    for (const e of explains) process.stdout.write(`\n-- ${e.label}: ${e.executionMs} ms\n${e.plan}\n`);

    writeResults('cases-list', {
      rows,
      config: {
        cases: CASES,
        teams: TEAMS,
        page: PAGE,
        walkPages: WALK_PAGES,
        requestsPerScenario: REQUESTS,
        concurrency: CONCURRENCY,
        concurrentSeconds: CONCURRENT_MS / 1000,
      },
      seed: { ...counts, insertSeconds: insertedS, totalSeconds: seedS },
      scenarios: scenarios.map((s) => {
        const x = sortedCopy(s.lat);
        return {
          name: s.name,
          n: s.lat.length,
          errors: s.errors,
          invalidItems: s.badPreviews,
          p50: percentile(x, 50),
          p95: percentile(x, 95),
          p99: percentile(x, 99),
          max: x.length ? x[x.length - 1] : null,
          firstError: s.firstError || undefined,
        };
      }),
      cpuPercent: { sequential: seqCpu, concurrent: concCpu },
      explain: explains,
    });
  } finally {
    await cleanup();
  }
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    process.stderr.write(`cases-list bench failed: ${err.stack ?? err.message}\n`);
    process.exit(1);
  },
);

import { randomBytes, randomUUID } from 'node:crypto';
import { Client, Pool } from 'pg';
import { KeyRing } from '../../libs/platform/src/crypto/key-ring.service';
import { aad } from '../../libs/platform/src/crypto/row-binding';
import { buildBatch, insertBatch } from './cases-seed-batch';

export interface SeededTeam {
  id: string;
  name: string;
  account: string;
}

export interface SeedCounts {
  cases: number;
  messages: number;
  team1: number;
  team1_open: number;
  size: string;
}

/**
 * Seeds the case-list bench's database straight in Postgres: the teams with one WhatsApp account
 * each, then the cases in batches (two in flight while node builds the next), then VACUUM ANALYZE.
 * Prints what it seeded.
 */
export async function seedCases(o: {
  db: Client;
  keysDb: Client;
  dbUrl: string;
  master: Buffer;
  keyRing: KeyRing;
  cases: number;
  teams: number;
  batch: number;
  stopping: () => boolean;
}): Promise<{ teams: SeededTeam[]; counts: SeedCounts; insertedS: number; seedS: number }> {
  const { db, keysDb } = o;
  const seedStarted = Date.now();
  const teams: { id: string; name: string; account: string }[] = [];
  for (let t = 0; t < o.teams; t++) {
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
          o.keyRing.sealSecret(randomBytes(16).toString('hex'), aad.channelSecret(accountId, 'app_secret')),
          o.keyRing.sealSecret(randomBytes(8).toString('hex'), aad.channelSecret(accountId, 'verify_token')),
          o.keyRing.sealSecret(randomBytes(24).toString('hex'), aad.channelSecret(accountId, 'access_token')),
          accountId,
        ],
      )
    ).rows as { id: string }[];
    teams.push({ id: team.id, name, account: acc.id });
  }
  const pool = new Pool({ connectionString: o.dbUrl, max: 2 });
  pool.on('connect', (c) => void c.query('SET synchronous_commit = off').catch(() => undefined));
  const now = Date.now();
  const inflight: Promise<void>[] = [];
  let buildMs = 0;
  try {
    for (let from = 0; from < o.cases; from += o.batch) {
      if (o.stopping()) throw new Error('stopped');
      const t0 = Date.now();
      const batch = buildBatch(from, Math.min(o.cases, from + o.batch), o.master, o.keyRing, teams, now);
      buildMs += Date.now() - t0;
      if (inflight.length >= 2) await inflight.shift();
      const p = pool.connect().then(async (c) => {
        try {
          await insertBatch(c, keysDb, batch);
        } finally {
          c.release();
        }
      });
      p.catch(() => undefined); // awaited below; avoid an unhandled rejection meanwhile
      inflight.push(p);
    }
    await Promise.all(inflight);
  } finally {
    await pool.end().catch(() => undefined);
  }
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
  ).rows[0] as SeedCounts;
  process.stdout.write(
    `seeded ${counts.cases} cases, ${counts.messages} messages, ${keyCount} data keys (${counts.size}) in ${insertedS.toFixed(1)} s ` +
      `(+ VACUUM ANALYZE = ${seedS.toFixed(1)} s; node build ${(buildMs / 1000).toFixed(1)} s); team 1: ${counts.team1} cases, ${counts.team1_open} open\n`,
  );
  return { teams, counts, insertedS, seedS };
}

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
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { Client } from 'pg';
import { defaultKeysDatabaseUrl, type AppConfig } from '../libs/platform/src/config/app-config';
import { KeyRing } from '../libs/platform/src/crypto/key-ring.service';
import type { KeyStore } from '../libs/platform/src/crypto/key-store';
import { envNumber } from './support/results';
import { login } from '../test/support/api-client';
import { CpuSampler } from './support/cpu';
import { nowMs } from './support/load';
import { ADMIN } from '../test/support/processes';
import { benchEnv, startBenchApi } from './support/bench-apps';
import { runBench } from './support/bench-run';
import { seedCases } from './support/cases-seed';
import { ListItem, Scenario, timedList, Who } from './support/case-list-client';
import { explainCaseList, ExplainCase } from './support/case-list-explain';
import { reportCaseList } from './support/case-list-report';

const num = (name: string, dflt: number) => Math.floor(envNumber(name, dflt));
const CASES = num('BENCH_CASES', 100_000);
const TEAMS = 10;
const REQUESTS = num('BENCH_REQUESTS', 300);
const CONCURRENCY = num('BENCH_CONCURRENCY', 8);
const CONCURRENT_MS = num('BENCH_CONCURRENT_S', 10) * 1000;
const BATCH = 5000;
const PAGE = 50;
const WALK_PAGES = 20;
const TARGET_P99 = 50;

runBench({ scratch: 'cases', bench: 'cases-list' }, async (run) => {
  const { dbUrl } = run;
  const dataKey = randomBytes(32).toString('base64');
  const master = Buffer.from(dataKey, 'base64');
  // Only lookup hashes and sealed secrets here: no key store behind this ring.
  const keyRing = new KeyRing({ dataKey: master } as AppConfig, null as unknown as KeyStore);

  const agent1 = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const agentN = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  run.onCleanup(() => {
    agent1.destroy();
    agentN.destroy();
  });

  // -------------------------------------------------------------- database + seed
  const db = new Client({ connectionString: dbUrl.toString() });
  await db.connect();
  run.onCleanup(() => db.end());
  const keysDb = new Client({ connectionString: defaultKeysDatabaseUrl(dbUrl.toString()) });
  await keysDb.connect();
  run.onCleanup(() => keysDb.end());
  const { teams, counts, insertedS, seedS } = await seedCases({
    db,
    keysDb,
    dbUrl: dbUrl.toString(),
    master,
    keyRing,
    cases: CASES,
    teams: TEAMS,
    batch: BATCH,
    stopping: () => run.stopping,
  });

  // -------------------------------------------------------------- api + users
  const env = benchEnv(run, { dataKey, workerConcurrency: 4 });
  // The accounts are seeded; no bootstrap channel account from the environment.
  for (const k of Object.keys(env)) if (k.startsWith('WHATSAPP_')) delete env[k];
  const api = run.app(await startBenchApi(env));
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
  const timed = timedList({ api, port, teamId: teams[0].id, page: PAGE, agent: agent1 });
  const scenario = (name: string, who: Who) => {
    const s = new Scenario(name, who);
    scenarios.push(s);
    return s;
  };
  const firstPages = async (who: Who, status: string, n: number) => {
    const sc = scenario(`${who.label} first page ${status}`, who);
    for (let i = 0; i < n && !run.stopping; i++) await timed(sc, who, status, null);
    return sc;
  };
  /** Walks pages 2..WALK_PAGES (first page untimed) until ≥ n timed requests. */
  const walks = async (who: Who, status: string, n: number) => {
    const sc = scenario(`${who.label} pages 2-${WALK_PAGES} ${status}`, who);
    for (let w = 0; sc.lat.length + sc.errors < n && w < 1000 && !run.stopping; w++) {
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
  for (let p = 0; p < Math.ceil(CASES / PAGE) + 5 && !run.stopping; p++) {
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
      if (run.stopping) break;
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
      for (let w = 0; nowMs() - ct0 < CONCURRENT_MS && w < 10_000 && !run.stopping; w++) {
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

  // -------------------------------------------------------------- EXPLAIN
  // Cursor for page 20 of "open" (from the lead's walk) and deep pages of "all".
  let openCursor: string | null = null;
  for (let p = 1; p < WALK_PAGES; p++)
    openCursor = (await timed(null, leadWho, 'open', openCursor))?.nextCursor ?? null;
  const explainCases: ExplainCase[] = [
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
  const explains = await explainCaseList(db, teams[0].id, PAGE, explainCases);

  reportCaseList({
    config: {
      cases: CASES,
      teams: TEAMS,
      page: PAGE,
      walkPages: WALK_PAGES,
      requestsPerScenario: REQUESTS,
      concurrency: CONCURRENCY,
      concurrentSeconds: CONCURRENT_MS / 1000,
    },
    targetP99: TARGET_P99,
    counts,
    insertedS,
    seedS,
    scenarios,
    main,
    cold,
    deep,
    conc,
    agentWho,
    pagination: { ok: paginationOk, seen: seen.size, dupes, outOfOrder },
    seqS,
    seqCpu,
    concS,
    concCpu,
    explains,
  });
});

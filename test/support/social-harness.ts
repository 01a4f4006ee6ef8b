import { Client } from 'pg';
import { testKeyRing } from './keys';
import { api, login, teamWithAgent, USER_PASSWORD } from './api-client';
import { accept, GraphStandIn } from './graph-stand-in';
import { ADMIN, AppProcess, startApi, startWorker, testEnv, waitFor } from './processes';
import { socialEnv } from './social-payloads';
import { connectTestDatabase } from './databases';

export interface CaseDetailView {
  id: string;
  channel: string;
  view: string;
  conversation: 'direct' | 'comment';
  messages: {
    id: string;
    direction: string;
    text: string;
    deliveryStatus: string | null;
    errorCode: string | null;
  }[];
}

/**
 * How long a filing may take. In one full run the first filing of a fresh worker took longer than
 * the default 15 s (cause not found); a timeout now prints the worker's output to show why.
 */
const FILING_TIMEOUT_MS = 45_000;

/**
 * An api and a worker with the Facebook page and LinkedIn organization bootstrapped, both platforms'
 * outbound calls going to one stand-in, an agent of the owning team and a database connection, plus
 * the look-ups the channel e2e tests share.
 */
export class SocialHarness {
  readonly graph = new GraphStandIn();
  readonly keyRing = testKeyRing();
  apiApp!: AppProcess & { url: string };
  worker!: AppProcess;
  db!: Client;
  agent!: Awaited<ReturnType<typeof teamWithAgent>>;
  adminToken!: string;

  get url(): string {
    return this.apiApp.url;
  }

  async start(): Promise<void> {
    await this.graph.start();
    const env = testEnv({ graphBaseUrl: this.graph.baseUrl, extra: socialEnv(this.graph.linkedInBaseUrl) });
    this.apiApp = await startApi(env);
    this.worker = await startWorker(env);
    this.db = await connectTestDatabase();
    this.agent = await teamWithAgent(this.apiApp.url, 'Admissions');
    this.adminToken = await login(this.apiApp.url, ADMIN.email, ADMIN.password);
  }

  async stop(): Promise<void> {
    await this.db?.end();
    await this.worker?.kill();
    await this.apiApp?.kill();
    await this.graph.stop();
  }

  /** Before each test: the stand-in accepts everything and has seen nothing. */
  reset(): void {
    this.graph.behaviour = accept;
    this.graph.requests.length = 0;
  }

  count = async (sql: string, params: unknown[] = []): Promise<number> =>
    Number((await this.db.query(sql, params)).rows[0].n);

  /** Every stored webhook event has been filed by the worker. */
  settled = (): Promise<void> =>
    waitFor(
      async () =>
        (await this.count(`SELECT count(*) AS n FROM inbound_events WHERE processed_at IS NULL`)) === 0,
      FILING_TIMEOUT_MS,
      () => this.worker.output,
    );

  messageHash = (channel: string, externalId: string): Buffer =>
    this.keyRing.lookupHash(`${channel}:msg:${externalId}`);

  /** Waits until the message with this platform id is filed; returns its case. */
  caseOf = async (channel: string, externalId: string): Promise<string> => {
    const hash = this.messageHash(channel, externalId);
    const find = () => this.db.query(`SELECT case_id FROM messages WHERE external_hash = $1`, [hash]);
    await waitFor(
      async () => (await find()).rowCount === 1,
      FILING_TIMEOUT_MS,
      () => this.worker.output,
    );
    return (await find()).rows[0].case_id;
  };

  detail = (caseId: string) =>
    api<CaseDetailView>(this.apiApp.url, this.agent.token, 'GET', `/api/cases/${caseId}`);

  reply = (caseId: string, text: string, visibility?: 'public' | 'private') =>
    api<{ id: string; error?: { code: string; message: string } }>(
      this.apiApp.url,
      this.agent.token,
      'POST',
      `/api/cases/${caseId}/replies`,
      { text, ...(visibility ? { visibility } : {}) },
    );

  deliveryOf = async (messageId: string): Promise<{ delivery_status: string; error_code: string | null }> =>
    (await this.db.query(`SELECT delivery_status, error_code FROM messages WHERE id = $1`, [messageId]))
      .rows[0];

  /** Turns a fresh agent of the owning team into a privacy officer and logs in as them. */
  async privacyOfficerToken(): Promise<string> {
    const officer = await teamWithAgent(this.apiApp.url, 'Admissions');
    await this.db.query(`UPDATE users SET role = 'privacy_officer' WHERE id = $1`, [officer.userId]);
    return login(this.apiApp.url, officer.email, USER_PASSWORD);
  }
}

import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';

export interface RecordedRequest {
  method: string;
  url: string;
  authorization: string | undefined;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown>;
}

export type Behaviour = (req: RecordedRequest) => {
  status: number;
  body: unknown;
  delayMs?: number;
  headers?: Record<string, string>;
};

/**
 * Answers like the platform's send endpoint for the request's path: WhatsApp Cloud API
 * (`{ messaging_product, contacts, messages: [{ id }] }`), Messenger Send API and Private Replies
 * (`{ recipient_id, message_id }`), comment replies (`{ id }`) and LinkedIn's socialActions comments
 * (201, the new comment's URN in `x-restli-id`).
 */
export const accept: Behaviour = (req) => {
  const id = randomBytes(12).toString('hex');
  if (req.url.startsWith('/rest/socialActions/')) {
    const urn = `urn:li:comment:(${String(req.body.object)},${BigInt(`0x${id}`) % 10n ** 19n})`;
    return { status: 201, body: { $URN: urn }, headers: { 'x-restli-id': urn } };
  }
  if (req.url.endsWith('/comments')) return { status: 200, body: { id: `${Date.now()}_${id}` } };
  if (req.body.messaging_product !== 'whatsapp') {
    const recipient = req.body.recipient as { id?: string } | undefined;
    return { status: 200, body: { recipient_id: recipient?.id ?? 'psid', message_id: `m_${id}` } };
  }
  return {
    status: 200,
    body: {
      messaging_product: 'whatsapp',
      contacts: [
        { input: String(req.body.to ?? req.body.recipient ?? ''), wa_id: String(req.body.to ?? '') },
      ],
      messages: [{ id: `wamid.${randomBytes(16).toString('base64')}` }],
    },
  };
};

/**
 * A local stand-in for graph.facebook.com and api.linkedin.com that records every request it
 * receives; the e2e tests and `npm run demo` (scripts/demo.mjs) use it.
 */
export class GraphStandIn {
  readonly requests: RecordedRequest[] = [];
  behaviour: Behaviour = accept;
  private server: Server;
  port = 0;
  host = '127.0.0.1';

  /** `log` gets one line per request (method, path, status), never the content. */
  constructor(private readonly log?: (line: string) => void) {}

  get baseUrl(): string {
    return `http://${this.host}:${this.port}/v21.0`;
  }

  /** LINKEDIN_API_BASE_URL for the same stand-in (LinkedIn paths start at the root: /rest/…). */
  get linkedInBaseUrl(): string {
    return `http://${this.host}:${this.port}`;
  }

  /** Listens on `port` (a free one by default). */
  async start(port = 0, host = '127.0.0.1'): Promise<this> {
    this.host = host;
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, resolve);
    });
    this.port = (this.server.address() as { port: number }).port;
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
    } catch {
      body = {};
    }
    const recorded = {
      method: req.method ?? '',
      url: req.url ?? '',
      authorization: req.headers.authorization,
      headers: req.headers,
      body,
    };
    this.requests.push(recorded);
    const answer = this.behaviour(recorded);
    if (answer.delayMs) await new Promise((r) => setTimeout(r, answer.delayMs));
    if (res.destroyed) return;
    res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
    res.end(JSON.stringify(answer.body));
    this.log?.(`[graph] ${recorded.method} ${recorded.url.split('?')[0]} → ${answer.status}`);
  }
}

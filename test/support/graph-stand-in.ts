import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';

export interface RecordedRequest {
  method: string;
  url: string;
  authorization: string | undefined;
  body: Record<string, unknown>;
}

export type Behaviour = (req: RecordedRequest) => { status: number; body: unknown; delayMs?: number };

/** Answers like the Cloud API's send endpoint: `{ messaging_product, contacts, messages: [{ id }] }`. */
export const accept: Behaviour = (req) => ({
  status: 200,
  body: {
    messaging_product: 'whatsapp',
    contacts: [{ input: String(req.body.to ?? req.body.recipient ?? ''), wa_id: String(req.body.to ?? '') }],
    messages: [{ id: `wamid.${randomBytes(16).toString('base64')}` }],
  },
});

/** A local stand-in for graph.facebook.com that records every request it receives. */
export class GraphStandIn {
  readonly requests: RecordedRequest[] = [];
  behaviour: Behaviour = accept;
  private server: Server;
  port = 0;

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}/v21.0`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
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
      body,
    };
    this.requests.push(recorded);
    const answer = this.behaviour(recorded);
    if (answer.delayMs) await new Promise((r) => setTimeout(r, answer.delayMs));
    if (res.destroyed) return;
    res.writeHead(answer.status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(answer.body));
  }
}

import { Injectable, Logger } from '@nestjs/common';
import { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import getRawBody from 'raw-body';
import { describeHttpError } from '../http/http-error';
import { SignatureFailureLimiter } from './signature-failures';
import { WebhookIngestService, WebhookSource } from './webhook-ingest.service';
import { facebookSource, linkedInSource, whatsAppSource } from './webhook-sources';
import { webhookError, WebhookErrorCode } from './webhook.errors';

/** Meta's documented maximum for a webhook delivery is far below this. */
export const WEBHOOK_BODY_LIMIT = 1024 * 1024;

/** Deliveries by path; each platform posts its events to its own URL. */
const SOURCES = new Map<string, WebhookSource>([
  ['/webhooks/whatsapp', whatsAppSource],
  ['/webhooks/facebook', facebookSource],
  ['/webhooks/linkedin', linkedInSource],
]);

/**
 * Webhook deliveries (POST /webhooks/<channel>) answered straight from the HTTP server, ahead of
 * Express and Nest's pipeline. Every inbound message of every person arrives here, and on a
 * 2-core host the router, guards, pipes and security headers cost as much CPU as the ingest
 * itself. None of them applies: a delivery is authenticated by its signature, not by a user, and
 * its answer is a bare JSON status. Everything else (the handshake GET included) goes on to Nest.
 */
@Injectable()
export class WebhookHttpEntry {
  private readonly logger = new Logger(WebhookHttpEntry.name);

  constructor(
    private readonly ingest: WebhookIngestService,
    private readonly signatureFailures: SignatureFailureLimiter,
  ) {}

  /** Puts webhook deliveries in front of the server's request listeners (Express, socket.io). */
  mount(server: Server): void {
    const others = server.listeners('request') as RequestListener[];
    server.removeAllListeners('request');
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      const source = req.method === 'POST' ? SOURCES.get(routePath(req.url)) : undefined;
      if (source) void this.deliver(source, req, res);
      else for (const listener of others) listener.call(server, req, res);
    });
  }

  private async deliver(source: WebhookSource, req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      if (this.signatureFailures.isBlocked(req)) {
        throw webhookError(
          WebhookErrorCode.TooManyBadSignatures,
          'Too many badly signed deliveries; wait a minute',
        );
      }
      const encoding = req.headers['content-encoding'];
      if (encoding && encoding !== 'identity')
        throw webhookError(WebhookErrorCode.UnsupportedEncoding, 'Send the webhook body uncompressed');
      const raw = await getRawBody(req, { limit: WEBHOOK_BODY_LIMIT, length: req.headers['content-length'] });
      const signature = req.headers[source.signatureHeader];
      reply(
        res,
        200,
        await this.ingest.receive(source, raw, Array.isArray(signature) ? signature[0] : signature),
      );
    } catch (err) {
      const { status, body } = describeHttpError(err, this.logger);
      if (status === 401) await this.signatureFailures.recordFailure(req).catch(() => undefined);
      reply(res, status, { error: body });
    }
  }
}

/** The path without query string or trailing slash, lower-cased as Express routes match it. */
function routePath(url: string | undefined): string {
  const path = (url ?? '').split('?', 1)[0].toLowerCase();
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(json),
    'x-content-type-options': 'nosniff',
  });
  res.end(json);
}

// A tiny stand-in for the Meta Graph API, so that `npm run demo` replies "send".
//   POST /v21.0/:id/messages          WhatsApp: { messaging_product, contacts, messages: [{ id }] }
//                                     Messenger (no messaging_product): { recipient_id, message_id }
//   POST /v21.0/:id/comments          { id }
//   POST /v21.0/:id/private_replies   { recipient_id, message_id }
//   POST /rest/socialActions/:urn/comments   LinkedIn: 201, the new comment's URN in x-restli-id
//   anything else                     200 {} (GET) / 200 { id } (POST)
// Logs one line per request (method, path, status), never the content.
//
// Standalone: node scripts/lib/graph-stand-in.mjs [--port 3001] [--host 127.0.0.1]
import crypto from 'node:crypto';
import http from 'node:http';
import { fileURLToPath } from 'node:url';

const rid = () => crypto.randomBytes(12).toString('hex');

function handle(method, pathname, body) {
  if (method === 'POST' && /^\/rest\/socialActions\/[^/]+\/comments\/?$/.test(pathname)) {
    const urn = `urn:li:comment:(${String(body?.object ?? 'urn:li:activity:0')},${Date.now()})`;
    return { status: 201, headers: { 'x-restli-id': urn }, body: { $URN: urn } };
  }
  const m = pathname.match(/^\/v\d+(?:\.\d+)?\/([^/]+)\/([^/]+)\/?$/);
  if (method === 'POST' && m) {
    const [, id, edge] = m;
    if (edge === 'messages') {
      if (body?.messaging_product === 'whatsapp' || (body?.to && !body?.recipient)) {
        const to = String(body?.to ?? '');
        return { messaging_product: 'whatsapp', contacts: [{ input: to, wa_id: to.replace(/\D/g, '') }], messages: [{ id: `wamid.demo${rid()}` }] };
      }
      return { recipient_id: String(body?.recipient?.id ?? body?.recipient?.comment_id ?? id), message_id: `m_demo${rid()}` };
    }
    if (edge === 'comments') return { id: `${id}_demo${rid()}` };
    if (edge === 'private_replies') return { recipient_id: `demo${rid()}`, message_id: `m_demo${rid()}` };
  }
  return method === 'GET' ? {} : { id: `demo${rid()}`, success: true };
}

/** Starts the stand-in; resolves { url, port, close() }. `url` is the base (…/v21.0 not included). */
export function startGraphStandIn({ port = 0, host = '127.0.0.1', log = (line) => process.stderr.write(`${line}\n`) } = {}) {
  const server = http.createServer((req, res) => {
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size <= 1 << 20) chunks.push(c);
    });
    req.on('end', () => {
      let body = null;
      const raw = Buffer.concat(chunks).toString('utf8');
      if (raw) {
        try {
          body = JSON.parse(raw);
        } catch {
          body = Object.fromEntries(new URLSearchParams(raw)); // form-encoded calls
        }
      }
      const { pathname } = new URL(req.url ?? '/', 'http://stand-in');
      const answer = handle(req.method ?? 'GET', pathname, body);
      // Most routes answer a bare body; LinkedIn's answers a status and headers too.
      const { status = 200, headers = {}, body: out } = answer.status ? answer : { body: answer };
      const payload = JSON.stringify(out);
      res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...headers });
      res.end(payload);
      log(`[graph] ${req.method} ${pathname} → ${status}`);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', (err) => reject(err));
    server.listen(port, host, () => {
      const actual = server.address().port;
      resolve({
        port: actual,
        url: `http://${host}:${actual}`,
        close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(() => r()); }),
      });
    });
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const arg = (name, def) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : def;
  };
  const s = await startGraphStandIn({ port: Number(arg('--port', 3001)), host: arg('--host', '127.0.0.1') });
  process.stderr.write(`Graph API stand-in on ${s.url}/v21.0\n`);
  const stop = () => s.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

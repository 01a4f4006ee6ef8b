import { signLinkedInBody, signMetaBody } from '@webcare/channels';
import { loadConfigOrExit } from '@webcare/platform';
import { DEMO_CONVERSATIONS } from './demo-conversations';
import { demoDeliveries } from './demo-webhooks';

/**
 * Plays Meta's and LinkedIn's servers for the demo: posts the Facebook and LinkedIn demo conversations to
 * the running api as signed webhooks, so they take the real path (signature, group commit, worker).
 * Redelivery is harmless: message ids and notification ids are fixed, so duplicates collapse.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const fb = config.channels.find((c) => c.channel === 'facebook');
  const li = config.channels.find((c) => c.channel === 'linkedin');
  const base = `http://127.0.0.1:${config.port}`;
  const start = Date.now() - DEMO_CONVERSATIONS.length * 3_600_000;
  const deliveries = demoDeliveries(
    DEMO_CONVERSATIONS,
    { pageId: fb?.externalId, organizationUrn: li?.externalId },
    start,
  );
  let ok = 0;
  for (const d of deliveries) {
    const raw = Buffer.from(JSON.stringify(d.body));
    const headers: Record<string, string> =
      d.channel === 'facebook'
        ? { 'x-hub-signature-256': signMetaBody(raw, fb!.appSecret) }
        : { 'x-li-signature': signLinkedInBody(raw, li!.appSecret) };
    const res = await fetch(`${base}/webhooks/${d.channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: raw,
    });
    if (res.ok) ok++;
    else process.stderr.write(`demo ${d.channel} webhook answered ${res.status}\n`);
  }
  process.stderr.write(`delivered ${ok} of ${deliveries.length} Facebook and LinkedIn demo webhooks\n`);
  if (ok < deliveries.length) process.exitCode = 1;
}

void main();

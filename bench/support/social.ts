import { randomBytes } from 'node:crypto';
import { signLinkedInBody } from '../../libs/channels/src/linkedin/linkedin.signature';
import { deriveKey, keyedHash } from '../../libs/platform/src/crypto/envelope';
import {
  FACEBOOK,
  LINKEDIN,
  linkedInNotifications,
  messengerText,
  socialEnv,
} from '../../test/support/social-payloads';
import { signedBody } from '../../test/support/whatsapp-payloads';

/** The Facebook page and LinkedIn organization; nothing listens at the LinkedIn API address either. */
export function socialBenchEnv(): Record<string, string> {
  return socialEnv('http://127.0.0.1:9');
}

export interface SignedDelivery {
  raw: Buffer;
  signature: string;
  path: string;
  signatureHeader: string;
}

/** A Messenger text message from a PSID, signed like Meta does. */
export function signedMessengerText(m: { psid: string; mid: string; text: string }): SignedDelivery {
  return {
    ...signedBody(messengerText(m.psid, m.text, { mid: m.mid }), FACEBOOK.appSecret),
    path: '/webhooks/facebook',
    signatureHeader: 'X-Hub-Signature-256',
  };
}

let notificationSeq = Math.floor(Math.random() * 1e9);

/** A LinkedIn COMMENT notification on one of a few posts, signed with the client secret. */
export function signedLinkedInComment(m: {
  person: string;
  commentUrn: string;
  post: string;
  text: string;
}): SignedDelivery {
  const body = linkedInNotifications([
    {
      notificationId: notificationSeq++,
      action: 'COMMENT',
      sourcePost: m.post,
      generatedActivity: m.commentUrn,
      owner: m.person,
      text: m.text,
    },
  ]);
  const raw = Buffer.from(JSON.stringify(body));
  return {
    raw,
    signature: signLinkedInBody(raw, LINKEDIN.clientSecret),
    path: '/webhooks/linkedin',
    signatureHeader: 'X-LI-Signature',
  };
}

export const messengerMid = (seq: number): string =>
  `m_BENCH${seq.toString(36)}${randomBytes(12).toString('base64url')}`;
export const linkedInCommentUrn = (post: string, seq: number): string =>
  `urn:li:comment:(urn:li:activity:${post.split(':').pop()},${seq}${randomBytes(4).readUInt32BE()})`;

/** messages.external_hash for a message key such as `facebook:msg:<mid>` (the bench chooses DATA_KEY). */
export function keyHasher(dataKeyBase64: string): (key: string) => string {
  const lookupKey = deriveKey(Buffer.from(dataKeyBase64, 'base64'), 'lookup');
  return (key) => keyedHash(lookupKey, key).toString('hex');
}

export type BenchChannel = 'whatsapp' | 'facebook' | 'linkedin';

/** BENCH_CHANNEL_MIX, e.g. "whatsapp=0.6,facebook=0.3,linkedin=0.1": shares of the offered webhooks. */
export function channelMix(spec: string): { channel: BenchChannel; upTo: number }[] {
  const parts = spec
    .split(',')
    .map((p) => p.trim().split('='))
    .filter(([c, w]) => ['whatsapp', 'facebook', 'linkedin'].includes(c) && Number(w) > 0)
    .map(([c, w]) => ({ channel: c as BenchChannel, weight: Number(w) }));
  if (!parts.length) throw new Error(`BENCH_CHANNEL_MIX has no usable share: ${spec}`);
  const total = parts.reduce((s, p) => s + p.weight, 0);
  let acc = 0;
  return parts.map((p) => ({ channel: p.channel, upTo: (acc += p.weight / total) }));
}

import { h } from './dom.js';

export const CHANNELS = {
  whatsapp: { label: 'WhatsApp', short: 'WA' },
  facebook: { label: 'Facebook', short: 'FB' },
  linkedin: { label: 'LinkedIn', short: 'IN' },
};

export const ROLE_LABELS = {
  agent: 'Agent',
  team_lead: 'Team lead',
  manager: 'Manager',
  privacy_officer: 'Privacy officer',
  admin: 'Admin',
};

export function channelBadge(channel) {
  const info = CHANNELS[channel] ?? { label: channel ?? 'Unknown' };
  return h('span', { class: `badge badge-${CHANNELS[channel] ? channel : 'other'}` }, info.label);
}

const rtf = new Intl.RelativeTimeFormat('en', { numeric: 'auto', style: 'short' });
const UNITS = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

export function relativeTime(iso, now = Date.now()) {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  const seconds = Math.round((t - now) / 1000);
  if (Math.abs(seconds) < 45) return 'just now';
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size || unit === 'minute') return rtf.format(Math.round(seconds / size), unit);
  }
  return '';
}

const absoluteFmt = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'medium', timeStyle: 'short' });
export function absoluteTime(iso) {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? '' : absoluteFmt.format(t);
}

/** A <time> that keeps itself fresh via refreshRelativeTimes(). */
export function timeEl(iso, cls = 'time') {
  return h(
    'time',
    { class: cls, datetime: iso, title: absoluteTime(iso), 'data-relative': '' },
    relativeTime(iso),
  );
}

export function refreshRelativeTimes(root = document) {
  for (const el of root.querySelectorAll('time[data-relative]')) {
    el.textContent = relativeTime(el.getAttribute('datetime'));
  }
}

const TOKEN_RE = /\[([A-Z][A-Z_]*?)_(\d+)\]/g;

/**
 * Text with pseudonym tokens ([PERSON_1], [EMAIL_2] …) rendered as chips. Everything is a text node.
 */
export function textWithTokens(text) {
  const parts = [];
  let last = 0;
  for (const m of String(text ?? '').matchAll(TOKEN_RE)) {
    if (m.index > last) parts.push(text.slice(last, m.index));
    const kind = m[1].toLowerCase().replace(/_/g, ' ');
    parts.push(
      h('span', { class: `token token-${m[1].toLowerCase()}`, title: `Pseudonym: ${kind} ${m[2]}` }, m[0]),
    );
    last = m.index + m[0].length;
  }
  if (last < String(text ?? '').length) parts.push(text.slice(last));
  return parts;
}

export const STATUS_LABELS = { open: 'Open', answered: 'Answered', closed: 'Closed' };

export const DELIVERY_LABELS = {
  queued: 'Queued',
  pending: 'Sending…',
  sending: 'Sending…',
  unknown: 'Unknown (checking)',
  sent: 'Sent',
  delivered: 'Delivered',
  failed: 'Failed',
};

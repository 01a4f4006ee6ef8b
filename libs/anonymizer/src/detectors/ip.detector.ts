import ipaddr from 'ipaddr.js';
import { PRIORITY, type Candidate, type DetectorContext } from './candidate';

const IPV4 = /(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d]|\.\d)/g;
const IPV6 = /(?<![\w:])(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}(?:%\w+)?(?![\w:])/gi;

/** IPv4 and IPv6 addresses, validated by ipaddr.js ("17:00" or "8.1/10" are not addresses). */
export function detectIpAddresses({ text }: DetectorContext): Candidate[] {
  const out: Candidate[] = [];
  if (!/\d/.test(text)) return out;
  for (const m of text.matchAll(IPV4)) {
    if (ipaddr.IPv4.isValidFourPartDecimal(m[0])) {
      out.push({
        type: 'IP_ADDRESS',
        start: m.index,
        end: m.index + m[0].length,
        priority: PRIORITY.structured,
      });
    }
  }
  if (!/[0-9a-f]{1,4}:[0-9a-f]{0,4}:/i.test(text)) return out;
  for (const m of text.matchAll(IPV6)) {
    const v = m[0];
    if (!/[a-f]/i.test(v) && !v.includes('::')) continue;
    if (ipaddr.IPv6.isValid(v)) {
      out.push({
        type: 'IP_ADDRESS',
        start: m.index,
        end: m.index + v.length,
        priority: PRIORITY.structured,
      });
    }
  }
  return out;
}

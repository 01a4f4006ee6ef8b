/** WhatsApp allows free-form replies only within 24 hours of the person's last message. */
export const WHATSAPP_WINDOW_MS = 24 * 60 * 60 * 1000;

export function windowClosedAt(channel: string, lastInboundAt: Date | null, now: Date): Date | null {
  if (channel !== 'whatsapp' || !lastInboundAt) return null;
  const closesAt = new Date(lastInboundAt.getTime() + WHATSAPP_WINDOW_MS);
  return closesAt <= now ? closesAt : null;
}

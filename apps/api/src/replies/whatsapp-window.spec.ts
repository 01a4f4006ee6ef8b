import { windowClosedAt, WHATSAPP_WINDOW_MS } from './whatsapp-window';

describe('windowClosedAt', () => {
  const now = new Date('2026-11-22T12:00:00Z');
  it('is open within 24 hours of the last inbound message', () => {
    expect(windowClosedAt('whatsapp', new Date(now.getTime() - WHATSAPP_WINDOW_MS + 1000), now)).toBeNull();
  });
  it('reports when the window closed', () => {
    const last = new Date(now.getTime() - WHATSAPP_WINDOW_MS - 1000);
    expect(windowClosedAt('whatsapp', last, now)).toEqual(new Date(last.getTime() + WHATSAPP_WINDOW_MS));
  });
  it('does not apply to other channels', () => {
    expect(windowClosedAt('facebook', new Date(0), now)).toBeNull();
  });
});

import { io, type Socket } from 'socket.io-client';

export type ConnectionState = 'connecting' | 'live' | 'offline';
export type RealtimeEvent = 'case.created' | 'case.updated' | 'message.created' | 'escalation.updated' | 'presence.updated';
type Payload = { caseId?: string; userIds?: string[]; [k: string]: unknown };
type Listener = (name: RealtimeEvent, payload: Payload) => void;

const EVENTS: RealtimeEvent[] = ['case.created', 'case.updated', 'message.created', 'escalation.updated', 'presence.updated'];
const VIEWING_EVERY_MS = 20_000;

/** One socket per signed-in tab. Events carry ids only; content is fetched over HTTP. */
class Realtime {
  state = $state<ConnectionState>('offline');
  /** caseId → user ids currently viewing it. */
  presence = $state<Record<string, string[]>>({});
  private socket: Socket | null = null;
  private listeners = new Set<Listener>();
  private reconnectListeners = new Set<() => void>();
  private viewing: string | null = null;
  private viewingTimer: ReturnType<typeof setInterval> | undefined;

  connect(token: string): void {
    this.disconnect();
    this.state = 'connecting';
    const socket = io({ path: '/socket.io', auth: { token }, transports: ['websocket', 'polling'] });
    socket.on('connect', () => {
      this.state = 'live';
      if (this.viewing) socket.emit('case.viewing', { caseId: this.viewing });
      for (const fn of this.reconnectListeners) fn();
    });
    socket.on('disconnect', () => (this.state = 'offline'));
    socket.on('connect_error', () => (this.state = 'offline'));
    socket.io.on('reconnect_attempt', () => (this.state = 'connecting'));
    for (const name of EVENTS) {
      socket.on(name, (payload: Payload = {}) => {
        if (name === 'presence.updated' && payload.caseId) {
          this.presence = { ...this.presence, [payload.caseId]: Array.isArray(payload.userIds) ? payload.userIds : [] };
        }
        for (const fn of this.listeners) fn(name, payload);
      });
    }
    this.socket = socket;
  }

  disconnect(): void {
    this.view(null);
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.socket = null;
    this.state = 'offline';
  }

  /** Subscribes to server events; returns the unsubscribe function. */
  on(fn: Listener): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Runs after every (re)connect: whatever was missed while offline is fetched again. */
  onReconnect(fn: () => void): () => void {
    this.reconnectListeners.add(fn);
    return () => this.reconnectListeners.delete(fn);
  }

  /** Tells colleagues which case this tab has open (repeated, so a crashed tab times out). */
  view(caseId: string | null): void {
    if (this.viewing === caseId) return;
    if (this.viewing) this.socket?.emit('case.left', { caseId: this.viewing });
    clearInterval(this.viewingTimer);
    this.viewing = caseId;
    if (!caseId) return;
    this.socket?.emit('case.viewing', { caseId });
    this.viewingTimer = setInterval(() => this.socket?.emit('case.viewing', { caseId }), VIEWING_EVERY_MS);
  }
}

export const realtime = new Realtime();

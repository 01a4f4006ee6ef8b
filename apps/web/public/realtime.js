// Socket.io connection: events carry ids only; content is always fetched over HTTP.

const EVENTS = ['case.created', 'case.updated', 'message.created', 'escalation.updated', 'presence.updated'];

/**
 * connectRealtime(token, { onEvent(name, payload), onState(state) }) → { disconnect() }
 * state: 'connecting' | 'live' | 'offline'
 */
export function connectRealtime(token, { onEvent, onState, onConnect }) {
  if (typeof window.io !== 'function') {
    onState('offline');
    return { emit() {}, disconnect() {} };
  }
  onState('connecting');
  const socket = window.io({ path: '/socket.io', auth: { token }, transports: ['websocket', 'polling'] });
  socket.on('connect', () => {
    onState('live');
    onConnect?.();
  });
  socket.on('disconnect', () => onState('offline'));
  socket.on('connect_error', () => onState('offline'));
  socket.io.on('reconnect_attempt', () => onState('connecting'));
  for (const name of EVENTS) socket.on(name, (payload) => onEvent(name, payload ?? {}));
  return {
    /** Client → server announcements (case.viewing / case.left); dropped while offline. */
    emit(name, payload) {
      if (socket.connected) socket.emit(name, payload);
    },
    disconnect() {
      socket.removeAllListeners();
      socket.disconnect();
    },
  };
}

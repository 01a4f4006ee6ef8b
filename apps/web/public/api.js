// HTTP client for the inbox API. Errors arrive as { error: { code, message } }.

const TOKEN_KEY = 'webcare.accessToken';
const USER_KEY = 'webcare.user';

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export const session = {
  get token() {
    return sessionStorage.getItem(TOKEN_KEY);
  },
  get user() {
    try {
      return JSON.parse(sessionStorage.getItem(USER_KEY) ?? 'null');
    } catch {
      return null;
    }
  },
  save(token, user) {
    sessionStorage.setItem(TOKEN_KEY, token);
    sessionStorage.setItem(USER_KEY, JSON.stringify(user));
  },
  clear() {
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(USER_KEY);
  },
};

/** Called when an authenticated call answers 401 (expired or revoked session). */
let onUnauthorized = () => {};
export function setUnauthorizedHandler(fn) {
  onUnauthorized = fn;
}

export async function request(method, path, body) {
  const headers = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const token = session.token;
  if (token) headers.authorization = `Bearer ${token}`;
  let res;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch {
    throw new ApiError(0, 'NETWORK', 'Cannot reach the server. Check your connection and try again.');
  }
  const text = await res.text();
  let data = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!res.ok) {
    const code = data?.error?.code ?? `HTTP_${res.status}`;
    const message = data?.error?.message ?? `The server answered ${res.status}.`;
    const err = new ApiError(res.status, code, message);
    if (res.status === 401 && token && path !== '/api/auth/login') onUnauthorized(err);
    throw err;
  }
  return data;
}

export const api = {
  login: (email, password) => request('POST', '/api/auth/login', { email, password }),
  listCases: ({ status = 'open', cursor, limit } = {}) => {
    const q = new URLSearchParams({ status });
    if (cursor) q.set('cursor', cursor);
    if (limit) q.set('limit', String(limit));
    return request('GET', `/api/cases?${q}`);
  },
  getCase: (id) => request('GET', `/api/cases/${encodeURIComponent(id)}`),
  reply: (id, text, visibility) =>
    request('POST', `/api/cases/${encodeURIComponent(id)}/replies`, visibility ? { text, visibility } : { text }),
  checkReply: (id, text, visibility) =>
    request('POST', `/api/cases/${encodeURIComponent(id)}/replies/check`, visibility ? { text, visibility } : { text }),
  closeCase: (id) => request('POST', `/api/cases/${encodeURIComponent(id)}/close`),
  assign: (id, userId) => request('POST', `/api/cases/${encodeURIComponent(id)}/assign`, { userId }),
  addNote: (id, text) => request('POST', `/api/cases/${encodeURIComponent(id)}/notes`, { text }),
  listTeams: () => request('GET', '/api/teams'),
  escalate: (id, toTeamId, note) =>
    request('POST', `/api/cases/${encodeURIComponent(id)}/escalations`, { toTeamId, note }),
  listEscalations: () => request('GET', '/api/escalations'),
  answerEscalation: (id, text) =>
    request('POST', `/api/escalations/${encodeURIComponent(id)}/answer`, { text }),
  takeOver: (id) => request('POST', `/api/escalations/${encodeURIComponent(id)}/take-over`),
  askConsent: (caseId, teamId, purpose) =>
    request('POST', `/api/cases/${encodeURIComponent(caseId)}/consents`, { teamId, purpose }),
};

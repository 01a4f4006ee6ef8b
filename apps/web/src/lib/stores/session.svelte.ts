import { api, bindSession, ok } from '$lib/api/client';
import type { Role, SessionUser } from '$lib/api/types';

const TOKEN_KEY = 'webcare.accessToken';
const USER_KEY = 'webcare.user';

/** Where each role starts, and what it may open: the nav and the route guard both read this. */
export type RolePage = '/inbox' | '/escalations' | '/reports' | '/privacy' | '/admin';
export const ROLE_HOME: Record<Role, RolePage> = {
  agent: '/inbox',
  team_lead: '/escalations',
  manager: '/reports',
  privacy_officer: '/privacy',
  admin: '/admin',
};
export const ROLE_PAGES: Record<Role, RolePage[]> = {
  agent: ['/inbox', '/escalations'],
  team_lead: ['/escalations', '/inbox'],
  manager: ['/reports'],
  privacy_officer: ['/privacy', '/reports'],
  admin: ['/admin'],
};

function readUser(): SessionUser | null {
  try {
    return JSON.parse(sessionStorage.getItem(USER_KEY) ?? 'null') as SessionUser | null;
  } catch {
    return null;
  }
}

/** The signed-in user; kept in sessionStorage so a tab's session ends with the tab. */
class Session {
  token = $state<string | null>(null);
  user = $state<SessionUser | null>(null);
  /** Why the last session ended, shown on the login page. */
  ended = $state(false);

  constructor() {
    if (typeof sessionStorage === 'undefined') return;
    this.token = sessionStorage.getItem(TOKEN_KEY);
    this.user = this.token ? readUser() : null;
  }

  save(token: string, user: SessionUser): void {
    this.token = token;
    this.user = user;
    this.ended = false;
    sessionStorage.setItem(TOKEN_KEY, token);
    sessionStorage.setItem(USER_KEY, JSON.stringify(user));
  }

  clear(ended = false): void {
    this.token = null;
    this.user = null;
    this.ended = ended;
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(USER_KEY);
  }

  async logout(): Promise<void> {
    // Ends the token server-side where the API supports it; the local session ends regardless.
    await ok(api.POST('/api/auth/logout')).catch(() => undefined);
    this.clear();
  }

  mayOpen(path: string): boolean {
    return !!this.user && ROLE_PAGES[this.user.role].some((p) => path === p || path.startsWith(`${p}/`));
  }
}

export const session = new Session();
bindSession(
  () => session.token,
  () => session.clear(true),
);

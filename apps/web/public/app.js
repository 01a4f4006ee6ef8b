import { session, setUnauthorizedHandler } from './api.js';
import { h } from './dom.js';
import { ROLE_LABELS } from './format.js';
import { connectRealtime } from './realtime.js';
import { renderInbox } from './views/inbox.js';
import { renderLogin } from './views/login.js';
import { renderRolePage } from './views/role.js';

const INBOX_ROLES = new Set(['agent', 'team_lead']);
const root = document.getElementById('app');

let current = null; // { inbox, realtime }

function teardown() {
  current?.inbox?.destroy();
  current?.realtime?.disconnect();
  current = null;
}

function logout(notice) {
  teardown();
  session.clear();
  history.replaceState(null, '', location.pathname);
  showLogin(notice);
}

setUnauthorizedHandler(() => logout('Your session has ended. Please log in again.'));

function showLogin(notice) {
  document.title = 'Log in · Webcare inbox';
  renderLogin(root, {
    notice,
    onLogin({ accessToken, user }) {
      session.save(accessToken, user);
      showApp();
    },
  });
}

function connectionIndicator() {
  const label = h('span', { class: 'conn-label' }, 'Offline');
  const el = h(
    'span',
    { class: 'conn conn-offline', id: 'connection', role: 'status', title: 'Live updates' },
    h('span', { class: 'conn-dot', 'aria-hidden': 'true' }),
    label,
  );
  const texts = { live: 'Live', connecting: 'Connecting…', offline: 'Offline' };
  return {
    el,
    set(state) {
      el.className = `conn conn-${state}`;
      el.dataset.state = state;
      label.textContent = texts[state] ?? state;
      el.title = state === 'live' ? 'Live updates are on' : 'Live updates are paused; reconnecting';
    },
  };
}

function showApp() {
  teardown();
  const user = session.user;
  const token = session.token;
  if (!user || !token) return showLogin();

  const inboxUser = INBOX_ROLES.has(user.role);
  const conn = inboxUser ? connectionIndicator() : null;
  const body = h('div', { class: 'app-body' });
  const topbar = h(
    'header',
    { class: 'topbar' },
    h(
      'div',
      { class: 'brand' },
      h('span', { class: 'brand-mark', 'aria-hidden': 'true' }, 'W'),
      'Webcare inbox',
    ),
    h(
      'div',
      { class: 'topbar-right' },
      conn?.el,
      h(
        'span',
        { class: 'who' },
        h('span', { class: 'who-name' }, user.name || user.email),
        h('span', { class: 'role-pill' }, ROLE_LABELS[user.role] ?? user.role),
      ),
      h(
        'button',
        { type: 'button', class: 'btn btn-ghost', id: 'logout', onclick: () => logout() },
        'Log out',
      ),
    ),
  );
  root.replaceChildren(topbar, body);

  if (!inboxUser) {
    document.title = 'Webcare inbox';
    renderRolePage(body, user);
    current = {};
    return;
  }

  document.title = 'Inbox · Webcare inbox';
  const inbox = renderInbox(body, user);
  const realtime = connectRealtime(token, {
    onState: (state) => conn.set(state),
    onEvent: (name, payload) => inbox.onRealtime(name, payload),
    onConnect: () => inbox.onReconnect(),
  });
  inbox.attachRealtime(realtime);
  current = { inbox, realtime };
}

function start() {
  if (session.token && session.user) showApp();
  else showLogin();
}

// socket.io.js is a deferred classic script; module scripts run after it, so window.io is ready.
start();

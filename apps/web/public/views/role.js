import { h } from '../dom.js';
import { ROLE_LABELS } from '../format.js';

const ROLE_INFO = {
  manager: {
    summary: 'Managers see trend reports, never conversations.',
    can: [
      'Weekly volumes, topics, sentiment and response times per channel (GET /api/reports/trends, or .csv).',
      'Small groups are suppressed so no report can be traced back to a person.',
    ],
  },
  privacy_officer: {
    summary: 'The privacy officer looks after retention, the audit trail and data subject requests.',
    can: [
      'Set retention periods per channel (GET/PUT /api/retention-policies).',
      'Run a retention sweep and read deletion receipts (POST /api/retention/sweep, GET /api/deletions).',
      'Read and verify the audit trail (GET /api/audit, GET /api/audit/verify).',
      'Handle access and erasure requests (POST /api/subjects/export, POST /api/subjects/erase).',
    ],
  },
  admin: {
    summary: 'Admins manage users, teams and channel accounts, and see no conversation content.',
    can: [
      'Create and list teams (GET/POST /api/teams).',
      'Create users and give them a role and team (POST /api/users).',
    ],
  },
};

export function renderRolePage(container, user) {
  const info = ROLE_INFO[user.role] ?? {
    summary: 'Your role has no inbox access.',
    can: [],
  };
  container.replaceChildren(
    h(
      'main',
      { id: 'main', class: 'role-page' },
      h(
        'section',
        { class: 'card', 'aria-labelledby': 'role-title' },
        h('h1', { id: 'role-title' }, `Signed in as ${ROLE_LABELS[user.role] ?? user.role}`),
        h('p', { class: 'lead' }, info.summary),
        h(
          'p',
          { class: 'muted' },
          'The inbox is for agents and team leads. Conversation content is shown only to the people who need it to answer.',
        ),
        info.can.length ? h('h2', {}, 'What you can do') : null,
        info.can.length
          ? h(
              'ul',
              { class: 'can-list' },
              info.can.map((c) => h('li', {}, c)),
            )
          : null,
        h(
          'p',
          {},
          'These tasks are available through the API; see the ',
          h('a', { href: '/api/docs', target: '_blank', rel: 'noopener' }, 'interactive API documentation'),
          '.',
        ),
      ),
    ),
  );
}

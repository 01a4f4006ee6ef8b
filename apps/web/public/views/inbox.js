import { api, ApiError } from '../api.js';
import { clear, debounce, h } from '../dom.js';
import {
  absoluteTime,
  channelBadge,
  CHANNELS,
  DELIVERY_LABELS,
  refreshRelativeTimes,
  STATUS_LABELS,
  textWithTokens,
  timeEl,
} from '../format.js';
import { renderEscalations } from './escalations.js';

const FILTERS = [
  ['open', 'Open'],
  ['answered', 'Answered'],
  ['closed', 'Closed'],
  ['all', 'All'],
];
const PAGE = 50;
const VIEWING_EVERY_MS = 20_000;
const CHECK_DELAY_MS = 600;
const MAX_PAGE = 200;

function caseIdFromHash() {
  const m = /^#\/cases\/([0-9a-f-]{36})$/i.exec(location.hash);
  return m ? m[1] : null;
}

export function renderInbox(container, user) {
  const state = {
    status: 'open',
    items: [],
    nextCursor: null,
    queueLoading: false,
    queueError: null,
    selectedId: caseIdFromHash(),
    kase: null,
    caseError: null,
    caseLoading: false,
    queueSeq: 0,
    caseSeq: 0,
    mode: 'cases', // 'cases' | 'escalations'
    teams: null, // [{ id, name }] once loaded
    presence: new Map(), // caseId → userIds
  };
  let realtime = { emit() {} };
  let escalations = null; // the escalations view while it is shown

  // ---------- queue column ----------
  const tabs = FILTERS.map(([value, label]) =>
    h(
      'button',
      {
        type: 'button',
        role: 'tab',
        class: 'tab',
        id: `tab-${value}`,
        'data-status': value,
        'aria-controls': 'queue-list',
        onclick: () => setFilter(value),
        onkeydown: onTabKey,
      },
      label,
    ),
  );
  const escCount = h('span', { class: 'count', hidden: true });
  const navCases = h(
    'button',
    {
      type: 'button',
      class: 'mode-btn',
      id: 'nav-cases',
      'aria-pressed': 'true',
      onclick: () => setMode('cases'),
    },
    'Cases',
  );
  const navEscalations = h(
    'button',
    {
      type: 'button',
      class: 'mode-btn',
      id: 'nav-escalations',
      'aria-pressed': 'false',
      onclick: () => setMode('escalations'),
    },
    'Escalations',
    escCount,
  );
  const queueList = h('ul', {
    class: 'queue-list',
    id: 'queue-list',
    role: 'tabpanel',
    'aria-busy': 'false',
  });
  const queueMessage = h('p', { class: 'queue-message', role: 'status' });
  const loadMoreBtn = h(
    'button',
    {
      type: 'button',
      class: 'btn btn-secondary btn-block load-more',
      hidden: true,
      onclick: () => loadMore(),
    },
    'Load more',
  );
  const queue = h(
    'aside',
    { class: 'queue', 'aria-label': 'Case queue' },
    h(
      'div',
      { class: 'queue-head' },
      h('div', { class: 'mode-switch', role: 'group', 'aria-label': 'Work on' }, navCases, navEscalations),
      h('h2', { class: 'queue-title' }, user.role === 'team_lead' ? 'Team cases' : 'Queue'),
      h('div', { class: 'tabs', role: 'tablist', 'aria-label': 'Filter by status' }, tabs),
    ),
    h('div', { class: 'queue-scroll' }, queueList, queueMessage, loadMoreBtn),
  );

  // ---------- detail column ----------
  const detail = h('section', { class: 'detail', 'aria-label': 'Conversation', tabindex: '-1' });
  const main = h('main', { id: 'main', class: 'inbox' }, queue, detail);
  container.replaceChildren(main);

  function onTabKey(event) {
    const idx = FILTERS.findIndex(([v]) => v === event.currentTarget.dataset.status);
    let next = null;
    if (event.key === 'ArrowRight') next = (idx + 1) % FILTERS.length;
    if (event.key === 'ArrowLeft') next = (idx - 1 + FILTERS.length) % FILTERS.length;
    if (event.key === 'Home') next = 0;
    if (event.key === 'End') next = FILTERS.length - 1;
    if (next === null) return;
    event.preventDefault();
    tabs[next].focus();
    setFilter(FILTERS[next][0]);
  }

  function setFilter(status) {
    if (status === state.status) return;
    state.status = status;
    state.items = [];
    state.nextCursor = null;
    loadQueue();
  }

  async function loadQueue() {
    const seq = ++state.queueSeq;
    state.queueLoading = true;
    renderQueue();
    try {
      const limit = Math.min(MAX_PAGE, Math.max(PAGE, state.items.length));
      const page = await api.listCases({ status: state.status, limit });
      if (seq !== state.queueSeq) return;
      state.items = page.items ?? [];
      state.nextCursor = page.nextCursor ?? null;
      state.queueError = null;
    } catch (err) {
      if (seq !== state.queueSeq) return;
      state.queueError = err instanceof ApiError ? err.message : 'Could not load the queue.';
    } finally {
      if (seq === state.queueSeq) {
        state.queueLoading = false;
        renderQueue();
      }
    }
  }

  async function loadMore() {
    if (!state.nextCursor) return;
    const seq = ++state.queueSeq;
    state.queueLoading = true;
    loadMoreBtn.disabled = true;
    loadMoreBtn.textContent = 'Loading…';
    try {
      const page = await api.listCases({ status: state.status, cursor: state.nextCursor, limit: PAGE });
      if (seq !== state.queueSeq) return;
      const known = new Set(state.items.map((i) => i.id));
      state.items = state.items.concat((page.items ?? []).filter((i) => !known.has(i.id)));
      state.nextCursor = page.nextCursor ?? null;
      state.queueError = null;
    } catch (err) {
      if (seq !== state.queueSeq) return;
      state.queueError = err instanceof ApiError ? err.message : 'Could not load more cases.';
    } finally {
      if (seq === state.queueSeq) {
        state.queueLoading = false;
        loadMoreBtn.disabled = false;
        loadMoreBtn.textContent = 'Load more';
        renderQueue();
      }
    }
  }

  function renderQueue() {
    for (const tab of tabs) {
      const active = tab.dataset.status === state.status;
      tab.setAttribute('aria-selected', String(active));
      tab.tabIndex = active ? 0 : -1;
    }
    queueList.setAttribute('aria-labelledby', `tab-${state.status}`);
    queueList.setAttribute('aria-busy', String(state.queueLoading));
    const focusedId = document.activeElement?.closest?.('.case-item')?.dataset.caseId ?? null;
    clear(queueList);
    for (const item of state.items) queueList.appendChild(queueItem(item));
    if (focusedId) queueList.querySelector(`[data-case-id="${CSS.escape(focusedId)}"]`)?.focus();

    if (state.queueError) {
      queueMessage.className = 'queue-message error';
      queueMessage.textContent = state.queueError;
    } else if (state.queueLoading && !state.items.length) {
      queueMessage.className = 'queue-message';
      queueMessage.textContent = 'Loading cases…';
    } else if (!state.items.length) {
      queueMessage.className = 'queue-message';
      queueMessage.textContent =
        state.status === 'all' ? 'No cases yet.' : `No ${STATUS_LABELS[state.status]?.toLowerCase()} cases.`;
    } else {
      queueMessage.className = 'queue-message';
      queueMessage.textContent = '';
    }
    loadMoreBtn.hidden = !state.nextCursor;
  }

  function queueItem(item) {
    const selected = item.id === state.selectedId;
    const channel = CHANNELS[item.channel]?.label ?? item.channel;
    return h(
      'li',
      {},
      h(
        'button',
        {
          type: 'button',
          class: `case-item${selected ? ' selected' : ''} status-${item.status}`,
          'data-case-id': item.id,
          'aria-current': selected ? 'true' : undefined,
          onclick: () => selectCase(item.id),
        },
        h(
          'span',
          { class: 'case-item-top' },
          channelBadge(item.channel),
          h(
            'span',
            { class: `status-pill status-${item.status}` },
            STATUS_LABELS[item.status] ?? item.status,
          ),
          timeEl(item.lastMessageAt),
        ),
        h(
          'span',
          { class: 'case-preview' },
          item.preview ? textWithTokens(item.preview) : h('em', { class: 'muted' }, `(no text, ${channel})`),
        ),
        item.assigneeId
          ? h(
              'span',
              { class: 'case-assignee' },
              item.assigneeId === user.id ? 'Assigned to you' : 'Assigned',
            )
          : h('span', { class: 'case-assignee unassigned' }, 'Unassigned'),
      ),
    );
  }

  // ---------- selected case ----------
  let composer = null; // { caseId, el, textarea, feedback } kept across refreshes so drafts survive
  let side = null; // { caseId, noteForm, escalateForm, fillTeams } kept across refreshes too
  let actionError = null;

  // ---------- mode: cases / escalations ----------
  function setMode(mode) {
    if (mode === state.mode) {
      if (mode === 'escalations') escalations?.refresh();
      return;
    }
    state.mode = mode;
    navCases.setAttribute('aria-pressed', String(mode === 'cases'));
    navEscalations.setAttribute('aria-pressed', String(mode === 'escalations'));
    if (mode === 'escalations') {
      setViewing(null);
      ensureTeams();
      escalations = renderEscalations(detail, user, { teamName, onCount: showEscCount });
      detail.querySelector('.case-title')?.focus();
    } else {
      escalations?.destroy();
      escalations = null;
      detail.replaceChildren();
      renderDetail();
      if (state.selectedId) setViewing(state.selectedId);
    }
  }

  function showEscCount(n) {
    escCount.hidden = !n;
    escCount.textContent = n ? String(n) : '';
    escCount.title = n ? `${n} open escalation${n === 1 ? '' : 's'}` : '';
  }

  async function refreshEscCount() {
    try {
      const { items = [] } = await api.listEscalations();
      showEscCount(items.filter((e) => e.status === 'open').length);
    } catch {
      // The count is a convenience; the tab shows errors itself.
    }
  }

  function teamName(id) {
    return state.teams?.find((t) => t.id === id)?.name ?? null;
  }

  let teamsPromise = null;
  function ensureTeams() {
    teamsPromise ??= api
      .listTeams()
      .then(({ items = [] }) => {
        state.teams = items;
        side?.fillTeams();
        escalations?.refresh();
      })
      .catch(() => {
        teamsPromise = null;
      });
    return teamsPromise;
  }

  // ---------- presence ----------
  let viewingId = null;
  let viewingTimer = null;
  function setViewing(id) {
    if (viewingId === id) return;
    if (viewingId) realtime.emit('case.left', { caseId: viewingId });
    clearInterval(viewingTimer);
    viewingTimer = null;
    viewingId = id;
    if (id) {
      realtime.emit('case.viewing', { caseId: id });
      viewingTimer = setInterval(() => realtime.emit('case.viewing', { caseId: id }), VIEWING_EVERY_MS);
    }
  }

  function presenceText(caseId) {
    const n = (state.presence.get(caseId) ?? []).filter((id) => id !== user.id).length;
    return n ? `Also viewing: ${n} colleague${n === 1 ? '' : 's'}` : '';
  }

  function updatePresence() {
    const el = detail.querySelector('#presence');
    if (!el || !state.kase) return;
    el.textContent = presenceText(state.kase.id);
    el.hidden = !el.textContent;
  }

  function selectCase(id) {
    if (state.mode !== 'cases') setMode('cases');
    if (state.selectedId !== id) {
      actionError = null;
      state.selectedId = id;
      state.kase = null;
      state.caseError = null;
      composer = null;
      history.replaceState(null, '', `#/cases/${id}`);
    }
    renderQueue();
    setViewing(id);
    loadCase(id, { focus: true });
  }

  async function loadCase(id, { focus = false } = {}) {
    const seq = ++state.caseSeq;
    state.caseLoading = true;
    if (!state.kase) renderDetail();
    try {
      const kase = await api.getCase(id);
      if (seq !== state.caseSeq || id !== state.selectedId) return;
      state.kase = kase;
      state.caseError = null;
    } catch (err) {
      if (seq !== state.caseSeq || id !== state.selectedId) return;
      state.kase = null;
      state.caseError =
        err instanceof ApiError && err.status === 404
          ? 'This case is not available. It may have been deleted under the retention policy, or it belongs to another team.'
          : err instanceof ApiError
            ? err.message
            : 'Could not load this case.';
    } finally {
      if (seq === state.caseSeq) {
        state.caseLoading = false;
        renderDetail();
        if (focus) detail.querySelector('.case-title')?.focus();
      }
    }
  }

  function renderDetail() {
    if (state.mode !== 'cases') return;
    if (!state.selectedId) {
      detail.replaceChildren(
        h(
          'div',
          { class: 'empty-state' },
          h('h2', {}, 'No case selected'),
          h('p', { class: 'muted' }, 'Choose a conversation from the queue to read it and reply.'),
        ),
      );
      return;
    }
    if (state.caseError) {
      detail.replaceChildren(
        h('div', { class: 'empty-state' }, h('p', { class: 'error', role: 'alert' }, state.caseError)),
      );
      return;
    }
    if (!state.kase) {
      detail.replaceChildren(
        h('div', { class: 'empty-state' }, h('p', { class: 'muted' }, 'Loading conversation…')),
      );
      return;
    }
    const kase = state.kase;
    const list = detail.querySelector('.messages');
    const nearBottom = !list || list.scrollHeight - list.scrollTop - list.clientHeight < 80;
    const previousScroll = list?.scrollTop ?? 0;

    const header = h(
      'header',
      { class: 'case-header' },
      h(
        'div',
        { class: 'case-header-main' },
        h(
          'h2',
          { class: 'case-title', tabindex: '-1' },
          channelBadge(kase.channel),
          h('span', {}, `${CHANNELS[kase.channel]?.label ?? kase.channel} conversation`),
        ),
        h(
          'p',
          { class: 'case-meta' },
          h(
            'span',
            { class: `status-pill status-${kase.status}` },
            STATUS_LABELS[kase.status] ?? kase.status,
          ),
          kase.assigneeId
            ? h('span', {}, kase.assigneeId === user.id ? 'Assigned to you' : 'Assigned to a colleague')
            : h('span', {}, 'Unassigned'),
          kase.retainUntil
            ? h(
                'span',
                { title: 'Deleted automatically after this moment' },
                `Kept until ${absoluteTime(kase.retainUntil)}`,
              )
            : null,
          h(
            'span',
            { class: 'presence', id: 'presence', role: 'status', hidden: !presenceText(kase.id) },
            presenceText(kase.id),
          ),
        ),
        actionError
          ? h('p', { class: 'error small', role: 'alert', id: 'case-action-error' }, actionError)
          : null,
      ),
      caseActions(kase),
    );

    const banner =
      kase.view === 'pseudonymized'
        ? h(
            'div',
            { class: 'banner banner-pseudo', role: 'note', id: 'pseudo-banner' },
            h('strong', {}, 'Pseudonymized view: '),
            'identifiers are replaced by tokens like ',
            h('span', { class: 'token token-person' }, '[PERSON_1]'),
            '. Names, numbers, addresses and handles are not shown to you.',
          )
        : null;

    const messages = h(
      'ol',
      { class: 'messages', 'aria-label': 'Messages', tabindex: '0' },
      (kase.messages ?? []).map(messageBubble),
    );
    if (!kase.messages?.length) messages.appendChild(h('li', { class: 'muted' }, 'No messages.'));

    if (!composer || composer.caseId !== kase.id) composer = buildComposer(kase);
    if (!side || side.caseId !== kase.id) side = buildSideForms(kase);

    detail.replaceChildren(
      h(
        'div',
        { class: `case-view view-${kase.view}`, 'data-view': kase.view, 'data-case-id': kase.id },
        header,
        banner,
        h(
          'div',
          { class: 'case-body' },
          h(
            'div',
            { class: 'case-main' },
            messages,
            kase.view === 'original' && kase.status !== 'closed'
              ? composer.el
              : h(
                  'p',
                  { class: 'composer-note muted' },
                  kase.view === 'original'
                    ? 'This case is closed. A new message from the person reopens it.'
                    : 'Team leads work from the pseudonymized copy. Replies are sent by the agents of this team.',
                ),
          ),
          sidePanel(kase),
        ),
      ),
    );
    messages.scrollTop = nearBottom ? messages.scrollHeight : previousScroll;
  }

  function caseActions(kase) {
    if (kase.status === 'closed') return null;
    const take =
      user.role === 'agent' && kase.assigneeId !== user.id
        ? h('button', { type: 'button', class: 'btn btn-secondary', id: 'case-take' }, 'Take')
        : null;
    const close = h('button', { type: 'button', class: 'btn btn-secondary', id: 'case-close' }, 'Close case');
    take?.addEventListener('click', () =>
      caseAction(kase.id, [take, close], () => api.assign(kase.id, user.id)),
    );
    close.addEventListener('click', () => caseAction(kase.id, [take, close], () => api.closeCase(kase.id)));
    return h('div', { class: 'case-actions' }, take, close);
  }

  async function caseAction(caseId, buttons, fn) {
    for (const b of buttons) if (b) b.disabled = true;
    try {
      await fn();
      actionError = null;
    } catch (err) {
      actionError = err instanceof ApiError ? err.message : 'That did not work. Try again.';
    } finally {
      for (const b of buttons) if (b) b.disabled = false;
      if (caseId === state.selectedId) loadCase(caseId);
      refreshQueue();
    }
  }

  function sidePanel(kase) {
    const notes = kase.notes ?? [];
    const privacy = kase.noticeVersion
      ? `Privacy notice sent (version ${kase.noticeVersion}${kase.retentionPeriod ? `, kept ${kase.retentionPeriod}` : ''}).`
      : 'The privacy notice goes with the first reply.';
    return h(
      'aside',
      { class: 'case-side', 'aria-label': 'Case notes and escalation' },
      h(
        'section',
        { class: 'side-section' },
        h('h3', {}, 'Internal notes'),
        notes.length
          ? h(
              'ol',
              { class: 'notes', id: 'notes-list' },
              notes.map((n) =>
                h(
                  'li',
                  { class: 'note', 'data-note-id': n.id },
                  h('p', { class: 'note-text' }, textWithTokens(n.text)),
                  h(
                    'span',
                    { class: 'muted small' },
                    n.authorId === user.id ? 'You · ' : 'Colleague · ',
                    timeEl(n.createdAt),
                  ),
                ),
              ),
            )
          : h('p', { class: 'muted small', id: 'notes-list' }, 'No notes yet.'),
        side.noteForm,
      ),
      side.escalateForm
        ? h('section', { class: 'side-section' }, h('h3', {}, 'Escalate'), side.escalateForm)
        : null,
      h(
        'section',
        { class: 'side-section' },
        h('h3', {}, 'Privacy'),
        h('p', { class: 'muted small' }, privacy),
      ),
    );
  }

  function sideFeedback(el, kind, text) {
    el.className = `feedback ${kind}`;
    el.textContent = text;
  }

  function buildSideForms(kase) {
    const caseId = kase.id;
    if (user.role !== 'agent' || kase.view !== 'original') return { caseId, fillTeams() {} };

    const noteText = h('textarea', {
      id: 'note-text',
      rows: '2',
      maxlength: '4000',
      placeholder: 'Only your team sees notes.',
    });
    const noteBtn = h('button', { type: 'submit', class: 'btn btn-secondary' }, 'Add note');
    const noteFeedback = h('div', { class: 'feedback', role: 'status' });
    const noteForm = h(
      'form',
      {
        class: 'side-form',
        onsubmit: async (event) => {
          event.preventDefault();
          const text = noteText.value.trim();
          if (!text) return sideFeedback(noteFeedback, 'error', 'Write a note first.');
          noteBtn.disabled = true;
          try {
            await api.addNote(caseId, text);
            noteText.value = '';
            sideFeedback(noteFeedback, '', '');
            if (caseId === state.selectedId) loadCase(caseId);
          } catch (err) {
            sideFeedback(
              noteFeedback,
              'error',
              err instanceof ApiError ? err.message : 'Could not add the note.',
            );
          } finally {
            noteBtn.disabled = false;
          }
        },
      },
      h('label', { for: 'note-text', class: 'visually-hidden' }, 'Note'),
      noteText,
      h('div', { class: 'side-actions' }, noteBtn),
      noteFeedback,
    );

    const team = h('select', { id: 'escalate-team', name: 'toTeamId' });
    const fillTeams = () => {
      const chosen = team.value;
      const options = (state.teams ?? []).filter((t) => t.id !== user.teamId);
      team.replaceChildren(
        h('option', { value: '' }, state.teams ? 'Choose a team…' : 'Loading teams…'),
        ...options.map((t) => h('option', { value: t.id }, t.name)),
      );
      if (options.some((t) => t.id === chosen)) team.value = chosen;
    };
    fillTeams();
    ensureTeams();
    const escNote = h('textarea', {
      id: 'escalate-note',
      rows: '3',
      maxlength: '4000',
      placeholder: 'What should the other team answer? They see names and numbers as tokens.',
    });
    const escBtn = h(
      'button',
      { type: 'submit', class: 'btn btn-secondary', id: 'escalate-submit' },
      'Escalate',
    );
    const escFeedback = h('div', { class: 'feedback', role: 'status', id: 'escalate-feedback' });
    const escalateForm = h(
      'form',
      {
        class: 'side-form',
        onsubmit: async (event) => {
          event.preventDefault();
          const note = escNote.value.trim();
          if (!team.value) return sideFeedback(escFeedback, 'error', 'Choose the team that should answer.');
          if (!note) return sideFeedback(escFeedback, 'error', 'Write what the other team should answer.');
          escBtn.disabled = true;
          try {
            await api.escalate(caseId, team.value, note);
            const name = teamName(team.value) ?? 'the team';
            escNote.value = '';
            sideFeedback(escFeedback, 'ok', `Escalated to ${name}. They see a pseudonymized copy.`);
          } catch (err) {
            sideFeedback(escFeedback, 'error', err instanceof ApiError ? err.message : 'Could not escalate.');
          } finally {
            escBtn.disabled = false;
          }
        },
      },
      h('label', { for: 'escalate-team', class: 'small' }, 'Team'),
      team,
      h('label', { for: 'escalate-note', class: 'small' }, 'Note'),
      escNote,
      h('div', { class: 'side-actions' }, escBtn),
      escFeedback,
    );
    return { caseId, noteForm, escalateForm, fillTeams };
  }

  const ERROR_LABELS = {
    WINDOW_CLOSED: 'Not delivered: the reply window is closed',
    RECIPIENT_UNAVAILABLE: 'Not delivered: this person is not available on Facebook',
    API_VERSION_SUNSET: 'Not posted: LinkedIn no longer accepts our API version (ask an administrator)',
    AUTH: 'Not sent: the channel account’s access token was refused (ask an administrator)',
    COMMENT_GONE: 'Not posted: the comment was removed',
  };

  function messageBubble(m) {
    const out = m.direction === 'out';
    const delivery = out && m.deliveryStatus ? (DELIVERY_LABELS[m.deliveryStatus] ?? m.deliveryStatus) : null;
    return h(
      'li',
      { class: `message ${out ? 'message-out' : 'message-in'}`, 'data-message-id': m.id },
      h('span', { class: 'visually-hidden' }, out ? 'Sent by the school: ' : 'Received: '),
      h(
        'div',
        { class: 'bubble' },
        m.type && m.type !== 'text' ? h('span', { class: 'message-type' }, m.type) : null,
        m.visibility ? h('span', { class: 'message-type' }, `${m.visibility} reply`) : null,
        m.platformState === 'hidden' ? h('span', { class: 'message-type' }, 'hidden on the page') : null,
        h('p', { class: 'message-text' }, m.text ? textWithTokens(m.text) : h('em', {}, '(no text)')),
      ),
      h(
        'div',
        { class: 'message-meta' },
        timeEl(m.createdAt),
        delivery ? h('span', { class: `delivery delivery-${m.deliveryStatus}` }, delivery) : null,
        out && m.errorCode
          ? h(
              'span',
              { class: 'delivery delivery-failed', title: m.errorCode },
              ERROR_LABELS[m.errorCode] ?? m.errorCode,
            )
          : null,
      ),
    );
  }

  function buildComposer(kase) {
    const caseId = kase.id;
    const textarea = h('textarea', {
      id: 'reply-text',
      name: 'text',
      rows: '3',
      maxlength: '4096',
      placeholder: 'Write a reply… (Ctrl+Enter to send)',
    });
    const feedback = h('div', { class: 'composer-feedback', role: 'status', 'aria-live': 'polite' });
    const check = h('div', { class: 'feedback composer-check', id: 'reply-check', 'aria-live': 'polite' });
    let checkSeq = 0;
    const showCheck = (result) => {
      clear(check);
      const warnings = result?.warnings ?? [];
      if (result?.refusal) {
        check.className = 'feedback composer-check error';
        check.dataset.state = 'refused';
        check.append(
          h('p', { role: 'alert' }, h('strong', {}, 'This would be refused: '), result.refusal.message),
        );
      } else if (warnings.length) {
        check.className = 'feedback composer-check warning';
        check.dataset.state = 'warning';
        check.append(
          h(
            'ul',
            {},
            warnings.map((w) => h('li', {}, w.message ?? w.code)),
          ),
        );
      } else {
        check.className = 'feedback composer-check';
        check.dataset.state = 'ok';
      }
    };
    const runCheck = debounce(async () => {
      const mine = ++checkSeq;
      const text = textarea.value.trim();
      if (!text) return showCheck(null);
      try {
        const result = await api.checkReply(caseId, text, visibility?.value);
        if (mine === checkSeq && caseId === state.selectedId) showCheck(result);
      } catch {
        // A failed dry run is not worth an error; sending reports problems.
      }
    }, CHECK_DELAY_MS);
    textarea.addEventListener('input', () => runCheck());
    const send = h('button', { type: 'submit', class: 'btn btn-primary' }, 'Send reply');
    // Facebook comment conversations: a public comment reply or one private (Messenger) reply per comment.
    const visibility =
      kase.conversation === 'comment' && kase.channel === 'facebook'
        ? h(
            'select',
            { id: 'reply-visibility', 'aria-label': 'Reply as', onchange: () => runCheck() },
            h('option', { value: 'public' }, 'Public comment reply'),
            h('option', { value: 'private' }, 'Private reply (Messenger, once per comment)'),
          )
        : null;
    const channelNote =
      kase.channel === 'linkedin'
        ? 'Posted as a public comment by the organization: LinkedIn has no direct messages for organization pages, so never include personal data.'
        : kase.conversation === 'comment'
          ? 'Public replies are visible to everyone: personal data is refused there; reply privately instead.'
          : 'Sent through the same channel. Do not ask for more personal data than needed.';

    const showFeedback = (kind, title, list = []) => {
      feedback.className = `composer-feedback ${kind}`;
      clear(feedback);
      if (title) feedback.appendChild(h('p', {}, title));
      if (list.length) {
        feedback.appendChild(
          h(
            'ul',
            {},
            list.map((w) => h('li', {}, w.message ?? w.code ?? String(w))),
          ),
        );
      }
    };

    const submit = async () => {
      const text = textarea.value.trim();
      if (!text) {
        showFeedback('error', 'Write a reply first.');
        textarea.focus();
        return;
      }
      send.disabled = true;
      send.textContent = 'Sending…';
      try {
        const result = await api.reply(caseId, text, visibility?.value);
        textarea.value = '';
        runCheck.cancel();
        checkSeq++;
        showCheck(null);
        const warnings = result?.warnings ?? [];
        showFeedback(
          warnings.length ? 'warning' : 'ok',
          warnings.length ? 'Reply queued, with warnings:' : 'Reply queued for sending.',
          warnings,
        );
        if (caseId === state.selectedId) loadCase(caseId);
      } catch (err) {
        if (
          err instanceof ApiError &&
          (err.status === 405 || (err.status === 404 && /^Cannot POST/i.test(err.message)))
        ) {
          showFeedback('error', 'Replies are not available yet in this version. Your draft is kept.');
          textarea.value = text;
        } else if (err instanceof ApiError && err.status === 404) {
          showFeedback('error', 'This case is no longer available, so the reply was not sent.');
        } else if (err instanceof ApiError) {
          showFeedback('error', err.message);
        } else {
          showFeedback('error', 'Could not send the reply.');
        }
      } finally {
        send.disabled = false;
        send.textContent = 'Send reply';
      }
    };

    textarea.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        submit();
      }
    });

    const el = h(
      'form',
      {
        class: 'composer',
        onsubmit: (event) => {
          event.preventDefault();
          submit();
        },
      },
      h('label', { for: 'reply-text', class: 'visually-hidden' }, 'Reply'),
      textarea,
      h(
        'div',
        { class: 'composer-actions' },
        h('span', { class: 'muted small' }, channelNote),
        visibility,
        send,
      ),
      check,
      feedback,
    );
    return { caseId, el, textarea, feedback };
  }

  // ---------- realtime ----------
  const refreshQueue = debounce(() => loadQueue(), 250);
  const refreshCase = debounce((id) => {
    if (id === state.selectedId) loadCase(id);
  }, 250);

  const ticker = setInterval(() => refreshRelativeTimes(main), 30_000);

  const onHashChange = () => {
    const id = caseIdFromHash();
    if (id && id !== state.selectedId) selectCase(id);
  };
  window.addEventListener('hashchange', onHashChange);

  const refreshEscalations = debounce(() => {
    escalations?.refresh();
    if (!escalations) refreshEscCount();
  }, 250);

  renderQueue();
  renderDetail();
  loadQueue();
  refreshEscCount();
  if (state.selectedId) {
    setViewing(state.selectedId);
    loadCase(state.selectedId);
  }

  return {
    attachRealtime(r) {
      realtime = r;
    },
    onRealtime(name, payload) {
      if (name === 'presence.updated') {
        if (payload?.caseId)
          state.presence.set(payload.caseId, Array.isArray(payload.userIds) ? payload.userIds : []);
        if (payload?.caseId === state.selectedId) updatePresence();
        return;
      }
      if (name === 'escalation.updated') refreshEscalations();
      else refreshQueue();
      if (payload?.caseId && payload.caseId === state.selectedId) refreshCase(payload.caseId);
    },
    onReconnect() {
      // We may have missed events while offline: catch up, and say again which case is open.
      refreshQueue();
      refreshEscalations();
      if (viewingId) realtime.emit('case.viewing', { caseId: viewingId });
      if (state.selectedId) refreshCase(state.selectedId);
    },
    destroy() {
      setViewing(null);
      refreshEscalations.cancel();
      escalations?.destroy();
      clearInterval(ticker);
      refreshQueue.cancel();
      refreshCase.cancel();
      window.removeEventListener('hashchange', onHashChange);
    },
  };
}

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

const FILTERS = [
  ['open', 'Open'],
  ['answered', 'Answered'],
  ['closed', 'Closed'],
  ['all', 'All'],
];
const PAGE = 50;
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
  };

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

  function selectCase(id) {
    if (state.selectedId !== id) {
      state.selectedId = id;
      state.kase = null;
      state.caseError = null;
      composer = null;
      history.replaceState(null, '', `#/cases/${id}`);
    }
    renderQueue();
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
        ),
      ),
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

    detail.replaceChildren(
      h(
        'div',
        { class: `case-view view-${kase.view}`, 'data-view': kase.view, 'data-case-id': kase.id },
        header,
        banner,
        messages,
        kase.view === 'original'
          ? composer.el
          : h(
              'p',
              { class: 'composer-note muted' },
              'Team leads work from the pseudonymized copy. Replies are sent by the agents of this team.',
            ),
      ),
    );
    messages.scrollTop = nearBottom ? messages.scrollHeight : previousScroll;
  }

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
        h('p', { class: 'message-text' }, m.text ? textWithTokens(m.text) : h('em', {}, '(no text)')),
      ),
      h(
        'div',
        { class: 'message-meta' },
        timeEl(m.createdAt),
        delivery ? h('span', { class: `delivery delivery-${m.deliveryStatus}` }, delivery) : null,
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
    const send = h('button', { type: 'submit', class: 'btn btn-primary' }, 'Send reply');

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
        const result = await api.reply(caseId, text);
        textarea.value = '';
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
        h(
          'span',
          { class: 'muted small' },
          'Sent through the same channel. Do not ask for more personal data than needed.',
        ),
        send,
      ),
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

  renderQueue();
  renderDetail();
  loadQueue();
  if (state.selectedId) loadCase(state.selectedId);

  return {
    onRealtime(_name, payload) {
      refreshQueue();
      if (payload?.caseId && payload.caseId === state.selectedId) refreshCase(payload.caseId);
    },
    onReconnect() {
      // We may have missed events while offline: catch up.
      refreshQueue();
      if (state.selectedId) refreshCase(state.selectedId);
    },
    destroy() {
      clearInterval(ticker);
      refreshQueue.cancel();
      refreshCase.cancel();
      window.removeEventListener('hashchange', onHashChange);
    },
  };
}

import { api, ApiError } from '../api.js';
import { clear, h } from '../dom.js';
import { textWithTokens, timeEl } from '../format.js';

const STATUS = { open: 'Open', answered: 'Answered', taken_over: 'Taken over', closed: 'Closed' };
const CONSENT = {
  requested: 'Consent asked',
  given: 'Consent given',
  withdrawn: 'Consent withdrawn',
};

const errorText = (err, fallback) => (err instanceof ApiError ? err.message : fallback);

/**
 * Escalations sent to the caller's team, pseudonymized: notes and conversations carry tokens only.
 * renderEscalations(container, user, { teamName(id) }) → { refresh(), destroy() }
 */
export function renderEscalations(container, user, { teamName, onCount } = {}) {
  const list = h('ol', { class: 'esc-list', id: 'escalation-list', 'aria-busy': 'false' });
  const message = h('p', { class: 'queue-message', role: 'status' });
  const drafts = new Map(); // escalationId → answer draft, kept across refreshes
  const feedback = new Map(); // escalationId → { kind, text }
  let seq = 0;
  let destroyed = false;

  container.replaceChildren(
    h(
      'div',
      { class: 'esc-view', id: 'escalations-view' },
      h(
        'header',
        { class: 'case-header' },
        h('h2', { class: 'case-title', tabindex: '-1' }, 'Escalations to your team'),
        h(
          'p',
          { class: 'case-meta' },
          'Pseudonymized: names, numbers and addresses are replaced by tokens. The original is only shown with the person’s consent.',
        ),
      ),
      h('div', { class: 'esc-scroll' }, message, list),
    ),
  );

  async function refresh() {
    const mine = ++seq;
    list.setAttribute('aria-busy', 'true');
    if (!list.children.length) message.textContent = 'Loading escalations…';
    try {
      const { items = [] } = await api.listEscalations();
      if (destroyed || mine !== seq) return;
      message.className = 'queue-message';
      message.textContent = items.length ? '' : 'No escalations for your team.';
      render(items);
      onCount?.(items.filter((e) => e.status === 'open').length);
    } catch (err) {
      if (destroyed || mine !== seq) return;
      message.className = 'queue-message error';
      message.textContent = errorText(err, 'Could not load escalations.');
    } finally {
      if (mine === seq) list.setAttribute('aria-busy', 'false');
    }
  }

  function render(items) {
    // Keep whatever the user is typing.
    for (const ta of list.querySelectorAll('textarea[data-esc-id]')) drafts.set(ta.dataset.escId, ta.value);
    clear(list);
    for (const esc of items) list.appendChild(item(esc));
  }

  function setFeedback(id, kind, text) {
    feedback.set(id, { kind, text });
    const el = list.querySelector(`.esc-item[data-escalation-id="${CSS.escape(id)}"] .feedback`);
    if (el) {
      el.className = `feedback ${kind}`;
      el.textContent = text;
    }
  }

  async function act(id, button, fn, okText, fallback) {
    button.disabled = true;
    try {
      await fn();
      setFeedback(id, 'ok', okText);
      await refresh();
    } catch (err) {
      setFeedback(id, 'error', errorText(err, fallback));
    } finally {
      button.disabled = false;
    }
  }

  function item(esc) {
    const fb = feedback.get(esc.id);
    const answerBox = h('textarea', {
      rows: '2',
      maxlength: '4000',
      'data-esc-id': esc.id,
      id: `esc-answer-${esc.id}`,
      placeholder: 'Answer the agent… (do not add names or numbers)',
    });
    answerBox.value = drafts.get(esc.id) ?? '';
    const answerBtn = h('button', { type: 'submit', class: 'btn btn-primary' }, 'Send answer');
    const purpose = h('input', {
      type: 'text',
      class: 'input',
      id: `esc-purpose-${esc.id}`,
      maxlength: '200',
      value: 'answer your question personally',
      'aria-label': 'Purpose of the consent request',
    });
    const consentBtn = h('button', { type: 'button', class: 'btn btn-secondary esc-consent' }, 'Ask consent');
    consentBtn.addEventListener('click', () =>
      act(
        esc.id,
        consentBtn,
        () => api.askConsent(esc.caseId, user.teamId, purpose.value.trim()),
        'Consent asked through the channel. You will see the answer here.',
        'Could not ask for consent.',
      ),
    );
    const takeBtn =
      esc.consent === 'given' && user.role === 'team_lead' && esc.status !== 'taken_over'
        ? h('button', { type: 'button', class: 'btn btn-primary esc-take-over' }, 'Take over')
        : null;
    takeBtn?.addEventListener('click', () =>
      act(
        esc.id,
        takeBtn,
        () => api.takeOver(esc.id),
        'The case is now with your team.',
        'Could not take over.',
      ),
    );

    const form = h(
      'form',
      {
        class: 'esc-answer',
        onsubmit: (event) => {
          event.preventDefault();
          const text = answerBox.value.trim();
          if (!text) return setFeedback(esc.id, 'error', 'Write an answer first.');
          act(
            esc.id,
            answerBtn,
            async () => {
              await api.answerEscalation(esc.id, text);
              drafts.delete(esc.id);
              answerBox.value = '';
            },
            'Answer sent to the agent.',
            'Could not send the answer.',
          );
        },
      },
      h('label', { for: answerBox.id, class: 'visually-hidden' }, 'Answer'),
      answerBox,
      h('div', { class: 'composer-actions' }, h('span'), answerBtn),
    );

    return h(
      'li',
      { class: `esc-item status-${esc.status}`, 'data-escalation-id': esc.id, 'data-case-id': esc.caseId },
      h(
        'div',
        { class: 'case-item-top' },
        h('span', { class: `status-pill status-${esc.status}` }, STATUS[esc.status] ?? esc.status),
        esc.consent
          ? h('span', { class: `consent-pill consent-${esc.consent}` }, CONSENT[esc.consent])
          : null,
        h('span', { class: 'muted small' }, `From ${teamName?.(esc.fromTeamId) ?? 'another team'}`),
        timeEl(esc.createdAt),
      ),
      h('p', { class: 'esc-note' }, h('strong', {}, 'Note: '), textWithTokens(esc.note)),
      esc.messages?.length
        ? h(
            'details',
            { class: 'esc-conversation' },
            h(
              'summary',
              {},
              `Conversation (${esc.messages.length} message${esc.messages.length === 1 ? '' : 's'}, pseudonymized)`,
            ),
            h(
              'ol',
              { class: 'esc-messages' },
              esc.messages.map((m) =>
                h(
                  'li',
                  { class: `esc-msg esc-msg-${m.direction}` },
                  h('span', { class: 'muted small' }, m.direction === 'out' ? 'School: ' : 'Person: '),
                  textWithTokens(m.text),
                ),
              ),
            ),
          )
        : null,
      esc.answer
        ? h('p', { class: 'esc-answer-text' }, h('strong', {}, 'Answer: '), textWithTokens(esc.answer))
        : null,
      esc.status === 'taken_over' ? null : form,
      esc.status === 'taken_over' || esc.consent === 'given' || esc.consent === 'requested'
        ? null
        : h('div', { class: 'esc-actions' }, purpose, consentBtn),
      takeBtn ? h('div', { class: 'esc-actions' }, takeBtn) : null,
      h(
        'div',
        { class: `feedback ${fb?.kind ?? ''}`, role: 'status', 'aria-live': 'polite' },
        fb?.text ?? '',
      ),
    );
  }

  refresh();
  return {
    refresh,
    destroy() {
      destroyed = true;
    },
  };
}

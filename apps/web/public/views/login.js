import { api, ApiError } from '../api.js';
import { h } from '../dom.js';

function loginErrorText(err) {
  if (!(err instanceof ApiError)) return 'Something went wrong. Please try again.';
  if (err.status === 401) return 'Email or password is wrong.';
  if (err.status === 429) return err.message || 'Too many attempts. Please wait a moment and try again.';
  if (err.status === 0) return err.message;
  if (err.status >= 500) return 'The server had a problem. Please try again in a moment.';
  return err.message;
}

/** Renders the login form; calls onLogin({ accessToken, user }) on success. */
export function renderLogin(root, { onLogin, notice } = {}) {
  const error = h('p', { class: 'form-error', role: 'alert', id: 'login-error', hidden: true });
  const email = h('input', {
    id: 'login-email',
    name: 'email',
    type: 'email',
    autocomplete: 'username',
    required: true,
    autofocus: true,
  });
  const password = h('input', {
    id: 'login-password',
    name: 'password',
    type: 'password',
    autocomplete: 'current-password',
    required: true,
  });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary btn-block' }, 'Log in');

  const showError = (text) => {
    error.textContent = text;
    error.hidden = !text;
  };

  const form = h(
    'form',
    {
      class: 'login-form',
      novalidate: true,
      'aria-describedby': 'login-error',
      onsubmit: async (event) => {
        event.preventDefault();
        showError('');
        if (!email.value.trim() || !password.value) {
          showError('Enter your email address and password.');
          (email.value.trim() ? password : email).focus();
          return;
        }
        submit.disabled = true;
        submit.textContent = 'Logging in…';
        try {
          const result = await api.login(email.value.trim(), password.value);
          onLogin(result);
        } catch (err) {
          showError(loginErrorText(err));
          password.value = '';
          password.focus();
        } finally {
          submit.disabled = false;
          submit.textContent = 'Log in';
        }
      },
    },
    h('label', { for: 'login-email' }, 'Email address'),
    email,
    h('label', { for: 'login-password' }, 'Password'),
    password,
    error,
    submit,
  );

  root.replaceChildren(
    h(
      'main',
      { id: 'main', class: 'login-page' },
      h(
        'section',
        { class: 'login-card', 'aria-labelledby': 'login-title' },
        h(
          'div',
          { class: 'brand brand-large' },
          h('span', { class: 'brand-mark', 'aria-hidden': 'true' }, 'W'),
          'Webcare inbox',
        ),
        h('h1', { id: 'login-title' }, 'Log in'),
        h('p', { class: 'muted' }, 'Answer prospective students on WhatsApp, Facebook and LinkedIn.'),
        notice ? h('p', { class: 'notice', role: 'status' }, notice) : null,
        form,
        h(
          'p',
          { class: 'fine-print' },
          'Conversations are kept only as long as the privacy notice says, then deleted automatically.',
        ),
      ),
    ),
  );
  email.focus();
}

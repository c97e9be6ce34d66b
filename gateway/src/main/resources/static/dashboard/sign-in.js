// Sign in: the key (or, where the organisation runs an identity provider, its access token) is kept in
// sessionStorage, so it lives only as long as this browser tab.
import { ApiError, credential, getJson } from './api.js';
import { errorSummary, h, heading, para } from './dom.js';

const FORBIDDEN = 'This key may send events but not read pilots. Sign in with a TEAM, ANALYST or ADMIN key.';

export function signIn(show, hint, error) {
  const input = h('input', {
    class: 'govuk-input govuk-!-width-two-thirds' + (error ? ' govuk-input--error' : ''), id: 'credential', name: 'credential',
    type: 'password', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': 'credential-hint' + (error ? ' credential-error' : ''),
  });
  const form = h('form', { novalidate: true, id: 'sign-in-form' },
    h('div', { class: 'govuk-form-group' + (error ? ' govuk-form-group--error' : '') },
      h('label', { class: 'govuk-label govuk-label--m', for: 'credential' }, 'API key or access token'),
      h('div', { class: 'govuk-hint', id: 'credential-hint' },
        'Your organisation’s key (on the local stack, for example dev-team-key), or an access token from your '
        + 'identity provider where your organisation signs in that way. It is kept in this browser tab only.'),
      error ? h('p', { class: 'govuk-error-message', id: 'credential-error' },
        h('span', { class: 'govuk-visually-hidden' }, 'Error: '), error) : null,
      input),
    h('button', { type: 'submit', class: 'govuk-button', 'data-module': 'govuk-button', id: 'sign-in' }, 'Sign in'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const value = input.value.trim();
    if (!value) return signIn(show, hint, 'Enter your API key or access token.');
    credential.set(value);
    try {
      await getJson('/api/v1/experiments?limit=1');
      location.hash = '#/experiments';
    } catch (e) {
      credential.clear();
      signIn(show, hint, e instanceof ApiError && e.status === 403 ? FORBIDDEN : e.message);
    }
  });
  show(heading('Sign in to LIKE Lab'), error ? errorSummary(error) : null, hint ? para(hint) : null, form);
}

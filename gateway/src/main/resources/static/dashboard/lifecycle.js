// The lifecycle actions for TEAM keys: each is confirmed first, and the outcome shows in the history.
import { ApiError, postJson } from './api.js';
import { button, errorSummary, h, para } from './dom.js';

const ACTIONS = {
  DRAFT: ['start'], RUNNING: ['pause', 'complete'], PAUSED: ['start', 'complete'], COMPLETED: ['archive'], ARCHIVED: [],
};
const LABELS = { start: 'Start', pause: 'Pause', complete: 'Complete with a decision', archive: 'Archive' };
const DONE = { start: 'started', pause: 'paused', complete: 'completed', archive: 'archived' };
const EXPLAIN = {
  start: 'Citizens will be assigned to variants and their events counted.',
  pause: 'New citizens will get the control variant and no events are counted until it is started again.',
  archive: 'An archived pilot can no longer change.',
};
const OUTCOMES = [['SCALE', 'Scale', 'Roll the winning variant out'], ['ITERATE', 'Iterate', 'Learn from it and try a better variant'],
  ['STOP', 'Stop', 'Keep the current service']];

function decisionFields(recommendation) {
  const suggested = recommendation && recommendation.outcome;
  const reasons = recommendation && recommendation.reasons ? recommendation.reasons.join('; ') : '';
  const radios = OUTCOMES.map(([value, label, hint]) => h('div', { class: 'govuk-radios__item' },
    h('input', { class: 'govuk-radios__input', id: 'outcome-' + value, name: 'outcome', type: 'radio', value,
      checked: suggested === value, 'aria-describedby': 'outcome-' + value + '-hint' }),
    h('label', { class: 'govuk-label govuk-radios__label', for: 'outcome-' + value }, label),
    h('div', { class: 'govuk-hint govuk-radios__hint', id: 'outcome-' + value + '-hint' }, hint)));
  return [
    h('div', { class: 'govuk-form-group' }, h('fieldset', { class: 'govuk-fieldset' },
      h('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--s' }, 'Decision'),
      suggested && suggested !== 'KEEP_RUNNING' ? h('div', { class: 'govuk-hint' }, 'Prefilled from the recommendation.') : null,
      h('div', { class: 'govuk-radios', 'data-module': 'govuk-radios' }, radios))),
    h('div', { class: 'govuk-form-group' },
      h('label', { class: 'govuk-label govuk-label--s', for: 'rationale' }, 'Rationale'),
      h('div', { class: 'govuk-hint', id: 'rationale-hint' }, 'Why this decision: it is kept in the pilot’s history.'),
      h('textarea', { class: 'govuk-textarea', id: 'rationale', name: 'rationale', rows: '4', 'aria-describedby': 'rationale-hint' }, reasons)),
  ];
}

/**
 * The actions section; recommendation() gives the latest recommendation (for the prefilled decision), and
 * onDone(experiment, action) is called after a confirmed action succeeded.
 */
export function lifecycleSection(experiment, recommendation, onDone) {
  const actions = ACTIONS[experiment.status] || [];
  const area = h('div', { id: 'lifecycle-area' });
  const base = '/api/v1/experiments/' + encodeURIComponent(experiment.id) + '/';
  const confirm = (action) => {
    const form = h('form', { id: 'confirm-' + action, novalidate: true },
      h('h3', { class: 'govuk-heading-s', id: 'confirm-heading', tabindex: '-1' },
        'Are you sure you want to ' + (action === 'complete' ? 'complete' : action) + ' “' + experiment.name + '”?'),
      action === 'complete' ? decisionFields(recommendation()) : para(EXPLAIN[action]),
      h('div', { class: 'govuk-button-group' },
        h('button', { type: 'submit', class: 'govuk-button' + (action === 'archive' ? ' govuk-button--warning' : ''), id: 'confirm-action',
          'data-module': 'govuk-button' }, 'Yes, ' + (action === 'complete' ? 'complete' : action)),
        h('a', { class: 'govuk-link', href: '#/experiments/' + encodeURIComponent(experiment.id), id: 'cancel-action',
          onclick: (e) => { e.preventDefault(); area.replaceChildren(); } }, 'Cancel')));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      let body = {};
      if (action === 'complete') {
        const outcome = form.querySelector('input[name=outcome]:checked');
        const rationale = form.querySelector('#rationale').value.trim();
        if (!outcome || !rationale) {
          form.prepend(errorSummary(!outcome ? 'Choose a decision: scale, iterate or stop.' : 'Enter the rationale for the decision.'));
          form.querySelector('.govuk-error-summary').focus();
          return;
        }
        body = { outcome: outcome.value, rationale };
      }
      try {
        onDone(await postJson(base + action, body), DONE[action]);
      } catch (e) {
        const text = e instanceof ApiError && e.status === 403 ? 'Your key can read this pilot but not change it: that needs a TEAM key.' : e.message;
        area.replaceChildren(errorSummary(text));
        area.firstChild.focus();
      }
    });
    area.replaceChildren(form);
    form.querySelector('#confirm-heading').focus();
  };
  const heading = h('h2', { class: 'govuk-heading-m', id: 'actions' }, 'Decide and move the pilot on');
  if (!actions.length) return h('section', { 'aria-labelledby': 'actions' }, heading, para('No further action: this pilot is archived.'));
  return h('section', { 'aria-labelledby': 'actions' }, heading,
    para('For TEAM keys. Each action asks you to confirm it first.', 'govuk-hint'),
    h('div', { class: 'govuk-button-group' }, actions.map((a) => button(LABELS[a], () => confirm(a), a !== actions[0], 'action-' + a))),
    area);
}

// Cross-city comparison of one e-service: every experiment of it that is the caller's own or shared with the
// network (GET /api/v1/services/{service}/comparison).
import { getOptional } from './api.js';
import { errorSummary, h, heading, inset, para } from './dom.js';
import { render } from './generic.js';

const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

function form(service, error) {
  const input = h('input', { class: 'govuk-input govuk-input--width-20' + (error ? ' govuk-input--error' : ''), id: 'service', name: 'service',
    type: 'text', value: service || '', spellcheck: 'false', 'aria-describedby': 'service-hint' + (error ? ' service-error' : '') });
  const f = h('form', { id: 'comparison-form', novalidate: true },
    h('div', { class: 'govuk-form-group' + (error ? ' govuk-form-group--error' : '') },
      h('label', { class: 'govuk-label govuk-label--s', for: 'service' }, 'E-service'),
      h('div', { class: 'govuk-hint', id: 'service-hint' }, 'Its slug, for example parking-permit'),
      error ? h('p', { class: 'govuk-error-message', id: 'service-error' }, h('span', { class: 'govuk-visually-hidden' }, 'Error: '), error) : null,
      input),
    h('button', { type: 'submit', class: 'govuk-button', 'data-module': 'govuk-button', id: 'compare' }, 'Compare'));
  f.addEventListener('submit', (event) => {
    event.preventDefault();
    location.hash = '#/comparison?service=' + encodeURIComponent(input.value.trim());
  });
  return f;
}

export async function comparisonPage({ show, params, signal }) {
  const service = params.get('service');
  const title = heading('Across cities', 'Compare one e-service');
  const intro = para('Your own pilots of an e-service beside those other organisations share with the network (aggregate KPIs only).');
  if (service === null) return show(title, intro, form(''));
  if (!SLUG.test(service)) {
    const error = 'Enter the e-service slug: lower-case letters, digits and hyphens.';
    return show(title, errorSummary(error), intro, form(service, error));
  }
  const comparison = await getOptional('/api/v1/services/' + encodeURIComponent(service) + '/comparison', signal);
  const result = comparison === null
    ? inset(para('No comparison for ' + service + ': the cross-city comparison is not available on this server yet, or no pilot of this e-service is visible to you.'))
    : h('div', { id: 'comparison-result' }, ...render(comparison));
  show(title, intro, form(service), result);
}

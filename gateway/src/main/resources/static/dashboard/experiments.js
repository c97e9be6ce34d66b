// The organisation's pilots: status and service filters, pages of `limit` with the API's `next` cursor.
import { getJson } from './api.js';
import { h, heading, inset, para, table } from './dom.js';
import { dateTime, kpiName, tag } from './format.js';

const STATUSES = ['DRAFT', 'RUNNING', 'PAUSED', 'COMPLETED', 'ARCHIVED'];
const PAGE_SIZE = 20;

function filters(params) {
  const status = h('select', { class: 'govuk-select', id: 'filter-status', name: 'status' },
    h('option', { value: '' }, 'Any status'),
    STATUSES.map((s) => h('option', { value: s, selected: params.get('status') === s }, s.charAt(0) + s.slice(1).toLowerCase())));
  const service = h('input', { class: 'govuk-input govuk-input--width-20', id: 'filter-service', name: 'service',
    type: 'text', value: params.get('service') || '', spellcheck: 'false', 'aria-describedby': 'filter-service-hint' });
  const form = h('form', { id: 'filters', novalidate: true },
    h('fieldset', { class: 'govuk-fieldset' },
      h('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--s' }, 'Filter pilots'),
      h('div', { class: 'govuk-form-group' },
        h('label', { class: 'govuk-label', for: 'filter-status' }, 'Status'), status),
      h('div', { class: 'govuk-form-group' },
        h('label', { class: 'govuk-label', for: 'filter-service' }, 'E-service'),
        h('div', { class: 'govuk-hint', id: 'filter-service-hint' }, 'Its slug, for example parking-permit'), service)),
    h('button', { type: 'submit', class: 'govuk-button govuk-button--secondary', 'data-module': 'govuk-button', id: 'apply-filters' }, 'Apply filters'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (status.value) next.set('status', status.value);
    if (service.value.trim()) next.set('service', service.value.trim());
    location.hash = '#/experiments?' + next;
  });
  return form;
}

function pagination(params, next) {
  const previous = params.getAll('back');
  const link = (label, query, rel, cls) => h('div', { class: 'govuk-pagination__' + cls },
    h('a', { class: 'govuk-link govuk-pagination__link', href: '#/experiments?' + query, rel, id: 'page-' + cls },
      h('span', { class: 'govuk-pagination__link-title' }, label)));
  const base = () => {
    const q = new URLSearchParams();
    for (const k of ['status', 'service']) if (params.get(k)) q.set(k, params.get(k));
    return q;
  };
  let prevLink = null;
  if (params.get('cursor')) {
    const q = base();
    const back = previous.slice(0, -1);
    const cursor = previous[previous.length - 1];
    if (cursor) q.set('cursor', cursor);
    back.forEach((b) => q.append('back', b));
    prevLink = link('Previous page', q, 'prev', 'prev');
  }
  let nextLink = null;
  if (next) {
    const q = base();
    q.set('cursor', next);
    previous.forEach((b) => q.append('back', b));
    q.append('back', params.get('cursor') || '');
    nextLink = link('Next page', q, 'next', 'next');
  }
  return prevLink || nextLink ? h('nav', { class: 'govuk-pagination', 'aria-label': 'Pages of pilots' }, prevLink, nextLink) : null;
}

export async function experimentList({ show, params, signal }) {
  const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
  for (const k of ['status', 'service', 'cursor']) if (params.get(k)) query.set(k, params.get(k));
  const page = await getJson('/api/v1/experiments?' + query, signal);
  const items = page.items || [];
  const adminView = items.some((e) => e.organisation !== items[0].organisation);
  const rows = items.map((e) => [
    h('a', { class: 'govuk-link', href: '#/experiments/' + encodeURIComponent(e.id) }, e.name),
    e.service, tag(e.status), kpiName(e.primaryKpi), dateTime(e.startedAt || e.createdAt),
  ].concat(adminView ? [e.organisation] : []));
  const filtered = params.get('status') || params.get('service');
  const empty = filtered
    ? inset('No pilots match these filters. Change or clear them to see more.')
    : inset(para('Your organisation has no pilots yet.'), para('A TEAM key creates one with POST /api/v1/experiments: see the API documentation.'));
  show(
    heading('Pilots', 'Your organisation'),
    filters(params),
    items.length
      ? table('Pilots, newest first', ['Name', 'E-service', 'Status', 'Primary KPI', 'Started or created'].concat(adminView ? ['Organisation'] : []), rows)
      : empty,
    pagination(params, page.next),
  );
}

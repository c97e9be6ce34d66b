// Building the page from data as text nodes and attributes only (no HTML is ever parsed), so no value can inject markup.
export function h(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else if (name === 'class') node.className = value;
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

export const heading = (text, caption) =>
  h('h1', { class: 'govuk-heading-l', id: 'page-heading', tabindex: '-1' },
    caption ? h('span', { class: 'govuk-caption-l' }, caption) : null, text);

export const para = (text, cls) => h('p', { class: 'govuk-body' + (cls ? ' ' + cls : '') }, text);

/** A GOV.UK table; rows are arrays of cells (strings or nodes); numeric columns are right-aligned. */
export function table(caption, columns, rows, numeric) {
  const isNum = (i) => numeric && numeric.includes(i);
  return h('div', { class: 'likelab-table-scroll', tabindex: '0', role: 'region', 'aria-label': caption },
    h('table', { class: 'govuk-table' },
      h('caption', { class: 'govuk-table__caption govuk-table__caption--m' }, caption),
      h('thead', { class: 'govuk-table__head' },
        h('tr', { class: 'govuk-table__row' }, columns.map((c, i) =>
          h('th', { scope: 'col', class: 'govuk-table__header' + (isNum(i) ? ' govuk-table__header--numeric' : '') }, c)))),
      h('tbody', { class: 'govuk-table__body' }, rows.map((row) =>
        h('tr', { class: 'govuk-table__row' }, row.map((cell, i) => i === 0
          ? h('th', { scope: 'row', class: 'govuk-table__header' }, cell)
          : h('td', { class: 'govuk-table__cell' + (isNum(i) ? ' govuk-table__cell--numeric likelab-numeric' : '') }, cell)))))));
}

export function summaryList(rows) {
  return h('dl', { class: 'govuk-summary-list' }, rows.filter(Boolean).map(([key, value]) =>
    h('div', { class: 'govuk-summary-list__row' },
      h('dt', { class: 'govuk-summary-list__key' }, key),
      h('dd', { class: 'govuk-summary-list__value' }, value))));
}

export function errorSummary(message) {
  const box = h('div', { class: 'govuk-error-summary', 'data-module': 'govuk-error-summary', id: 'error-summary' },
    h('div', { role: 'alert' },
      h('h2', { class: 'govuk-error-summary__title' }, 'There is a problem'),
      h('div', { class: 'govuk-error-summary__body' }, h('p', { class: 'govuk-body' }, message))));
  box.setAttribute('tabindex', '-1');
  return box;
}

export function notice(title, ...body) {
  return h('div', { class: 'govuk-notification-banner govuk-notification-banner--success', role: 'alert',
    'aria-labelledby': 'notice-title', id: 'notice', tabindex: '-1' },
    h('div', { class: 'govuk-notification-banner__header' },
      h('h2', { class: 'govuk-notification-banner__title', id: 'notice-title' }, 'Success')),
    h('div', { class: 'govuk-notification-banner__content' },
      h('p', { class: 'govuk-notification-banner__heading' }, title), ...body));
}

export function inset(...children) {
  return h('div', { class: 'govuk-inset-text' }, ...children);
}

export function warning(text) {
  return h('div', { class: 'govuk-warning-text' },
    h('span', { class: 'govuk-warning-text__icon', 'aria-hidden': 'true' }, '!'),
    h('strong', { class: 'govuk-warning-text__text' }, h('span', { class: 'govuk-visually-hidden' }, 'Warning'), text));
}

export const button = (text, onclick, secondary, id) => h('button', {
  type: 'button', id, class: 'govuk-button' + (secondary ? ' govuk-button--secondary' : ''), 'data-module': 'govuk-button', onclick,
}, text);

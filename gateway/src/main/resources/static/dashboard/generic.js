// Renders an API document whose exact shape this page does not fix (portfolio, comparisons) as headed summary
// lists and tables, so every field the API returns is shown with a readable name.
import { h, summaryList, table } from './dom.js';
import { humanise, NONE, interval, tag } from './format.js';

const TAGGED = new Set(['status', 'outcome', 'decision']);

function scalar(key, value) {
  if (value === null || value === undefined) return NONE;
  if (TAGGED.has(key) && typeof value === 'string') return tag(value);
  if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'number') && /ci|interval/i.test(key)) {
    return interval(value, (v) => (Math.abs(v) <= 1 ? (v * 100).toFixed(1) + '%' : String(v)));
  }
  if (typeof value === 'number') return Number.isInteger(value) ? value.toLocaleString('en-GB') : value.toFixed(3);
  if (typeof value === 'object') return flat(value);
  return String(value);
}

function flat(value) {
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' && v !== null ? flat(v) : String(v))).join('; ');
  if (value && 'outcome' in value) return humanise(value.outcome) + (value.rationale ? ': ' + value.rationale : '');
  return Object.entries(value).map(([k, v]) => humanise(k) + ' ' + (typeof v === 'object' && v !== null ? flat(v) : scalar(k, v))).join(', ');
}

function columnsOf(items) {
  const columns = [];
  for (const item of items) for (const k of Object.keys(item)) if (!columns.includes(k)) columns.push(k);
  return columns;
}

/** One section per top-level field: numbers and words in a summary list, lists of records as tables. */
export function render(document, level = 2) {
  const simple = [];
  const sections = [];
  for (const [key, value] of Object.entries(document)) {
    if (Array.isArray(value) && value.length && value.every((v) => v && typeof v === 'object' && !Array.isArray(v))) {
      const columns = columnsOf(value);
      sections.push(table(humanise(key), columns.map(humanise), value.map((item) => columns.map((c) => scalar(c, item[c])))));
    } else if (Array.isArray(value) && !value.length) {
      sections.push(h('h' + level, { class: 'govuk-heading-s' }, humanise(key)), h('p', { class: 'govuk-body' }, 'None.'));
    } else if (value && typeof value === 'object' && !Array.isArray(value) && Object.values(value).some((v) => v && typeof v === 'object')) {
      sections.push(h('h' + level, { class: 'govuk-heading-m' }, humanise(key)), ...render(value, Math.min(level + 1, 4)));
    } else {
      simple.push([humanise(key), scalar(key, value)]);
    }
  }
  return [simple.length ? summaryList(simple) : null, ...sections];
}

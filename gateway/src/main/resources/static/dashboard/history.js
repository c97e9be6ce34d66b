// The audit trail: who created, started, paused, completed and archived the pilot, and when.
import { h, inset, table } from './dom.js';
import { dateTime, humanise, NONE } from './format.js';

export function historySection(history) {
  const heading = h('h2', { class: 'govuk-heading-m', id: 'history' }, 'History');
  if (history === null) {
    return h('section', { 'aria-labelledby': 'history' }, heading, inset('The history of changes is not available on this server yet.'));
  }
  const items = history.items || [];
  if (!items.length) return h('section', { 'aria-labelledby': 'history' }, heading, inset('No changes recorded yet.'));
  const rows = items.map((c) => [
    'Version ' + c.version, dateTime(c.at), humanise(c.action || ''), c.by || NONE,
    c.from || c.to ? (c.from || NONE) + ' → ' + (c.to || NONE) : NONE,
    (c.changes || []).join(', ') || NONE,
    c.decision ? humanise(c.decision.outcome) + ': ' + (c.decision.rationale || '') : NONE,
  ]);
  return h('section', { 'aria-labelledby': 'history' }, heading,
    table('Every change, oldest first', ['Version', 'When', 'Action', 'By', 'Status', 'Fields changed', 'Decision'], rows));
}

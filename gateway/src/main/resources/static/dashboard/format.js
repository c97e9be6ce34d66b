import { h } from './dom.js';

export const NONE = '–';

export const KPI_NAMES = {
  completion_rate: 'Completion rate',
  satisfaction: 'Satisfaction',
  digital_take_up: 'Digital take-up',
  adoption_rate: 'Adoption rate',
};

export const kpiName = (kpi) => KPI_NAMES[kpi] || humanise(kpi);

export function humanise(key) {
  const words = String(key).replace(/_/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const missing = (v) => v === null || v === undefined || Number.isNaN(v);

export const percent = (v, digits = 1) => (missing(v) ? NONE : (v * 100).toFixed(digits) + '%');
export const points = (v) => (missing(v) ? NONE : (v >= 0 ? '+' : '') + (v * 100).toFixed(1) + ' points');
export const integer = (v) => (missing(v) ? NONE : Number(v).toLocaleString('en-GB'));
export const decimal = (v, digits = 2) => (missing(v) ? NONE : Number(v).toFixed(digits));
export const pValue = (v) => (missing(v) ? NONE : v < 0.0001 ? '< 0.0001' : Number(v).toFixed(4));
export const interval = (ci, fmt = percent) => (Array.isArray(ci) && ci.length === 2 ? fmt(ci[0]) + ' to ' + fmt(ci[1]) : NONE);
export const intervalPoints = (ci) => interval(ci, (v) => (missing(v) ? NONE : (v * 100).toFixed(1)));

export function dateTime(iso) {
  if (!iso) return NONE;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? String(iso) : d.toLocaleString('en-GB', { timeZone: 'UTC', dateStyle: 'medium', timeStyle: 'short' }) + ' UTC';
}

export function duration(ms) {
  if (missing(ms)) return NONE;
  const minutes = ms / 60000;
  return minutes < 1 ? Math.round(ms / 1000) + ' s' : minutes.toFixed(1) + ' min';
}

const STATUS_COLOURS = {
  DRAFT: 'govuk-tag--grey', RUNNING: 'govuk-tag--blue', PAUSED: 'govuk-tag--yellow',
  COMPLETED: 'govuk-tag--green', ARCHIVED: 'govuk-tag--grey',
  SCALE: 'govuk-tag--green', ITERATE: 'govuk-tag--yellow', STOP: 'govuk-tag--red', KEEP_RUNNING: 'govuk-tag--blue',
};

export const tag = (value) => (value ? h('strong', { class: 'govuk-tag ' + (STATUS_COLOURS[value] || '') }, humanise(value)) : NONE);

export const OUTCOME_WORDS = {
  KEEP_RUNNING: 'Keep running: not enough evidence yet',
  SCALE: 'Scale: roll the winning variant out',
  ITERATE: 'Iterate: learn from this pilot and try a better variant',
  STOP: 'Stop: every treatment does harm',
};

export function daysToDecision(days) {
  if (missing(days)) return 'No estimate yet: there is no traffic, or no difference to detect at the current rate.';
  if (days <= 0) return 'Enough data for a decision now.';
  const n = Math.ceil(days);
  return 'About ' + n + ' more ' + (n === 1 ? 'day' : 'days') + ' at the current rate.';
}

// Charts drawn by uPlot (served from its webjar). Each chart is labelled as an image and always sits beside a
// table with the same numbers, which is the accessible alternative.
import uPlot from '/webjars/uplot/dist/uPlot.esm.js';
import { h } from './dom.js';

const DAY = 86400;
const COLOURS = ['#1d70b8', '#d4351c', '#00703c', '#4c2c92', '#f47738', '#505a5f', '#912b88', '#28a197'];

function box(label, id) {
  return h('div', { class: 'likelab-chart', id, role: 'img', 'aria-label': label });
}

function width(node) {
  return Math.max(320, Math.min(960, node.clientWidth || 960));
}

/** Each comparison's difference (treatment minus control, in points) with its 95% interval, around zero. */
export function forestPlot(comparisons, label) {
  const node = box(label, 'forest-plot');
  const rows = comparisons.filter((c) => Array.isArray(c.ci95));
  const names = rows.map((c) => c.variant + ' · ' + c.kpi.replace(/_/g, ' '));
  const xs = rows.map((_, i) => i + 1);
  const est = rows.map((c) => c.absoluteLift * 100);
  const low = rows.map((c) => c.ci95[0] * 100);
  const high = rows.map((c) => c.ci95[1] * 100);
  const span = Math.max(1, ...low.map(Math.abs), ...high.map(Math.abs)) * 1.15;
  const whiskers = (u) => {
    const ctx = u.ctx;
    ctx.save();
    ctx.lineWidth = 3 * devicePixelRatio;
    const zero = u.valToPos(0, 'y', true);
    ctx.strokeStyle = '#505a5f';
    ctx.setLineDash([6, 6]);
    ctx.beginPath();
    ctx.moveTo(u.bbox.left, zero);
    ctx.lineTo(u.bbox.left + u.bbox.width, zero);
    ctx.stroke();
    ctx.setLineDash([]);
    rows.forEach((_, i) => {
      const x = u.valToPos(xs[i], 'x', true);
      ctx.strokeStyle = COLOURS[i % COLOURS.length];
      ctx.beginPath();
      ctx.moveTo(x, u.valToPos(low[i], 'y', true));
      ctx.lineTo(x, u.valToPos(high[i], 'y', true));
      ctx.stroke();
    });
    ctx.restore();
  };
  requestAnimationFrame(() => new uPlot({
    width: width(node), height: 320,
    scales: { x: { time: false, range: [0.5, rows.length + 0.5] }, y: { range: [-span, span] } },
    axes: [
      { values: (u, splits) => splits.map((v) => (Number.isInteger(v) ? names[v - 1] || '' : '')), incrs: [1], stroke: '#0b0c0c' },
      { label: 'Difference from control (percentage points)', stroke: '#0b0c0c' },
    ],
    legend: { show: false },
    cursor: { show: false },
    series: [{}, { label: 'Difference', stroke: '#0b0c0c', width: 0, points: { show: true, size: 12, fill: '#0b0c0c' } }],
    hooks: { draw: [whiskers] },
  }, [xs, est], node));
  return node;
}

/** Daily completion rate per variant: completers / starters of each UTC day. */
export function trendChart(days, variants, rateOf, label) {
  const node = box(label, 'trend-chart');
  const xs = days.map((d) => Date.parse(d + 'T00:00:00Z') / 1000);
  const data = [xs, ...variants.map((v) => days.map((d) => {
    const rate = rateOf(d, v);
    return rate === null ? null : rate * 100;
  }))];
  requestAnimationFrame(() => new uPlot({
    width: width(node), height: 320,
    // one day alone would otherwise be stretched over years: keep at least a day either side
    scales: { x: { range: (u, min, max) => (max - min < 2 * DAY ? [min - DAY, max + DAY] : [min, max]) }, y: { range: [0, 100] } },
    axes: [{ stroke: '#0b0c0c' }, { label: 'Completion rate (%)', stroke: '#0b0c0c' }],
    series: [{ label: 'Day (UTC)' }, ...variants.map((v, i) => ({
      label: v, stroke: COLOURS[i % COLOURS.length], width: 3, spanGaps: true, points: { show: true, size: 8 },
      value: (u, val) => (val === null ? '–' : val.toFixed(1) + '%'),
    }))],
  }, data, node));
  return node;
}

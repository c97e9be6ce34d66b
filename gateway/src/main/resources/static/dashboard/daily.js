// The daily trend (completion rate per UTC day and variant) with its table, and the CSV download.
import { getBlob } from './api.js';
import { button, h, inset, para, table } from './dom.js';
import { trendChart } from './charts.js';
import { integer, percent } from './format.js';

export function downloadCsv(id, status) {
  return button('Download daily counts (CSV)', async () => {
    status.textContent = 'Preparing the download…';
    try {
      const blob = await getBlob('/api/v1/experiments/' + encodeURIComponent(id) + '/results/daily', 'text/csv');
      const url = URL.createObjectURL(blob);
      const link = h('a', { href: url, download: 'experiment-' + id + '-daily.csv', hidden: true });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
      status.textContent = 'Downloaded experiment-' + id + '-daily.csv.';
    } catch (e) {
      status.textContent = 'The download failed: ' + e.message;
    }
  }, true, 'download-csv');
}

export function dailySection(daily) {
  const rows = (daily && daily.rows) || [];
  const heading = h('h2', { class: 'govuk-heading-m', id: 'trend' }, 'Daily trend');
  if (!rows.length) return h('section', { 'aria-labelledby': 'trend' }, heading, inset('No data yet: the daily trend appears after the first day with events.'));
  const days = [...new Set(rows.map((r) => r.day))].sort();
  const variants = [...new Set(rows.map((r) => r.variant))];
  const find = (d, v) => rows.find((r) => r.day === d && r.variant === v);
  const rateOf = (d, v) => {
    const r = find(d, v);
    return r && r.starters ? r.completers / r.starters : null;
  };
  const tableRows = rows.slice().sort((a, b) => a.day.localeCompare(b.day) || a.variant.localeCompare(b.variant)).map((r) => [
    r.day + ' · ' + r.variant, integer(r.subjects), integer(r.starters), integer(r.completers), integer(r.completions),
    r.starters ? percent(r.completers / r.starters) : 'No starters',
  ]);
  return h('section', { 'aria-labelledby': 'trend' }, heading,
    para('Completion rate (completers of the day / starters of the day) per variant. The same numbers are in the table below.', 'govuk-body-s'),
    trendChart(days, variants, rateOf, 'Line chart of the daily completion rate of ' + variants.join(', ') + ' over ' + days.length + ' days; the numbers are in the table of daily counts.'),
    table('Daily counts', ['Day and variant', 'Subjects', 'Starters', 'Completers', 'Completions', 'Completion rate'], tableRows, [1, 2, 3, 4, 5]));
}

// The results document of one pilot as tables a pilot team reads, plus the forest plot of the comparisons.
import { h, inset, para, table, warning } from './dom.js';
import { forestPlot } from './charts.js';
import {
  NONE, OUTCOME_WORDS, daysToDecision, decimal, duration, integer, interval, intervalPoints, kpiName, pValue, percent, points, tag,
} from './format.js';

const KPI_ORDER = ['completion_rate', 'satisfaction', 'digital_take_up', 'adoption_rate'];

function kpiCell(kpi) {
  if (!kpi) return NONE;
  if (kpi.value === null || kpi.value === undefined) return 'No data yet';
  return h('span', {}, percent(kpi.value), h('br'), h('span', { class: 'govuk-body-s' }, '95% interval ' + interval(kpi.ci95)),
    h('br'), h('span', { class: 'govuk-body-s' }, integer(kpi.numerator) + ' of ' + integer(kpi.denominator)));
}

function variantsTable(results) {
  const kpis = KPI_ORDER.filter((k) => results.variants.some((v) => v.kpis && v.kpis[k]));
  const rows = results.variants.map((v) => [
    v.variant, integer(v.subjects), integer(v.starters), integer(v.completers), integer(v.abandoners),
    ...kpis.map((k) => kpiCell(v.kpis[k])), decimal(v.meanScore, 1), duration(v.medianDurationMs), duration(v.p90DurationMs),
  ]);
  return table('Results per variant', ['Variant', 'Subjects', 'Starters', 'Completers', 'Abandoners',
    ...kpis.map(kpiName), 'Mean score', 'Median time to complete', '90th percentile time'], rows, [1, 2, 3, 4]);
}

function comparisonsSection(results) {
  const list = results.comparisons || [];
  if (!list.length) return inset('No comparisons yet: they appear once each variant has data.');
  const rows = list.map((c) => [
    c.variant, kpiName(c.kpi), percent(c.control), percent(c.treatment), points(c.absoluteLift),
    intervalPoints(c.ci95) + (c.ci95 ? ' points' : ''), pValue(c.pValue), pValue(c.adjustedPValue),
    c.sequential ? pValue(c.sequential.pValue) + ' (' + intervalPoints(c.sequential.ci95) + ')' : NONE,
    c.chanceToBeatControl === undefined || c.chanceToBeatControl === null ? NONE : percent(c.chanceToBeatControl),
    c.significant ? 'Yes' : 'No',
  ]);
  const summary = list.map((c) => c.variant + ' ' + c.kpi.replace(/_/g, ' ') + ' ' + points(c.absoluteLift)).join('; ');
  return h('div', {},
    h('h3', { class: 'govuk-heading-s' }, 'Difference from control with its 95% interval'),
    para('A dot right of zero means the treatment does better; an interval that crosses zero means the data cannot tell yet. The table below has the same numbers.', 'govuk-body-s'),
    forestPlot(list, 'Forest plot of each treatment against control: ' + summary + '. The numbers are in the comparisons table.'),
    table('Comparisons against control', ['Variant', 'KPI', 'Control', 'Treatment', 'Difference', '95% interval',
      'p-value', 'Adjusted p (Holm)', 'Always-valid p (interval)', 'Chance to beat control', 'Significant'], rows));
}

function recommendationSection(results) {
  const rec = results.recommendation;
  const progress = results.progress;
  const parts = [h('h2', { class: 'govuk-heading-m', id: 'recommendation' }, 'Recommendation')];
  if (!rec) return h('section', { 'aria-labelledby': 'recommendation' }, ...parts, inset('No recommendation yet.'));
  parts.push(h('p', { class: 'govuk-body', id: 'recommendation-outcome' }, tag(rec.outcome), ' ', OUTCOME_WORDS[rec.outcome] || ''));
  if (rec.variant) parts.push(para('Variant: ' + rec.variant));
  if (rec.reasons && rec.reasons.length) {
    parts.push(h('ul', { class: 'govuk-list govuk-list--bullet', id: 'recommendation-reasons' }, rec.reasons.map((r) => h('li', {}, r))));
  }
  if (progress) {
    parts.push(h('p', { class: 'govuk-body govuk-!-font-weight-bold', id: 'progress-estimate' }, daysToDecision(progress.estimatedDaysToDecision)));
    const perVariant = Array.isArray(progress.variants) ? progress.variants : [];
    if (perVariant.length) {
      parts.push(table('Progress towards a decision', ['Variant', 'Starters so far', 'Needed', 'Starters per day (last 7 days)'],
        perVariant.map((p) => [p.variant, integer(p.starters), integer(p.minimumStarters ?? results.minimumStarters),
          decimal(p.startersPerDay, 1)]), [1, 2, 3]));
    }
  } else {
    parts.push(para('The estimate of days to a decision is not available on this server yet.', 'govuk-hint'));
  }
  return h('section', { 'aria-labelledby': 'recommendation' }, ...parts);
}

export function resultsView(results) {
  const srm = results.srm;
  const srmWarning = srm && srm.mismatch
    ? warning('Sample ratio mismatch (p = ' + pValue(srm.pValue) + '): the variants did not get the share of subjects their '
      + 'weights planned. Check the assignment before trusting these results; this pilot cannot be recommended for scaling.')
    : null;
  if (!results.variants || !results.variants.length) {
    return [recommendationSection(results), inset(para('No data yet: no usage events have been counted for this pilot.'),
      para('Results appear here within seconds of the first events.'))];
  }
  return [
    srmWarning,
    recommendationSection(results),
    h('h2', { class: 'govuk-heading-m' }, 'Results'),
    para(integer(results.eventsCounted) + ' events counted, as of ' + new Date(results.asOf).toISOString().replace('T', ' ').slice(0, 19) + ' UTC. Primary KPI: ' + kpiName(results.primaryKpi) + '.', 'govuk-body-s'),
    variantsTable(results),
    comparisonsSection(results),
    srm && !srm.mismatch ? para('No sample ratio mismatch (p = ' + pValue(srm.pValue) + ').', 'govuk-body-s') : null,
  ];
}

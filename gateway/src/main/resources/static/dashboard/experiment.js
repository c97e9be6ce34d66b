// One pilot: its definition, the recommendation and results (kept live from the SSE stream), the daily
// trend, the CSV download, the lifecycle actions and the history.
import { getJson, getOptional, stream } from './api.js';
import { h, heading, notice, summaryList } from './dom.js';
import { resultsView } from './results-view.js';
import { dailySection, downloadCsv } from './daily.js';
import { historySection } from './history.js';
import { lifecycleSection } from './lifecycle.js';
import { dateTime, humanise, integer, kpiName, NONE, tag } from './format.js';

const RECONNECT_MS = 3000;
const DAILY_REFRESH_MS = 5000;

function definition(e) {
  return summaryList([
    ['Status', tag(e.status)],
    ['Hypothesis', e.hypothesis || NONE],
    ['E-service', e.service],
    ['Organisation', e.organisation],
    ['Variants', (e.variants || []).map((v) => v.key + ' (' + v.weight + '%)' + (v.key === e.controlVariant ? ', control' : '')).join('; ')],
    ['Primary KPI', kpiName(e.primaryKpi)],
    ['Guardrail KPIs', (e.guardrailKpis || []).map(kpiName).join(', ') || 'None'],
    ['Minimum starters per variant', integer(e.minimumStarters)],
    e.eligiblePopulation ? ['Eligible population', integer(e.eligiblePopulation)] : null,
    ['Always-valid (sequential) testing', e.sequentialTesting === false ? 'No: analysed once, at a planned end' : 'Yes'],
    ['Started', dateTime(e.startedAt)],
    e.completedAt ? ['Completed', dateTime(e.completedAt)] : null,
    e.decision ? ['Decision', humanise(e.decision.outcome) + ': ' + e.decision.rationale] : null,
    e.iterationOf ? ['Iteration of', h('a', { class: 'govuk-link', href: '#/experiments/' + encodeURIComponent(e.iterationOf) }, e.iterationOf)] : null,
    e.iterations && e.iterations.length ? ['Follow-up pilots', h('span', {}, e.iterations.map((id) =>
      h('a', { class: 'govuk-link govuk-!-margin-right-2', href: '#/experiments/' + encodeURIComponent(id) }, id)))] : null,
  ]);
}

export async function experimentPage({ show, parts, signal, flash, reload }) {
  const id = parts[1];
  const path = '/api/v1/experiments/' + encodeURIComponent(id);
  const [experiment, results, daily, history] = await Promise.all([
    getJson(path, signal), getOptional(path + '/results', signal), getOptional(path + '/results/daily', signal),
    getOptional(path + '/history', signal),
  ]);
  const state = { results };
  const resultsRegion = h('div', { id: 'results-region' }, results ? resultsView(results) : resultsView({ variants: [] }));
  const dailyRegion = h('div', { id: 'daily-region' }, dailySection(daily));
  const live = h('p', { class: 'govuk-body-s likelab-live likelab-live--stopped', id: 'live-status', role: 'status' }, 'Connecting to live updates…');
  const downloadStatus = h('p', { class: 'govuk-body-s', id: 'download-status', role: 'status' });
  const onDone = (updated, done) => reload('Pilot ' + done + ': “' + updated.name + '” is now ' + humanise(updated.status).toLowerCase() + '. The change is in the history below.');
  show(
    flash ? notice(flash) : null,
    heading(experiment.name, experiment.service),
    definition(experiment),
    live,
    resultsRegion,
    dailyRegion,
    downloadCsv(id, downloadStatus), downloadStatus,
    lifecycleSection(experiment, () => state.results && state.results.recommendation, onDone),
    historySection(history),
  );
  if (flash) document.getElementById('notice').focus();
  keepLive(path, signal, live, state, resultsRegion, dailyRegion);
}

async function keepLive(path, signal, live, state, resultsRegion, dailyRegion) {
  let dailyAt = Date.now();
  while (!signal.aborted) {
    try {
      await stream(path + '/results/stream', signal, async (results) => {
        state.results = results;
        resultsRegion.replaceChildren(...resultsView(results).filter(Boolean));
        live.className = 'govuk-body-s likelab-live';
        live.textContent = 'Live: updated ' + new Date().toISOString().slice(11, 19) + ' UTC, ' + integer(results.eventsCounted) + ' events counted.';
        if (Date.now() - dailyAt > DAILY_REFRESH_MS) {
          dailyAt = Date.now();
          const daily = await getOptional(path + '/results/daily', signal);
          dailyRegion.replaceChildren(dailySection(daily));
        }
      });
    } catch (e) {
      if (signal.aborted) return;
      live.className = 'govuk-body-s likelab-live likelab-live--stopped';
      live.textContent = 'Live updates interrupted (' + e.message + '). Reconnecting…';
    }
    await new Promise((resolve) => setTimeout(resolve, RECONNECT_MS));
  }
}

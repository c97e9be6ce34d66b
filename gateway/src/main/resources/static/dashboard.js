(function () {
  'use strict';
  var el = function (id) { return document.getElementById(id); };
  var key = sessionStorage.getItem('likelab-key') || '';
  el('api-key').value = key;

  function api(path) {
    return fetch(path, { headers: { 'Authorization': 'Bearer ' + key, 'Accept': 'application/json' } })
      .then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (body) {
          if (!response.ok) { throw new Error(body.detail || body.title || ('HTTP ' + response.status)); }
          return body;
        });
      });
  }

  function cell(row, text) {
    var td = document.createElement('td');
    td.textContent = text === null || text === undefined ? '–' : String(text);
    row.appendChild(td);
    return td;
  }

  function percent(value) {
    return value === null || value === undefined ? '–' : (value * 100).toFixed(1) + '%';
  }

  function showError(error) {
    el('error').textContent = error.message;
    el('error').hidden = false;
  }

  function loadExperiments() {
    el('error').hidden = true;
    api('/api/v1/experiments').then(function (body) {
      var rows = el('experiment-rows');
      rows.replaceChildren();
      (body.items || []).forEach(function (experiment) {
        var row = document.createElement('tr');
        cell(row, experiment.name);
        cell(row, experiment.service);
        cell(row, '').appendChild(Object.assign(document.createElement('span'),
          { className: 'tag', textContent: experiment.status }));
        cell(row, experiment.primaryKpi);
        var button = Object.assign(document.createElement('button'), { className: 'link', textContent: 'Results' });
        button.addEventListener('click', function () { loadResults(experiment); });
        cell(row, '').appendChild(button);
        rows.appendChild(row);
      });
      el('experiments').hidden = false;
    }).catch(showError);
  }

  function loadResults(experiment) {
    el('error').hidden = true;
    api('/api/v1/experiments/' + encodeURIComponent(experiment.id) + '/results').then(function (results) {
      el('results-title').textContent = 'Results: ' + experiment.name;
      var recommendation = results.recommendation || {};
      el('results-summary').textContent = 'Events counted: ' + results.eventsCounted +
        '. Recommendation: ' + (recommendation.outcome || '–') +
        (recommendation.reasons ? ' (' + recommendation.reasons.join('; ') + ')' : '');
      var rows = el('result-rows');
      rows.replaceChildren();
      (results.variants || []).forEach(function (variant) {
        var kpis = variant.kpis || {};
        var completion = kpis.completion_rate || {};
        var satisfaction = kpis.satisfaction || {};
        var row = document.createElement('tr');
        cell(row, variant.variant);
        cell(row, variant.subjects);
        cell(row, variant.starters);
        cell(row, variant.completers);
        cell(row, percent(completion.value));
        cell(row, completion.ci95 ? percent(completion.ci95[0]) + ' to ' + percent(completion.ci95[1]) : '–');
        cell(row, percent(satisfaction.value));
        rows.appendChild(row);
      });
      el('results').hidden = false;
    }).catch(showError);
  }

  el('key-form').addEventListener('submit', function (event) {
    event.preventDefault();
    key = el('api-key').value.trim();
    sessionStorage.setItem('likelab-key', key);
    loadExperiments();
  });
  if (key) { loadExperiments(); }
})();

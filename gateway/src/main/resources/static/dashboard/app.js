// The dashboard's router: one page per location hash, the sign-in page whenever no credential is kept.
import { initAll } from '/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js';
import { ApiError, credential } from './api.js';
import { errorSummary, heading } from './dom.js';
import { signIn } from './sign-in.js';
import { experimentList } from './experiments.js';
import { experimentPage } from './experiment.js';
import { portfolioPage } from './portfolio.js';
import { comparisonPage } from './comparison.js';

const page = document.getElementById('page');
const navigation = document.getElementById('navigation');
let cleanup = null;

function parse() {
  const [path, query] = (location.hash.replace(/^#/, '') || '/experiments').split('?');
  return { parts: path.split('/').filter(Boolean).map(decodeURIComponent), params: new URLSearchParams(query || '') };
}

function route(parts) {
  if (parts[0] === 'experiments' && parts.length === 2) return [experimentPage, 'experiments'];
  if (parts[0] === 'portfolio') return [portfolioPage, 'portfolio'];
  if (parts[0] === 'comparison') return [comparisonPage, 'comparison'];
  return [experimentList, 'experiments'];
}

function markCurrent(section) {
  for (const link of navigation.querySelectorAll('[data-nav]')) {
    const current = link.dataset.nav === section;
    link.parentElement.classList.toggle('govuk-service-navigation__item--active', current);
    if (current) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

/** Replaces the page's content, names the page in the title and moves focus to its heading. */
export function show(...nodes) {
  page.replaceChildren(...nodes.flat().filter(Boolean));
  const h1 = page.querySelector('h1');
  document.title = (h1 ? h1.textContent + ' – ' : '') + 'LIKE Lab';
  initAll({ scope: page });
  (page.querySelector('.govuk-error-summary') || h1 || page).focus();
}

async function render(flash) {
  if (cleanup) cleanup();
  cleanup = null;
  const { parts, params } = parse();
  if (parts[0] === 'sign-out') {
    credential.clear();
    location.hash = '#/sign-in';
    return;
  }
  navigation.hidden = !credential.get();
  if (parts[0] === 'sign-in' || !credential.get()) {
    signIn(show, parts[0] === 'sign-in' ? null : 'Sign in with your key to see your organisation’s pilots.');
    return;
  }
  const [pageFn, section] = route(parts);
  markCurrent(section);
  const controller = new AbortController();
  cleanup = () => controller.abort();
  try {
    await pageFn({ show, parts, params, signal: controller.signal, flash: typeof flash === 'string' ? flash : null, reload: render });
  } catch (e) {
    if (e.name === 'AbortError') return;
    if (e instanceof ApiError && e.status === 401) {
      credential.clear();
      navigation.hidden = true;
      signIn(show, null, e.message);
      return;
    }
    show(heading('Sorry, the page could not be shown'), errorSummary(e instanceof ApiError ? e.message : 'Something went wrong in the dashboard.'));
  }
}

initAll();
window.addEventListener('hashchange', render);
render();

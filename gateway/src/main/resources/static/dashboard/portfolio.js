// The organisation's innovation capacity: pilots by status, decisions taken, time to decision, iteration
// chains and pilots waiting for a decision (GET /api/v1/portfolio).
import { getOptional } from './api.js';
import { heading, inset, para } from './dom.js';
import { render } from './generic.js';

export async function portfolioPage({ show, params, signal }) {
  const query = params.get('organisation') ? '?organisation=' + encodeURIComponent(params.get('organisation')) : '';
  const portfolio = await getOptional('/api/v1/portfolio' + query, signal);
  if (portfolio === null) {
    show(heading('Portfolio', 'Your organisation'), inset(para('The portfolio is not available on this server yet.'),
      para('It lists the pilots by status, the decisions taken and the time from start to decision.')));
    return;
  }
  show(heading('Portfolio', 'Your organisation'),
    para('How your organisation learns from its pilots: what runs, what was decided, and how fast.'),
    ...render(portfolio));
}

// Every call to the public API: the credential from sessionStorage as a bearer token, and errors turned into
// messages a person understands.
const KEY = 'likelab-credential';

export const credential = {
  get: () => sessionStorage.getItem(KEY),
  set: (value) => sessionStorage.setItem(KEY, value),
  clear: () => sessionStorage.removeItem(KEY),
};

export class ApiError extends Error {
  constructor(status, message, problem) {
    super(message);
    this.status = status;
    this.problem = problem;
  }
}

const MESSAGES = {
  0: 'The service is unavailable: the dashboard could not reach it. Check your connection and try again.',
  401: 'This key or token was not recognised. Check it and sign in again.',
  403: 'Your key is not allowed to do this.',
  404: 'Not found: it does not exist, or it belongs to another organisation.',
  409: 'This change is not possible in the pilot’s current status.',
  412: 'Someone else changed this pilot meanwhile. Reload the page and try again.',
  429: 'Too many requests in a short time. Wait a moment and try again.',
  503: 'The service is unavailable at the moment. Try again in a few minutes.',
  504: 'The service took too long to answer. Try again in a few minutes.',
};

export function messageFor(status, problem) {
  if (status === 400 && problem && problem.detail) return 'The request was not valid: ' + problem.detail;
  return MESSAGES[status] || (status >= 500 ? MESSAGES[503] : 'Something went wrong (status ' + status + ').');
}

function headers(accept, json) {
  const h = { Accept: accept, Authorization: 'Bearer ' + (credential.get() || '') };
  if (json) h['Content-Type'] = 'application/json';
  return h;
}

async function send(path, options) {
  let response;
  try {
    response = await fetch(path, options);
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, MESSAGES[0]);
  }
  if (!response.ok) {
    const problem = await response.json().catch(() => null);
    throw new ApiError(response.status, messageFor(response.status, problem), problem);
  }
  return response;
}

export async function getJson(path, signal) {
  const response = await send(path, { headers: headers('application/json'), signal });
  return response.json();
}

export async function postJson(path, body) {
  const response = await send(path, {
    method: 'POST',
    headers: headers('application/json', true),
    body: JSON.stringify(body || {}),
  });
  return response.json();
}

/** GET that answers null for a 404: for endpoints a server may not offer yet (history, portfolio). */
export async function getOptional(path, signal) {
  try {
    return await getJson(path, signal);
  } catch (e) {
    if (e.status === 404) return null;
    throw e;
  }
}

export async function getBlob(path, accept) {
  const response = await send(path, { headers: headers(accept) });
  return response.blob();
}

/**
 * Server-Sent Events over fetch(), because EventSource cannot send an Authorization header. Calls onEvent with
 * each event's parsed data until the stream ends, the signal aborts or an error occurs.
 */
export async function stream(path, signal, onEvent) {
  const response = await send(path, { headers: headers('text/event-stream'), signal });
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value.replace(/\r\n?/g, '\n');
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = block.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).replace(/^ /, ''));
      if (data.length) onEvent(JSON.parse(data.join('\n')));
    }
  }
}

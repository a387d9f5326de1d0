// The hub's public API, called with the signed-in user's bearer token. Errors arrive as RFC 9457 problem+json; they
// are thrown as ApiProblem so that pages can show the stable code and put each field error next to its field.
import { session, signOut } from './session.js';

export class ApiProblem extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
    this.status = status;
    this.code = problem && problem.code;
    this.errors = (problem && problem.errors) || [];
  }
}

export async function api(path, { method = 'GET', body, query } = {}) {
  const url = new URL(path, location.origin);
  Object.entries(query || {}).forEach(([name, value]) => {
    if (value !== undefined && value !== null && value !== '') url.searchParams.set(name, value);
  });
  const headers = { Accept: 'application/json' };
  if (session.token) headers.Authorization = `Bearer ${session.token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  const payload = text ? JSON.parse(text) : null;
  if (response.status === 401) signOut();
  if (!response.ok) throw new ApiProblem(response.status, payload);
  return payload;
}

/**
 * A call whose body or answer is not JSON (a file sent as the raw body, a file or report received): answers the
 * Response once it is ok, throws ApiProblem (from its problem+json) otherwise.
 */
export async function request(path, { method = 'GET', body, query, contentType, accept = 'application/json' } = {}) {
  const url = new URL(path, location.origin);
  Object.entries(query || {}).forEach(([name, value]) => {
    if (value !== undefined && value !== null && value !== '') url.searchParams.set(name, value);
  });
  const headers = { Accept: accept };
  if (session.token) headers.Authorization = `Bearer ${session.token}`;
  if (contentType) headers['Content-Type'] = contentType;
  const response = await fetch(url, { method, headers, body });
  if (response.status === 401) signOut();
  if (!response.ok) {
    const text = await response.text();
    let problem = null;
    try {
      problem = text ? JSON.parse(text) : null;
    } catch (e) {
      problem = { detail: text };
    }
    throw new ApiProblem(response.status, problem);
  }
  return response;
}

/**
 * Follows a server-sent event stream with the bearer token (EventSource cannot send one): calls onEvent with each
 * event's parsed JSON data until the stream ends; returns a function that stops following.
 */
export function follow(path, onEvent, onError) {
  const controller = new AbortController();
  (async () => {
    try {
      const response = await fetch(new URL(path, location.origin), {
        headers: { Accept: 'text/event-stream', Authorization: `Bearer ${session.token}` },
        signal: controller.signal,
      });
      if (!response.ok) {
        const text = await response.text();
        throw new ApiProblem(response.status, text ? JSON.parse(text) : null);
      }
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block.split('\n').filter((line) => line.startsWith('data:')).map((line) => line.slice(5).trim()).join('\n');
          if (data) onEvent(JSON.parse(data));
        }
      }
    } catch (e) {
      if (e.name !== 'AbortError' && onError) onError(e);
    }
  })();
  return () => controller.abort();
}

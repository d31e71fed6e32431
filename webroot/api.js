// JSON client for the hub's /api/v1. Cookies carry the session (same origin).

export class ApiError extends Error {
  constructor(status, body) {
    super((body && body.message) || `HTTP ${status}`);
    this.status = status;
    this.code = body && body.error_code;
    this.validationErrors = (body && body.validation_errors) || [];
  }
}

let onUnauthenticated = () => {};

/** Called whenever a request (other than the session calls) answers 401. */
export function setUnauthenticatedHandler(fn) {
  onUnauthenticated = fn;
}

async function request(method, path, body, { quiet401 = false } = {}) {
  const init = { method, credentials: 'same-origin', headers: { Accept: 'application/json' } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const res = await fetch(`/api/v1${path}`, init);
  const text = res.status === 204 ? '' : await res.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = { message: text.slice(0, 200) };
  }
  if (!res.ok) {
    if (res.status === 401 && !quiet401) onUnauthenticated();
    throw new ApiError(res.status, data);
  }
  return data;
}

const query = (params) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
};

const id = encodeURIComponent;

export const api = {
  currentSession: () => request('GET', '/session', undefined, { quiet401: true }),
  login: (username, password) => request('POST', '/session', { username, password }, { quiet401: true }),
  logout: () => request('DELETE', '/session', undefined, { quiet401: true }),
  health: () => request('GET', '/health'),
  cases: ({ status, sort, limit }) => request('GET', `/cases${query({ status, sort, limit })}`),
  caseDetail: (caseId) => request('GET', `/cases/${id(caseId)}`),
  updateCase: (caseId, patch) => request('PATCH', `/cases/${id(caseId)}`, patch),
  sendReply: (caseId, body) => request('POST', `/cases/${id(caseId)}/replies`, body),
  checkReply: (caseId, text) => request('POST', `/cases/${id(caseId)}/reply-check`, { text }),
  templates: () => request('GET', '/templates'),
};

// JSON client for the hub's /api/v1. Cookies carry the session (same origin); every
// state-changing request also carries the session's CSRF token, which only this page can read.

export class ApiError extends Error {
  constructor(status, body) {
    super((body && body.message) || `HTTP ${status}`);
    this.status = status;
    this.code = body && body.error_code;
    this.validationErrors = (body && body.validation_errors) || [];
    this.body = body || {};
  }
}

let onUnauthenticated = () => {};
let onSessionChanged = async () => false;
let csrfToken = null;

/** Called whenever a request (other than the session calls) answers 401. */
export function setUnauthenticatedHandler(fn) {
  onUnauthenticated = fn;
}

/**
 * Called when the hub refuses this page's CSRF token: the cookie now belongs to another session
 * (another tab signed in). fn() re-reads GET /session and answers whether the request may be
 * retried (same user, new session) — otherwise the page reloads its state as the new user.
 */
export function setSessionChangedHandler(fn) {
  onSessionChanged = fn;
}

/** Keeps the token of the session the server just described ({ username, roles, csrfToken }). */
function remember(session) {
  csrfToken = (session && session.csrfToken) || null;
  return session;
}

async function send(method, path, body) {
  const init = { method, credentials: 'same-origin', headers: { Accept: 'application/json' } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  if (method !== 'GET' && csrfToken) init.headers['X-CSRF-Token'] = csrfToken;
  const res = await fetch(`/api/v1${path}`, init);
  const text = res.status === 204 ? '' : await res.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = { message: text.slice(0, 200) };
  }
  return { res, data };
}

async function request(method, path, body, { quiet401 = false, retried = false } = {}) {
  const { res, data } = await send(method, path, body);
  if (res.ok) return data;
  if (res.status === 401 && !quiet401) onUnauthenticated();
  if (res.status === 403 && data && data.error_code === 'csrf_rejected' && !retried && !quiet401) {
    if (await onSessionChanged()) return request(method, path, body, { quiet401, retried: true });
  }
  throw new ApiError(res.status, data);
}

const query = (params) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
};

const id = encodeURIComponent;

export const api = {
  currentSession: () => request('GET', '/session', undefined, { quiet401: true }).then(remember),
  login: (username, password) => request('POST', '/session', { username, password }, { quiet401: true }).then(remember),
  logout: () => request('DELETE', '/session', undefined, { quiet401: true }).finally(() => remember(null)),
  health: () => request('GET', '/health'),
  cases: ({ status, brand, sort, limit }) => request('GET', `/cases${query({ status, brand, sort, limit })}`),
  brands: () => request('GET', '/brands'),
  caseDetail: (caseId) => request('GET', `/cases/${id(caseId)}`),
  updateCase: (caseId, patch) => request('PATCH', `/cases/${id(caseId)}`, patch),
  sendReply: (caseId, body) => request('POST', `/cases/${id(caseId)}/replies`, body),
  checkReply: (caseId, text) => request('POST', `/cases/${id(caseId)}/reply-check`, { text }),
  templates: () => request('GET', '/templates'),
  approvals: () => request('GET', '/approvals'),
  decideApproval: (replyId, body) => request('POST', `/approvals/${id(replyId)}`, body),
  connectors: () => request('GET', '/connectors'),
  setConnectorEnabled: (name, enabled) => request('PATCH', `/connectors/${id(name)}`, { enabled }),
  audit: (filters) => request('GET', `/audit${query(filters)}`),
  auditCsvUrl: (filters) => `/api/v1/audit/export.csv${query(filters)}`,
  users: () => request('GET', '/users'),
  createUser: (body) => request('POST', '/users', body),
  updateUser: (username, patch) => request('PATCH', `/users/${id(username)}`, patch),
  agents: () => request('GET', '/agents'),
  teams: () => request('GET', '/teams'),
  setPresence: (caseId, state) => request('PUT', `/cases/${id(caseId)}/presence`, { state }),
};

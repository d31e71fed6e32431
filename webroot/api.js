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
  cases: (params) => request('GET', `/cases${query(params)}`),
  caseCounts: (filters) => request('GET', `/cases/counts${query(filters)}`),
  views: () => request('GET', '/views'),
  createView: (body) => request('POST', '/views', body),
  deleteView: (viewId) => request('DELETE', `/views/${id(viewId)}`),
  brands: () => request('GET', '/brands'),
  caseDetail: (caseId) => request('GET', `/cases/${id(caseId)}`),
  updateCase: (caseId, patch) => request('PATCH', `/cases/${id(caseId)}`, patch),
  sendReply: (caseId, body) => request('POST', `/cases/${id(caseId)}/replies`, body),
  checkReply: (caseId, text, inReplyTo) => request('POST', `/cases/${id(caseId)}/reply-check`, { text, inReplyTo }),
  caseModeration: (caseId) => request('GET', `/cases/${id(caseId)}/moderation`),
  moderate: (mentionId, action) => request('POST', `/mentions/${id(mentionId)}/moderation`, { action }),
  templates: (brand) => request('GET', `/templates${query({ brand })}`),
  templatePreview: (caseId, body) => request('POST', `/cases/${id(caseId)}/template-preview`, body),
  createTemplate: (body) => request('POST', '/templates', body),
  updateTemplate: (templateId, patch) => request('PATCH', `/templates/${id(templateId)}`, patch),
  deleteTemplate: (templateId) => request('DELETE', `/templates/${id(templateId)}`),
  approvals: () => request('GET', '/approvals'),
  decideApproval: (replyId, body) => request('POST', `/approvals/${id(replyId)}`, body),
  connectors: () => request('GET', '/connectors'),
  setConnectorEnabled: (name, enabled) => request('PATCH', `/connectors/${id(name)}`, { enabled }),
  audit: (filters) => request('GET', `/audit${query(filters)}`),
  auditCsvUrl: (filters) => `/api/v1/audit/export.csv${query(filters)}`,
  slaPolicy: () => request('GET', '/policies/sla'),
  setSlaPolicy: (body) => request('PUT', '/policies/sla', body),
  analytics: (filters) => request('GET', `/analytics/overview${query(filters)}`),
  analyticsCsvUrl: (filters) => `/api/v1/analytics/export.csv${query(filters)}`,
  users: () => request('GET', '/users'),
  createUser: (body) => request('POST', '/users', body),
  updateUser: (username, patch) => request('PATCH', `/users/${id(username)}`, patch),
  addNote: (caseId, text) => request('POST', `/cases/${id(caseId)}/notes`, { text }),
  mergeCase: (caseId, from) => request('POST', `/cases/${id(caseId)}/merge`, { from }),
  bulk: (ids, action, value) => request('POST', '/cases/bulk', { ids, action, value }),
  tags: () => request('GET', '/tags'),
  saveTags: (tags) => request('PUT', '/tags', { tags }),
  problems: () => request('GET', '/problems'),
  problem: (problemId) => request('GET', `/problems/${id(problemId)}`),
  createProblem: (body) => request('POST', '/problems', body),
  updateProblem: (problemId, patch) => request('PATCH', `/problems/${id(problemId)}`, patch),
  linkCases: (problemId, caseIds) => request('POST', `/problems/${id(problemId)}/cases`, { caseIds }),
  problemNote: (problemId, text) => request('POST', `/problems/${id(problemId)}/notes`, { text }),
  suggestions: (problemId) => request('GET', `/problems/${id(problemId)}/suggestions`),
  problemBroadcasts: (problemId) => request('GET', `/problems/${id(problemId)}/broadcasts`),
  decideSuggestion: (problemId, caseId, decision) =>
    request('POST', `/problems/${id(problemId)}/suggestions/${id(caseId)}`, { decision }),
  departments: () => request('GET', '/departments'),
  alerts: () => request('GET', '/alerts'),
  broadcasts: () => request('GET', '/broadcasts'),
  broadcast: (broadcastId) => request('GET', `/broadcasts/${id(broadcastId)}`),
  createBroadcast: (body) => request('POST', '/broadcasts', body),
  previewBroadcast: (body) => request('POST', '/broadcasts/preview', body),
  pauseBroadcast: (broadcastId) => request('POST', `/broadcasts/${id(broadcastId)}/pause`, {}),
  resumeBroadcast: (broadcastId) => request('POST', `/broadcasts/${id(broadcastId)}/resume`, {}),
  broadcastTemplates: () => request('GET', '/broadcast-templates'),
  engagement: (replyId) => request('GET', `/replies/${id(replyId)}/engagement`),
  agents: () => request('GET', '/agents'),
  teams: () => request('GET', '/teams'),
  createTeam: (body) => request('POST', '/teams', body),
  updateTeam: (name, patch) => request('PATCH', `/teams/${id(name)}`, patch),
  deleteTeam: (name) => request('DELETE', `/teams/${id(name)}`),
  routingPolicy: () => request('GET', '/policies/routing'),
  setRoutingPolicy: (body) => request('PUT', '/policies/routing', body),
  setPresence: (caseId, state) => request('PUT', `/cases/${id(caseId)}/presence`, { state }),
};

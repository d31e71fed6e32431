// Which cases the inbox lists and in what order, as the server decides them, so a case told live
// lands where a reload would put it.
const NEVER = Number.MAX_SAFE_INTEGER;

// The server's orders (find/SortOrders): open work first, the sort's keys, then the id.
export const ts = (iso) => Date.parse(iso) || 0;
const rank = (c) => (c.status === 'new' || c.status === 'open' ? 0 : c.status === 'pending' ? 1 : 2);
const prio = (c) => c.priority?.value ?? 0;
const last = (c) => ts(c.lastMentionAt || c.createdAt);
const waiting = (c) => (rank(c) !== 0 ? NEVER : ts(c.firstResponseAt ? c.lastMentionAt : c.createdAt));
const due = (c) => (c.sla?.dueAt ? ts(c.sla.dueAt) : NEVER);
const byId = (a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const ORDERS = {
  priority: (a, b) => prio(b) - prio(a) || last(b) - last(a),
  newest: (a, b) => last(b) - last(a),
  oldest: (a, b) => last(a) - last(b),
  waiting: (a, b) => waiting(a) - waiting(b) || prio(b) - prio(a),
  sla: (a, b) => due(a) - due(b) || prio(b) - prio(a),
};
export const comparator = (sort) => (a, b) => rank(a) - rank(b) || (ORDERS[sort] || ORDERS.priority)(a, b) || byId(a, b);

/**
 * Whether a case passes the filters: true, false, or null when the page cannot tell (a search
 * or a field the case's JSON does not carry); such a case is only kept if already listed.
 */
export function passes(c, f, me) {
  const checks = [];
  if (f.status) checks.push(f.status.split(',').includes(c.status));
  if (f.brand) checks.push(c.brand === f.brand);
  if (f.platform) checks.push(c.platform === f.platform);
  if (f.assignee) {
    if (f.assignee === 'none') checks.push(!c.assignee);
    else if (f.assignee.startsWith('team:')) checks.push(c.team === undefined ? null : c.team === f.assignee.slice(5));
    else checks.push(c.assignee === (f.assignee === 'me' ? me.username : f.assignee));
  }
  if (f.tag) checks.push((c.tags || []).includes(f.tag));
  if (f.sentiment) checks.push(c.triage?.label === f.sentiment);
  if (f.reason) checks.push((c.triage?.reasons || []).some((r) => r.code === f.reason));
  if (f.priorityMin) checks.push(prio(c) >= Number(f.priorityMin));
  if (f.priorityMax) checks.push(prio(c) <= Number(f.priorityMax));
  if (f.from) checks.push(last(c) >= ts(f.from));
  if (f.to) checks.push(last(c) < ts(f.to) + (f.to.length === 10 ? 86400000 : 0));
  if (f.sla) checks.push(c.sla === undefined ? null : c.sla?.state === f.sla);
  if (f.problem) checks.push(c.problemId === undefined ? null : c.problemId === f.problem);
  if (f.q) checks.push(null);
  if (checks.includes(false)) return false;
  return checks.includes(null) ? null : true;
}

/** The sort asked for when the server knows it, else the default. */
export const knownSort = (sort) => (ORDERS[sort] ? sort : 'priority');

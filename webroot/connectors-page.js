// The connector accounts page (managers and admins): every account with its brand, platform,
// status, lag, rate-limit window, last error, counts and budget; admins switch polling on and
// off. The hub never sends credentials, and every value goes in as text (dom.js h()).
import { api } from './api.js';
import { h, replaceChildren } from './dom.js';
import { dateTime, humanize, platformName } from './format.js';

/** "42s", "5m", "3h 10m", "2d": how long ago, from a count of seconds. */
function duration(seconds) {
  if (typeof seconds !== 'number') return '—';
  if (seconds < 60) return `${seconds}s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)}m`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)}h ${Math.round((seconds % 3600) / 60)}m`;
  return `${Math.round(seconds / 86400)}d`;
}

function budgetText(b) {
  if (!b) return '—';
  const parts = [];
  if (b.money && (b.money.cap != null || b.money.spent > 0)) {
    parts.push(`$${b.money.spent.toFixed(2)}${b.money.cap != null ? ` of $${b.money.cap.toFixed(2)}` : ''}`);
  }
  if (b.requests && b.requests.limit != null) parts.push(`${b.requests.used}/${b.requests.limit} req`);
  if (b.level && b.level !== 'ok') parts.push(b.level);
  return parts.join(' · ') || '—';
}

function rateLimitText(r) {
  if (r.limited) return `limited until ${dateTime(r.until)}`;
  if (r.requestLimit != null) return `${r.requestLimit} per ${duration(r.windowSeconds)}`;
  return 'platform limits';
}

export function createConnectorsPage(root, { me }) {
  const isAdmin = (me.roles || []).includes('admin');
  const accounts = new Map(); // name → account as GET /connectors answers it
  const body = h('tbody', { testid: 'connector-rows' });
  const error = h('div', { class: 'form-error', testid: 'connectors-error', role: 'alert', hidden: true });
  const head = ['Account', 'Brand', 'Platform', 'Status', 'Lag', 'Last poll', 'Rate limit', 'Last error', 'Read', 'Skipped', 'Budget'];
  replaceChildren(root, h('div', { class: 'approvals-head' }, h('h2', {}, 'Connector accounts')), error,
    h('table', { class: 'connector-table', testid: 'connector-table' },
      h('thead', {}, h('tr', {}, head.map((t) => h('th', {}, t)), isAdmin ? h('th', {}, 'Polling') : null)), body));

  function toggle(a) {
    const label = a.enabled ? 'Disable' : 'Enable';
    return h('button', {
      type: 'button', class: ['btn', 'small', a.enabled ? 'danger' : 'primary'], testid: 'connector-toggle',
      disabled: !a.runs, title: a.runs ? `${label} polling on every instance` : a.problem,
      'aria-pressed': String(a.enabled),
      on: { click: () => setEnabled(a.name, !a.enabled) },
    }, label);
  }

  function row(a) {
    const state = a.status.state;
    return h('tr', { testid: 'connector-row', dataset: { account: a.name, state, enabled: String(a.enabled) } },
      h('td', {}, h('strong', {}, a.name)),
      h('td', {}, a.brand),
      h('td', {}, platformName(a.platform)),
      h('td', { testid: 'connector-state', title: a.status.detail || '' },
        h('span', { class: ['pill', `state-${state}`] }, humanize(state)),
        a.status.detail ? h('div', { class: 'muted' }, a.status.detail) : null),
      h('td', { testid: 'connector-lag' }, duration(a.lag.seconds)),
      h('td', {}, a.lag.lastPollAt ? `${duration(a.lag.sinceLastPollSeconds)} ago` : 'never'),
      h('td', {}, rateLimitText(a.rateLimit)),
      h('td', { testid: 'connector-error' }, a.lastError || '—'),
      h('td', {}, String(a.counts.mentionsRead)),
      h('td', {}, String(a.counts.malformedSkipped)),
      h('td', {}, budgetText(a.budget)),
      isAdmin ? h('td', {}, toggle(a)) : null);
  }

  function render() {
    const sorted = [...accounts.values()].sort((x, y) => x.name.localeCompare(y.name));
    replaceChildren(body, sorted.length ? sorted.map(row) : h('tr', {}, h('td', { colspan: head.length + 1, class: 'muted' }, 'No connector accounts.')));
  }

  function showError(err) {
    error.textContent = err ? err.message : '';
    error.hidden = !err;
  }

  async function setEnabled(name, enabled) {
    showError(null);
    try {
      const a = await api.setConnectorEnabled(name, enabled);
      // The status in this answer may be older than one the live feed already brought (the
      // switch's own "disabled" can arrive first): keep the live one, take the switch from here.
      const shown = accounts.get(a.name);
      accounts.set(a.name, shown ? { ...a, status: shown.status, counts: shown.counts, lastError: shown.lastError } : a);
      render();
    } catch (err) {
      showError(err);
    }
  }

  let arrivedWhileLoading = null; // statuses told while a load was in flight: newer than what it read

  async function load() {
    arrivedWhileLoading = [];
    try {
      const page = await api.connectors();
      accounts.clear();
      for (const a of page.items) accounts.set(a.name, a);
    } finally {
      const late = arrivedWhileLoading;
      arrivedWhileLoading = null;
      late.forEach(applyStatus);
    }
    render();
  }

  /** A connector.status_changed payload: the state, detail and counts move at once. */
  function applyStatus(s) {
    if (arrivedWhileLoading && s) arrivedWhileLoading.push(s);
    const a = s && accounts.get(s.account);
    if (!a) return;
    accounts.set(a.name, {
      ...a,
      status: { state: s.state, detail: s.detail, until: s.until },
      counts: { mentionsRead: s.mentionsRead ?? 0, malformedSkipped: s.malformedSkipped ?? 0 },
      budget: s.budget ?? a.budget,
      lastError: ['failing', 'unauthorized', 'rate_limited'].includes(s.state) ? s.detail : null,
    });
    render();
  }

  return { load, applyStatus };
}

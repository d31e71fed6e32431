// Top-bar status pills: one per connector account (with its spend against its budget, live),
// plus the hub's own stores when not up.
import { h, replaceChildren, flash } from './dom.js';
import { clock, dateTime, humanize, platformName } from './format.js';

const usd = (n) => (typeof n === 'number' ? `$${n < 1 ? n.toFixed(3) : n.toFixed(2)}` : '');

const STATE_LABELS = {
  starting: 'starting', connected: 'connected', lagging: 'lagging', rate_limited: 'rate limited',
  unauthorized: 'unauthorized', failing: 'failing', disabled: 'disabled', standby: 'standby',
};

export function createConnectorBar(container) {
  const connectors = new Map();
  let stores = [];

  // An account stopped by its own budget is "over budget", not rate limited by the platform.
  function overBudget(c) {
    return c.state === 'rate_limited' && c.budget?.level === 'exhausted';
  }

  function pillText(c) {
    const label = overBudget(c) ? 'over budget' : (STATE_LABELS[c.state] || humanize(c.state));
    const until = c.state === 'rate_limited' && c.until
      ? ` until ${overBudget(c) ? dateTime(c.until) : clock(c.until)}` : '';
    return `${label}${until}`;
  }

  /** "$0.042 of $5.00" (money), else "12/900 req" (a request cap), else nothing. */
  function spendText(c) {
    const money = c.budget?.money;
    const requests = c.budget?.requests;
    if (money && (money.cap != null || money.spent > 0)) {
      return money.cap != null ? `${usd(money.spent)} of ${usd(money.cap)}` : usd(money.spent);
    }
    if (requests && requests.limit != null) return `${requests.used}/${requests.limit} req`;
    return '';
  }

  function budgetLines(c) {
    const b = c.budget;
    if (!b) return [];
    const lines = [];
    if (b.money && (b.money.cap != null || b.money.spent > 0)) {
      const left = b.money.remaining != null ? ` · ${usd(b.money.remaining)} left` : '';
      lines.push(`Spent this month ${usd(b.money.spent)}${b.money.cap != null ? ` of ${usd(b.money.cap)}` : ''}${left}`);
    }
    if (b.requests && b.requests.limit != null) {
      lines.push(`Requests ${b.requests.used} of ${b.requests.limit} until ${clock(b.requests.resetsAt)}`);
    }
    if (b.level !== 'ok') lines.push(b.level === 'exhausted' ? 'Budget exhausted' : 'Budget nearly used: polling less often');
    return lines;
  }

  function pillTitle(c) {
    return [
      `${platformName(c.platform)} · ${c.account}`,
      c.detail,
      c.state === 'rate_limited' && c.until
        ? `${overBudget(c) ? 'Over budget' : 'Rate limited'} until ${dateTime(c.until)}` : null,
      ...budgetLines(c),
      c.lastPollAt ? `Last poll ${dateTime(c.lastPollAt)}` : 'Not polled yet',
      `${c.mentionsRead ?? 0} mentions read · ${c.malformedSkipped ?? 0} malformed skipped`,
    ].filter(Boolean).join('\n');
  }

  function connectorPill(c) {
    const spend = spendText(c);
    return h('li', {
      class: ['pill', `state-${c.state}`, c.budget && c.budget.level !== 'ok' ? `budget-${c.budget.level}` : null],
      testid: 'connector-pill',
      dataset: { account: c.account, state: c.state, budget: c.budget?.level || 'none' },
      title: pillTitle(c),
      tabindex: '0',
    },
    h('span', { class: 'pill-dot', 'aria-hidden': 'true' }),
    h('span', { class: 'pill-name' }, c.account),
    h('span', { class: 'pill-state' }, pillText(c)),
    spend ? h('span', { class: ['pill-state', 'pill-spend'], testid: 'connector-spend' }, spend) : null);
  }

  function storePill(name, status) {
    return h('li', {
      class: ['pill', 'store', `state-${status === 'up' ? 'connected' : 'failing'}`],
      testid: 'store-pill',
      dataset: { store: name, state: status },
      title: `${name} is ${status}`,
    },
    h('span', { class: 'pill-dot', 'aria-hidden': 'true' }),
    h('span', { class: 'pill-name' }, name),
    h('span', { class: 'pill-state' }, status));
  }

  function render(changedAccount) {
    const pills = [...connectors.values()]
      .sort((a, b) => a.account.localeCompare(b.account))
      .map(connectorPill);
    const storePills = stores.filter(([, s]) => s !== 'up').map(([n, s]) => storePill(n, s));
    if (!pills.length && !storePills.length) {
      replaceChildren(container, h('li', { class: 'pill muted' }, 'no connectors'));
      return;
    }
    replaceChildren(container, storePills, pills);
    if (changedAccount) {
      const el = [...container.children].find((li) => li.dataset.account === changedAccount);
      if (el) flash(el);
    }
  }

  return {
    /** Replaces everything from a GET /health answer. */
    setHealth(health) {
      connectors.clear();
      for (const c of health.connectors || []) connectors.set(c.account, c);
      stores = [['MongoDB', health.mongo?.status], ['Redis', health.redis?.status]]
        .filter(([, s]) => s);
      render();
    },
    /** Applies one connector.status event. */
    update(entry) {
      if (!entry || !entry.account) return;
      const before = connectors.get(entry.account);
      connectors.set(entry.account, { ...before, ...entry });
      render(before && before.state !== entry.state ? entry.account : null);
    },
  };
}

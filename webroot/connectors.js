// Top-bar status pills: one per connector account, plus the hub's own stores when not up.
import { h, replaceChildren, flash } from './dom.js';
import { clock, dateTime, humanize, platformName } from './format.js';

const STATE_LABELS = {
  starting: 'starting', connected: 'connected', lagging: 'lagging', rate_limited: 'rate limited',
  unauthorized: 'unauthorized', failing: 'failing', disabled: 'disabled', standby: 'standby',
};

export function createConnectorBar(container) {
  const connectors = new Map();
  let stores = [];

  function pillText(c) {
    const label = STATE_LABELS[c.state] || humanize(c.state);
    const until = c.state === 'rate_limited' && c.until ? ` until ${clock(c.until)}` : '';
    return `${label}${until}`;
  }

  function pillTitle(c) {
    return [
      `${platformName(c.platform)} · ${c.account}`,
      c.detail,
      c.state === 'rate_limited' && c.until ? `Rate limited until ${dateTime(c.until)}` : null,
      c.lastPollAt ? `Last poll ${dateTime(c.lastPollAt)}` : 'Not polled yet',
      `${c.mentionsRead ?? 0} mentions read · ${c.malformedSkipped ?? 0} malformed skipped`,
    ].filter(Boolean).join('\n');
  }

  function connectorPill(c) {
    return h('li', {
      class: ['pill', `state-${c.state}`],
      testid: 'connector-pill',
      dataset: { account: c.account, state: c.state },
      title: pillTitle(c),
      tabindex: '0',
    },
    h('span', { class: 'pill-dot', 'aria-hidden': 'true' }),
    h('span', { class: 'pill-name' }, c.account),
    h('span', { class: 'pill-state' }, pillText(c)));
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

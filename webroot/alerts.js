// The live alerts banner, on every page: the newest spike alerts not yet made into a Problem,
// each with observed vs expected, when it began (the mentions' own time) and "Create Problem".
import { api } from './api.js';
import { h, replaceChildren } from './dom.js';

function describe(a) {
  const what = a.kind === 'sentiment' ? 'Sentiment fall' : 'Spike';
  const about = [a.reason, a.phrase ? `“${a.phrase}”` : null].filter(Boolean).join(' · ') || a.brand;
  const level = a.kind === 'sentiment' ? `average ${a.observed} vs usual ${a.expected}` : `${a.observed} vs ${a.expected} expected`;
  return `${what} (${a.severity}): ${about} — ${level}, since ${new Date(a.startedAt).toLocaleString()}`;
}

/**
 * el: the banner element. onCreate(alert): make a Problem from it (answers a promise of the
 * Problem); the banner then hides the alert.
 */
export function createAlertBanner(el, { onCreate }) {
  const alerts = new Map(); // id → alert, newest first by raisedAt

  function render() {
    const open = [...alerts.values()].filter((a) => !a.problemId)
      .sort((x, y) => y.raisedAt.localeCompare(x.raisedAt)).slice(0, 3);
    el.hidden = open.length === 0;
    replaceChildren(el, open.map((a) => h('div', { class: 'alert-row', testid: 'alert', dataset: { alertId: a.id } },
      h('span', { class: 'alert-text', testid: 'alert-text' }, describe(a)),
      h('button', {
        type: 'button', class: 'btn small primary', testid: 'alert-create-problem',
        on: { click: async (e) => {
          e.target.disabled = true;
          try {
            const p = await onCreate(a);
            if (p) apply({ ...a, problemId: p.id });
          } finally {
            e.target.disabled = false;
          }
        } },
      }, 'Create Problem'))));
  }

  function apply(alert) {
    alerts.set(alert.id, alert);
    render();
  }

  async function load() {
    const { items } = await api.alerts();
    alerts.clear();
    for (const a of items) alerts.set(a.id, a);
    render();
  }

  return { apply, load };
}

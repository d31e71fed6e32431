// The status tabs' counts (GET /cases/counts) for the list's other filters, re-read a moment
// after case events so that a burst of them costs one request.
import { api } from './api.js';
import { h } from './dom.js';

const COUNTS_DELAY_MS = 500;

/** tabs: the container of [data-status] buttons; filters(): the list's parameters but its status. */
export function createTabCounts(tabs, filters) {
  let timer = null;

  async function load() {
    const answer = await api.caseCounts(filters());
    for (const t of tabs.querySelectorAll('[data-status]')) {
      const n = t.dataset.status ? answer.counts?.[t.dataset.status] : answer.total;
      let badge = t.querySelector('.count');
      if (!badge) { badge = h('span', { class: 'count', testid: 'tab-count' }); t.appendChild(badge); }
      badge.textContent = n === undefined ? '' : String(n);
    }
  }

  return {
    load,
    soon() {
      clearTimeout(timer);
      timer = setTimeout(() => load().catch(() => {}), COUNTS_DELAY_MS);
    },
  };
}

// The inbox's search box and filter bar: every GET /cases filter as a control. The values are
// the API's parameters, so a saved view stores exactly what the bar shows.
import { h, replaceChildren } from './dom.js';
import { platformName } from './format.js';

export const FILTER_KEYS = ['q', 'brand', 'platform', 'status', 'assignee', 'tag', 'sentiment', 'reason',
  'priorityMin', 'priorityMax', 'sla', 'from', 'to', 'problem'];
const PLATFORMS = ['x', 'mastodon', 'bluesky', 'reddit', 'facebook', 'instagram', 'threads', 'sandbox'];
const SEARCH_DELAY_MS = 300;

const select = (key, label, options) => h('label', { class: 'filter' }, label,
  h('select', { name: key, testid: `filter-${key}` },
    options.map(([value, text]) => h('option', { value }, text))));
const input = (key, label, attrs = {}) => h('label', { class: 'filter' }, label,
  h('input', { name: key, testid: `filter-${key}`, ...attrs }));

/**
 * Builds the bar into `els.bar` and the search box into `els.search`; onChange(filters) gets the
 * non-empty filters whenever one changes (the search after a short pause in typing).
 */
export function createFilters(els, { onChange }) {
  const controls = [
    select('platform', 'Platform', [['', 'Any'], ...PLATFORMS.map((p) => [p, platformName(p)])]),
    select('assignee', 'Assignee', [['', 'Anyone'], ['me', 'Me'], ['none', 'Unassigned']]),
    select('sentiment', 'Sentiment', [['', 'Any'], ['negative', 'Negative'], ['neutral', 'Neutral'], ['positive', 'Positive']]),
    select('sla', 'SLA', [['', 'Any'], ['ok', 'On time'], ['warning', 'Due soon'], ['breached', 'Breached'],
      ['paused', 'Paused'], ['met', 'Met']]),
    input('tag', 'Tag', { size: '8' }),
    input('reason', 'Reason', { size: '8', placeholder: 'billing' }),
    input('priorityMin', 'Priority ≥', { type: 'number', min: '0', max: '100', class: 'narrow' }),
    input('priorityMax', '≤', { type: 'number', min: '0', max: '100', class: 'narrow' }),
    input('from', 'From', { type: 'date' }),
    input('to', 'To', { type: 'date' }),
    h('button', { type: 'button', class: 'btn ghost small', testid: 'filter-clear', on: { click: () => set({}, true) } }, 'Clear'),
  ];
  replaceChildren(els.bar, controls);
  const fields = () => [els.search, ...els.bar.querySelectorAll('[name]')];
  // Status and brand have their own controls (tabs, the brand menu); the bar keeps them as given.
  let outside = {};
  let timer = null;

  function values() {
    const v = { ...outside };
    for (const f of fields()) if (f.value.trim()) v[f.name] = f.value.trim();
    return v;
  }

  function changed() {
    clearTimeout(timer);
    onChange(values());
  }

  /** Shows `filters` in the controls (a saved view chosen); `tell` also reports the change. */
  function set(filters, tell = false) {
    outside = {};
    for (const [k, v] of Object.entries(filters || {})) if (k === 'status' || k === 'brand') outside[k] = v;
    for (const f of fields()) f.value = filters?.[f.name] ?? '';
    if (tell) changed();
  }

  els.search.name = 'q';
  els.search.oninput = () => { clearTimeout(timer); timer = setTimeout(changed, SEARCH_DELAY_MS); };
  els.search.onkeydown = (e) => { if (e.key === 'Enter') changed(); };
  els.bar.onchange = changed;
  els.toggle.onclick = () => {
    els.bar.hidden = !els.bar.hidden;
    els.toggle.setAttribute('aria-expanded', els.bar.hidden ? 'false' : 'true');
  };
  return { values, set, setOutside(k, v) { if (v) outside[k] = v; else delete outside[k]; } };
}

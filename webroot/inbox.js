// The shared inbox: a filtered, sorted list of cases kept current by case.* events.
import { api } from './api.js';
import { h, replaceChildren, flash } from './dom.js';
import { age, dateTime, humanize, platformName, priorityBand } from './format.js';

const LIMIT = 50;
const EMPTY_TEXT = 'No cases here. New mentions appear live.';

const byPriority = (a, b) => (b.priority?.value ?? 0) - (a.priority?.value ?? 0) || byNewest(a, b);
const byNewest = (a, b) => ts(b.lastMentionAt || b.createdAt) - ts(a.lastMentionAt || a.createdAt)
  || String(a.id).localeCompare(String(b.id));
const ts = (iso) => Date.parse(iso) || 0;

/**
 * els: { list, count, empty, tabs (container of [data-status] buttons), sort (select), brand (select) }.
 * onSelect(caseId) is called when the agent opens a row.
 */
export function createInbox(els, { me, onSelect, presenceOf = () => '' }) {
  const cases = new Map();
  const rows = new Map();
  const brands = new Map(); // id → brand, from GET /brands and brand.* events
  const filter = { status: '', brand: '', sort: 'priority' };
  let total = 0;
  let selectedId = null;
  let loading = null;
  let heldDuringLoad = [];

  const matches = (c) => (!filter.status || c.status === filter.status) && (!filter.brand || c.brand === filter.brand);
  const brandName = (id) => brands.get(id)?.name || id;
  const ordered = () => [...cases.values()].sort(filter.sort === 'newest' ? byNewest : byPriority);

  function reasonChips(c) {
    return (c.triage?.reasons || []).slice(0, 3)
      .map((r) => h('span', { class: 'chip reason', title: `score ${r.score}` }, humanize(r.code)));
  }

  function rowFor(c) {
    const band = priorityBand(c.priority?.value ?? 0);
    const label = c.triage?.label || 'neutral';
    const mine = c.assignee && c.assignee === me.username;
    return h('li', {
      class: ['case-row', `status-${c.status}`, c.id === selectedId && 'selected'],
      testid: 'case-row',
      dataset: {
        caseId: c.id, status: c.status, platform: c.platform, account: c.account ?? '', brand: c.brand ?? '',
        priority: String(c.priority?.value ?? 0),
      },
      tabindex: '0',
      role: 'option',
      'aria-selected': c.id === selectedId ? 'true' : 'false',
      on: {
        click: () => onSelect(c.id),
        keydown: (e) => { if (e.key === 'Enter') onSelect(c.id); },
      },
    },
    h('div', { class: 'row-top' },
      h('span', { class: ['prio', `band-${band}`], testid: 'case-priority', title: 'Priority (0–100)' },
        String(c.priority?.value ?? 0)),
      h('span', { class: ['sentiment-dot', `label-${label}`], title: `${label} sentiment`, 'aria-label': `${label} sentiment` }),
      h('span', { class: 'handle' }, c.customer?.handle ? `@${c.customer.handle}` : 'unknown'),
      h('span', { class: ['platform', `platform-${c.platform}`] }, platformName(c.platform)),
      h('time', { class: 'age', datetime: c.lastMentionAt || c.createdAt, title: dateTime(c.lastMentionAt || c.createdAt), testid: 'case-age' },
        age(c.lastMentionAt || c.createdAt))),
    h('div', { class: 'row-text', testid: 'case-text' }, c.lastText || c.subject || ''),
    h('div', { class: 'row-meta' },
      c.brand && h('span', { class: ['chip', 'brand'], testid: 'case-brand', title: `brand ${brandName(c.brand)}` },
        brandName(c.brand)),
      h('span', { class: ['chip', 'sentiment', `label-${label}`] }, label),
      c.triage?.unsure && h('span', { class: 'chip unsure', testid: 'case-unsure', title: 'triage is not sure of this label' }, 'unsure'),
      reasonChips(c),
      h('span', { class: 'spacer' }),
      h('span', { class: 'presence', testid: 'row-presence' }, presenceOf(c.id)),
      c.team && h('span', { class: 'chip', title: `team ${c.team}` }, c.team),
      c.mentionCount > 1 && h('span', { class: 'meta', title: 'mentions in this case' }, `${c.mentionCount} msgs`),
      c.status !== 'new' && h('span', { class: ['chip', 'status', `status-${c.status}`] }, c.status),
      c.assignee && h('span', { class: ['assignee', mine && 'mine'], title: `assigned to ${c.assignee}` },
        mine ? 'me' : c.assignee)));
  }

  function render() {
    const list = ordered().slice(0, LIMIT);
    const keep = new Set(list.map((c) => c.id));
    // Cases pushed below the fold are forgotten; their next event brings them back whole.
    for (const id of [...cases.keys()]) if (!keep.has(id)) cases.delete(id);
    for (const [id, el] of rows) if (!keep.has(id)) { el.remove(); rows.delete(id); }
    // appendChild moves existing rows into order without rebuilding them.
    list.forEach((c) => els.list.appendChild(rows.get(c.id)));
    els.empty.hidden = list.length > 0;
    els.empty.textContent = EMPTY_TEXT;
    els.count.textContent = total > list.length ? `${list.length} of ${total}` : String(list.length);
  }

  // Versions order snapshots exactly; timestamps only when one side has no version.
  const isOlder = (c, old) => (typeof c.version === 'number' && typeof old.version === 'number'
    ? c.version < old.version : ts(old.updatedAt) > ts(c.updatedAt));

  function put(c, { highlight, created = false }) {
    const old = cases.get(c.id);
    if (old && isOlder(c, old)) return; // an older snapshot arrived late
    if (!matches(c)) {
      if (old) { cases.delete(c.id); total = Math.max(0, total - 1); }
      return;
    }
    // The total is the server's, adjusted for new cases; every load() corrects any drift.
    if (!old && created) total += 1;
    cases.set(c.id, c);
    const el = rowFor(c);
    rows.get(c.id)?.replaceWith(el);
    rows.set(c.id, el);
    if (highlight) flash(el);
  }

  async function fetchPage() {
    const params = { status: filter.status || undefined, brand: filter.brand || undefined, sort: filter.sort, limit: LIMIT };
    heldDuringLoad = [];
    const request = api.cases(params);
    loading = request;
    try {
      const page = await request;
      return loading === request ? page : null; // null: a newer load superseded this one
    } catch (err) {
      if (loading === request) {
        els.empty.hidden = false;
        els.empty.textContent = `Could not load cases: ${err.message}`;
      }
      throw err;
    } finally {
      if (loading === request) loading = null;
    }
  }

  async function load() {
    const page = await fetchPage();
    if (!page) return;
    cases.clear();
    rows.forEach((el) => el.remove());
    rows.clear();
    for (const c of page.items || []) put(c, { highlight: false });
    total = Math.max(page.total ?? 0, cases.size);
    // Events that raced the request are re-applied unless the page already reflects them.
    heldDuringLoad
      .filter((c) => !cases.has(c.id) || ts(c.updatedAt) > ts(cases.get(c.id).updatedAt))
      .forEach((c) => put(c, { highlight: true, created: !cases.has(c.id) }));
    heldDuringLoad = [];
    render();
  }

  function wireControls() {
    els.sort.value = filter.sort;
    for (const t of els.tabs.querySelectorAll('[data-status]')) {
      t.setAttribute('aria-selected', t.dataset.status === filter.status ? 'true' : 'false');
    }
    // Assigned, not added: a second sign-in builds a new inbox on the same static controls.
    els.tabs.onclick = (e) => {
      const tab = e.target.closest('[data-status]');
      if (!tab) return;
      filter.status = tab.dataset.status;
      for (const t of els.tabs.querySelectorAll('[data-status]')) {
        t.setAttribute('aria-selected', t === tab ? 'true' : 'false');
      }
      load().catch(() => {});
    };
    els.sort.onchange = () => {
      filter.sort = els.sort.value;
      load().catch(() => {});
    };
    els.brand.onchange = () => {
      filter.brand = els.brand.value;
      load().catch(() => {});
    };
  }

  /** The brand filter's options, names inserted as text; the chosen brand stays chosen. */
  function renderBrands() {
    const options = [...brands.values()].sort((a, b) => a.name.localeCompare(b.name))
      .map((b) => h('option', { value: b.id, selected: b.id === filter.brand }, b.name));
    replaceChildren(els.brand, h('option', { value: '', selected: !filter.brand }, 'All brands'), options);
    els.brand.value = filter.brand;
    // Rows show brand names: rebuild them with the names now known.
    for (const c of cases.values()) {
      const el = rowFor(c);
      rows.get(c.id)?.replaceWith(el);
      rows.set(c.id, el);
    }
    render();
  }

  async function loadBrands() {
    const page = await api.brands();
    brands.clear();
    for (const b of page.items || []) brands.set(b.id, b);
    renderBrands();
  }

  wireControls();
  setInterval(() => {
    for (const t of els.list.querySelectorAll('time.age')) t.textContent = age(t.getAttribute('datetime'));
  }, 30000);

  return {
    load,
    loadBrands,
    /** Who views or types on a case changed: only that row's presence line is rewritten. */
    presenceChanged(caseId) {
      const span = rows.get(caseId)?.querySelector('[data-testid=row-presence]');
      if (span) span.textContent = presenceOf(caseId);
    },
    /** A brand created or renamed (brand.* event): the filter and the rows show its new name. */
    applyBrand(b) {
      if (!b || !b.id) return;
      const old = brands.get(b.id);
      if (old && typeof old.version === 'number' && b.version < old.version) return;
      brands.set(b.id, b);
      renderBrands();
    },
    /** Applies a case event's snapshot (or the answer to our own PATCH); older versions are dropped. */
    applyCase(c, { created = false } = {}) {
      if (!c || !c.id) return;
      if (loading) heldDuringLoad.push(c);
      put(c, { highlight: true, created });
      render();
    },
    select(id) {
      selectedId = id;
      for (const [rowId, el] of rows) {
        el.classList.toggle('selected', rowId === id);
        el.setAttribute('aria-selected', rowId === id ? 'true' : 'false');
      }
    },
    /** The case id `step` rows away from the selected one (keyboard navigation). */
    neighbour(step) {
      const ids = ordered().slice(0, LIMIT).map((c) => c.id);
      if (!ids.length) return null;
      const i = ids.indexOf(selectedId);
      return ids[Math.min(ids.length - 1, Math.max(0, i < 0 ? 0 : i + step))];
    },
  };
}

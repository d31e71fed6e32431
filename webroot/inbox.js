// The shared inbox: a filtered, sorted list of cases, paged by cursor as the agent scrolls, kept
// current by case.* events; tab counts from GET /cases/counts.
import { api } from './api.js';
import { h, replaceChildren, flash } from './dom.js';
import { age } from './format.js';
import { comparator, knownSort, passes, ts } from './caseorder.js';
import { caseRow } from './inbox-row.js';
import { createTabCounts } from './inbox-counts.js';
import { createRowKeys } from './inbox-keys.js';

const LIMIT = 50;
const EMPTY_TEXT = 'No cases here. New mentions appear live.';

/**
 * els: { list, count, empty, tabs (container of [data-status] buttons), sort (select), brand (select) }.
 * onSelect(caseId) is called when the agent opens a row; selection (bulk.js), when given, puts a
 * checkbox on each row; onFiltersChanged() when the agent changes the status, brand or sort by hand.
 */
export function createInbox(els, { me, onSelect, selection, onFiltersChanged = () => {}, presenceOf = () => '' }) {
  const cases = new Map();
  const rows = new Map();
  const brands = new Map(); // id → brand, from GET /brands and brand.* events
  const filter = { status: '', brand: '', sort: 'priority' };
  let extra = {}; // the filter bar's and search's parameters
  let total = 0;
  let nextCursor = null;
  let selectedId = null;
  let loading = null;
  let loadingMore = null;
  let heldDuringLoad = [];

  const params = () => ({ ...extra, status: filter.status || undefined, brand: filter.brand || undefined });
  const brandName = (id) => brands.get(id)?.name || id;
  const ordered = () => [...cases.values()].sort(comparator(filter.sort));
  const keys = createRowKeys({ rows, ordered, selected: () => selectedId, onSelect });
  const counts = createTabCounts(els.tabs, () => { const { status, ...rest } = params(); return rest; });
  /** Past the last listed case while more pages exist: it comes when the agent scrolls there. */
  const beyondLoaded = (c) => {
    if (!nextCursor) return false;
    const list = ordered();
    return list.length > 0 && comparator(filter.sort)(c, list[list.length - 1]) > 0;
  };

  const rowFor = (c) => caseRow(c, {
    me, selected: c.id === selectedId, brandName, selection, presenceOf,
    onOpen: () => onSelect(c.id), onKey: (e) => keys.rowKey(e, c.id),
  });

  function render() {
    const list = ordered();
    for (const [id, el] of rows) if (!cases.has(id)) { el.remove(); rows.delete(id); selection?.forget(id); }
    // appendChild moves existing rows into order without rebuilding them.
    list.forEach((c) => els.list.appendChild(rows.get(c.id)));
    els.list.appendChild(sentinel);
    sentinel.hidden = !nextCursor;
    els.empty.hidden = list.length > 0;
    els.empty.textContent = EMPTY_TEXT;
    els.count.textContent = total > list.length ? `${list.length} of ${total}` : String(list.length);
    keys.roving();
  }

  // Reaching the end of the list loads the next page (no cap on depth).
  const sentinel = h('li', { class: 'list-more', testid: 'case-more', 'aria-hidden': 'true' }, 'Loading more…');
  const more = new IntersectionObserver((entries) => {
    if (entries.some((e) => e.isIntersecting)) loadMore().catch(() => {});
  }, { root: els.list, rootMargin: '200px' });
  more.observe(sentinel);

  // Versions order snapshots exactly; timestamps only when one side has no version.
  const isOlder = (c, old) => (typeof c.version === 'number' && typeof old.version === 'number'
    ? c.version < old.version : ts(old.updatedAt) > ts(c.updatedAt));

  function put(c, { highlight, created = false }) {
    const old = cases.get(c.id);
    if (old && isOlder(c, old)) return; // an older snapshot arrived late
    const fits = passes(c, { ...extra, ...params() }, me);
    if (fits === false || (fits === null && !old)) {
      if (old && fits === false) { cases.delete(c.id); total = Math.max(0, total - 1); }
      return;
    }
    // A case that opens just now is always shown (at its place among the listed ones), so nobody
    // misses new work; others past the listed pages come when the agent scrolls there. A listed
    // case stays listed when it changes (the agent may be working on it), wherever it sorts.
    if (!old && !created && beyondLoaded(c)) return;
    // The total is the server's, adjusted for new cases; every load() corrects any drift.
    if (!old && created) total += 1;
    cases.set(c.id, c);
    const el = rowFor(c);
    const had = rows.get(c.id);
    const focused = had && had === document.activeElement;
    had?.replaceWith(el);
    rows.set(c.id, el);
    if (focused) { el.tabIndex = 0; el.focus(); } // a live update must not drop the agent's place
    if (highlight) flash(el);
  }

  async function loadMore() {
    if (!nextCursor || loading || loadingMore) return;
    const cursor = nextCursor;
    const request = api.cases({ ...params(), sort: filter.sort, limit: LIMIT, cursor });
    loadingMore = request;
    try {
      const page = await request;
      if (loadingMore !== request || nextCursor !== cursor) return; // a new load() started meanwhile
      for (const c of page.items || []) {
        if (!cases.has(c.id)) cases.set(c.id, c);
        const el = rowFor(cases.get(c.id));
        rows.get(c.id)?.replaceWith(el);
        rows.set(c.id, el);
      }
      nextCursor = page.nextCursor || null;
      total = Math.max(page.total ?? 0, cases.size);
      render();
    } finally {
      if (loadingMore === request) loadingMore = null;
    }
  }

  async function fetchPage() {
    heldDuringLoad = [];
    loadingMore = null;
    const request = api.cases({ ...params(), sort: filter.sort, limit: LIMIT });
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
    counts.load().catch(() => {});
    const page = await fetchPage();
    if (!page) return;
    cases.clear();
    rows.forEach((el) => el.remove());
    rows.clear();
    nextCursor = null;
    for (const c of page.items || []) {
      cases.set(c.id, c);
      rows.set(c.id, rowFor(c));
    }
    nextCursor = page.nextCursor || null;
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
      onFiltersChanged();
      load().catch(() => {});
    };
    els.sort.onchange = () => {
      filter.sort = els.sort.value;
      onFiltersChanged();
      load().catch(() => {});
    };
    els.brand.onchange = () => {
      filter.brand = els.brand.value;
      onFiltersChanged();
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

  /** Status and brand shown in their own controls; everything else is the filter bar's. */
  function showControls() {
    els.sort.value = filter.sort;
    els.brand.value = filter.brand;
    for (const t of els.tabs.querySelectorAll('[data-status]')) {
      t.setAttribute('aria-selected', t.dataset.status === filter.status ? 'true' : 'false');
    }
  }

  return {
    load,
    loadBrands,
    /** The filter bar's parameters changed: list again. */
    setExtra(next) {
      const { status, brand, ...rest } = next || {};
      extra = rest;
      return load();
    },
    /** A saved view: all its filters and its sort at once. */
    show({ filters = {}, sort = 'priority' }) {
      const { status = '', brand = '', ...rest } = filters;
      filter.status = status;
      filter.brand = brand;
      filter.sort = knownSort(sort);
      extra = rest;
      showControls();
      return load();
    },
    /** Every filter and the sort, as a saved view keeps them. */
    current() {
      const filters = {};
      for (const [k, v] of Object.entries(params())) if (v) filters[k] = v;
      return { filters, sort: filter.sort };
    },
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
      counts.soon();
    },
    select(id) {
      selectedId = id;
      for (const [rowId, el] of rows) {
        el.classList.toggle('selected', rowId === id);
        el.setAttribute('aria-selected', rowId === id ? 'true' : 'false');
      }
      keys.roving();
    },
    /** Moves focus to the selected row (or the first), for j / k when the list has focus. */
    focusSelected: keys.focusSelected,
    /** The case id `step` rows away from the selected one (keyboard navigation). */
    neighbour: keys.neighbour,
  };
}

// Saved views in the inbox's sidebar: the caller's and the shared ones, each with its live count
// (re-read, debounced, while case events arrive). Choosing one applies its filters and sort.
import { api } from './api.js';
import { h, replaceChildren } from './dom.js';

const REFRESH_DELAY_MS = 800;

/**
 * els: { list (ul), save (button), form (form with [name=name] and [name=shared]) }.
 * current() answers { filters, sort } of the inbox now; onApply({ filters, sort }) shows a view.
 */
export function createViews(els, { current, onApply }) {
  let views = [];
  let activeId = null;
  let timer = null;

  function row(v) {
    return h('li', { class: ['saved-view', v.id === activeId && 'active'], testid: 'saved-view',
      dataset: { viewId: v.id } },
    h('button', { type: 'button', class: 'view-name', testid: 'saved-view-open', title: describe(v.filters),
      on: { click: () => apply(v) } },
    v.name, v.shared ? h('span', { class: 'chip shared', title: `shared by ${v.owner}` }, 'shared') : null),
    h('span', { class: 'count', testid: 'saved-view-count' }, String(v.count ?? '')),
    v.mine ? h('button', { type: 'button', class: 'btn ghost small', title: 'Delete this view', 'aria-label': `Delete view ${v.name}`,
      testid: 'saved-view-delete', on: { click: () => remove(v) } }, '×') : null);
  }

  const describe = (filters) => Object.entries(filters || {}).map(([k, v]) => `${k}: ${v}`).join(', ') || 'everything';

  function render() {
    replaceChildren(els.list, views.map(row));
  }

  async function load() {
    const page = await api.views();
    views = page.items || [];
    render();
  }

  function apply(v) {
    activeId = v.id;
    render();
    onApply({ filters: v.filters || {}, sort: v.sort || 'priority' });
  }

  async function remove(v) {
    await api.deleteView(v.id).catch((err) => console.warn('view', v.id, err.message));
    if (activeId === v.id) activeId = null;
    await load().catch(() => {});
  }

  els.save.onclick = () => {
    els.form.hidden = !els.form.hidden;
    if (!els.form.hidden) els.form.elements.name.focus();
  };
  els.form.onsubmit = async (e) => {
    e.preventDefault();
    const { filters, sort } = current();
    const name = els.form.elements.name.value.trim();
    if (!name) return;
    try {
      const made = await api.createView({ name, filters, sort, shared: els.form.elements.shared.checked });
      activeId = made.id;
      els.form.reset();
      els.form.hidden = true;
      await load();
    } catch (err) {
      els.form.querySelector('.form-error').textContent = err.message;
    }
  };

  return {
    load,
    /** A case changed somewhere: counts are re-read once the burst of events is over. */
    caseChanged() {
      clearTimeout(timer);
      timer = setTimeout(() => load().catch(() => {}), REFRESH_DELAY_MS);
    },
    /** The inbox's filters changed by hand: no view is the active one any more. */
    clearActive() {
      if (activeId === null) return;
      activeId = null;
      render();
    },
  };
}

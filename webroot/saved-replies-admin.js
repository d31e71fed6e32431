// The saved replies page for managers and admins (GET/POST/PATCH/DELETE /templates): every saved
// reply with its scope (shared or one brand) and how often replies were made from it; create and
// edit one with a live preview filled for a chosen case (POST /cases/{id}/template-preview), so
// the author sees the customer's real name where {{customer.firstName}} stands; delete one.
import { api } from './api.js';
import { h, replaceChildren } from './dom.js';
import { dateTime } from './format.js';
import { previewBody } from './saved-replies.js';

const PREVIEW_DELAY_MS = 300;
const VARIABLES = ['customer.firstName', 'customer.name', 'customer.handle', 'case.reference', 'agent.name',
  'agent.signature', 'brand.name'];

/** onChanged(list) tells the composer the saved replies changed. */
export function createSavedRepliesAdmin(root, { onChanged = () => {} } = {}) {
  let brands = [];
  let editing = null; // the saved reply being edited, or {} for a new one, or null
  let timer = null;
  let previewSeq = 0;
  const error = h('div', { class: 'form-error', testid: 'saved-reply-error', role: 'alert', hidden: true });
  const notice = h('div', { class: 'muted', testid: 'saved-reply-notice', role: 'status' });
  const rows = h('tbody', { testid: 'saved-reply-rows' });
  const name = h('input', { testid: 'saved-reply-name', 'aria-label': 'Name', placeholder: 'Name', maxlength: '80' });
  const brand = h('select', { testid: 'saved-reply-brand', 'aria-label': 'Brand' });
  const body = h('textarea', { testid: 'saved-reply-body', rows: '5', 'aria-label': 'Reply text (Handlebars)' });
  const forCase = h('select', { testid: 'saved-reply-case', 'aria-label': 'Preview for case' });
  const preview = h('div', { class: 'item-text saved-reply-preview', testid: 'saved-reply-preview', 'aria-live': 'polite' });
  const count = h('span', { class: 'counter', testid: 'saved-reply-preview-count' });
  const title = h('h3', { testid: 'saved-reply-form-title' });
  const form = h('form', { class: 'saved-reply-form', testid: 'saved-reply-form', hidden: true },
    title,
    h('label', {}, 'Name ', name),
    h('label', {}, 'Offered for ', brand),
    h('label', { class: 'wide' }, 'Text ', body),
    h('div', { class: 'muted' }, 'Variables: ', VARIABLES.map((v) => [h('code', {}, `{{${v}}}`), ' '])),
    h('div', { class: 'saved-reply-preview-box' },
      h('label', {}, 'Preview for ', forCase), preview, count),
    h('div', { class: 'composer-bar' },
      h('button', { type: 'submit', class: 'btn primary', testid: 'saved-reply-save' }, 'Save'),
      h('button', { type: 'button', class: 'btn ghost', testid: 'saved-reply-cancel', on: { click: () => edit(null) } }, 'Cancel')));

  const fail = (err) => {
    const fields = err.validationErrors?.map((v) => `${v.field}: ${v.message}`).join('; ');
    error.textContent = fields || err.message;
    error.hidden = false;
  };
  const done = (text) => { error.hidden = true; notice.textContent = text; };
  const brandName = (id) => brands.find((b) => b.id === id)?.name || id;

  replaceChildren(root,
    h('div', { class: 'admin-head' }, h('h2', {}, 'Saved replies'),
      h('button', { type: 'button', class: 'btn primary small', testid: 'saved-reply-new', on: { click: () => edit({}) } },
        'New saved reply')),
    error, notice, form,
    h('table', { class: 'admin-table', testid: 'saved-reply-table' },
      h('thead', {}, h('tr', {}, ['Name', 'Offered for', 'Used', 'Updated', ''].map((t) => h('th', {}, t)))), rows));

  function row(t) {
    return h('tr', { testid: 'saved-reply-row', dataset: { templateId: t.id } },
      h('td', { testid: 'saved-reply-row-name' }, t.name),
      h('td', {}, t.brand ? brandName(t.brand) : 'Every brand (shared)'),
      h('td', { testid: 'saved-reply-uses' }, String(t.uses ?? 0)),
      h('td', { class: 'muted' }, dateTime(t.updatedAt)),
      h('td', {},
        h('button', { type: 'button', class: 'btn ghost small', testid: 'saved-reply-edit', on: { click: () => edit(t) } }, 'Edit'),
        h('button', { type: 'button', class: 'btn ghost small', testid: 'saved-reply-delete', on: { click: () => remove(t) } }, 'Delete')));
  }

  function edit(t) {
    editing = t;
    form.hidden = !t;
    if (!t) return;
    title.textContent = t.id ? `Edit “${t.name}”` : 'New saved reply';
    name.value = t.name || '';
    body.value = t.body || '';
    replaceChildren(brand, h('option', { value: '' }, 'Every brand (shared)'),
      brands.map((b) => h('option', { value: b.id }, b.name)));
    brand.value = t.brand || '';
    error.hidden = true;
    name.focus();
    schedulePreview();
  }

  function schedulePreview() {
    clearTimeout(timer);
    const seq = ++previewSeq;
    timer = setTimeout(async () => {
      if (!forCase.value || !body.value.trim()) {
        preview.textContent = forCase.value ? '' : 'No case to preview with yet.';
        count.textContent = '';
        return;
      }
      try {
        const filled = await previewBody(forCase.value, body.value);
        if (seq !== previewSeq) return;
        preview.textContent = filled.text;
        preview.classList.remove('error-text');
        count.textContent = `${filled.length} / ${filled.limit}`;
        count.className = `counter ${filled.ok ? '' : 'over'}`;
      } catch (err) {
        if (seq !== previewSeq) return;
        preview.textContent = err.validationErrors?.map((v) => `${v.field}: ${v.message}`).join('; ') || err.message;
        preview.classList.add('error-text');
        count.textContent = '';
      }
    }, PREVIEW_DELAY_MS);
  }

  async function save(e) {
    e.preventDefault();
    const draft = { name: name.value, body: body.value, brand: brand.value || null };
    try {
      const saved = editing.id ? await api.updateTemplate(editing.id, draft) : await api.createTemplate(draft);
      done(`Saved “${saved.name}”.`);
      edit(null);
      await load();
    } catch (err) { fail(err); }
  }

  async function remove(t) {
    if (!window.confirm(`Delete the saved reply “${t.name}”?`)) return;
    try {
      await api.deleteTemplate(t.id);
      done(`Deleted “${t.name}”.`);
      if (editing?.id === t.id) edit(null);
      await load();
    } catch (err) { fail(err); }
  }

  async function loadCases() {
    const chosen = forCase.value;
    const page = await api.cases({ sort: 'newest', limit: 50 });
    replaceChildren(forCase, (page.items || []).map((c) => h('option', { value: c.id },
      `@${c.customer?.handle ?? 'unknown'} — ${(c.subject || c.lastText || '').slice(0, 60)}`)));
    if (chosen) forCase.value = chosen;
  }

  async function load() {
    const [list, brandPage] = await Promise.all([api.templates(), api.brands().catch(() => ({ items: [] }))]);
    brands = brandPage.items || [];
    const byName = [...list].sort((a, b) => String(a.name).localeCompare(String(b.name)));
    replaceChildren(rows, byName.map(row));
    onChanged(list);
    await loadCases().catch(() => {});
    if (editing) schedulePreview();
  }

  body.addEventListener('input', schedulePreview);
  forCase.addEventListener('change', schedulePreview);
  form.addEventListener('submit', save);
  return { load, newReply: () => load().catch(() => {}).then(() => edit({})) };
}

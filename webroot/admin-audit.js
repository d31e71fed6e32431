// The audit page for admins: who did what to which record, newest first, filtered by actor,
// action, object and time, with the change each entry recorded (before → after where the event
// carried both, else the record after the change) and a CSV export of the same filters.
// Everything the log holds was written by someone (usernames, reasons, customers' text), so
// it is shown through text nodes only.
import { api } from './api.js';
import { h, replaceChildren } from './dom.js';
import { dateTime } from './format.js';
import { EVENTS } from './vocabulary.js';

const MORE_ACTIONS = ['user.created', 'user.updated', 'session.created', 'session.ended', 'token.created', 'token.revoked'];
const PAGE = 50;

/** What changed, from the payload the entry kept; nothing is shown that the entry does not hold. */
function change(entry) {
  const data = entry.data;
  if (!data) return '';
  const approval = data.reply?.approval;
  if (data.edited && approval?.submittedText != null) {
    return h('span', { class: 'audit-change', testid: 'audit-change' },
      h('span', { class: 'audit-before' }, approval.submittedText), ' → ', h('span', { class: 'audit-after' }, data.reply.text ?? ''));
  }
  const lines = [];
  if ('from' in data && 'to' in data) {
    lines.push(h('div', { class: 'audit-change', testid: 'audit-change' },
      h('span', { class: 'audit-before' }, String(data.from ?? 'none')), ' → ', h('span', { class: 'audit-after' }, String(data.to ?? 'none'))));
  }
  lines.push(h('details', { class: 'audit-record' }, h('summary', {}, 'recorded'),
    h('pre', { testid: 'audit-data' }, JSON.stringify(data, null, 2))));
  return lines;
}

function row(entry) {
  return h('tr', { testid: 'audit-row', dataset: { id: entry.id } },
    h('td', { title: entry.at }, dateTime(entry.at)),
    h('td', { testid: 'audit-actor' }, entry.actor ?? ''),
    h('td', { testid: 'audit-action' }, entry.action ?? ''),
    h('td', { testid: 'audit-target' }, entry.target ?? ''),
    h('td', { testid: 'audit-detail', class: 'audit-detail' }, entry.detail ?? ''),
    h('td', {}, change(entry)));
}

/** A datetime-local value ("2026-05-01T10:00") as the ISO instant the API reads; '' stays ''. */
const instant = (value) => (value ? new Date(value).toISOString() : '');

export function createAuditPage(root) {
  const field = (name, attrs = {}) => h('input', { name, testid: `audit-filter-${name}`, ...attrs });
  const inputs = {
    actor: field('actor', { placeholder: 'username' }),
    action: field('action', { list: 'audit-actions', placeholder: 'e.g. reply.approved' }),
    object: field('object', { placeholder: 'e.g. reply:<id>' }),
    from: field('from', { type: 'datetime-local' }),
    to: field('to', { type: 'datetime-local' }),
  };
  const actions = h('datalist', { id: 'audit-actions' },
    [...Object.values(EVENTS), ...MORE_ACTIONS].sort().map((a) => h('option', { value: a })));
  const error = h('div', { class: 'form-error', testid: 'audit-error', role: 'alert', hidden: true });
  const body = h('tbody', { testid: 'audit-rows' });
  const total = h('span', { class: 'count', testid: 'audit-total' });
  const exportLink = h('a', { class: 'btn small', testid: 'audit-export', download: 'earshot-audit.csv' }, 'Export CSV');
  const more = h('button', { type: 'button', class: 'btn', testid: 'audit-more', hidden: true }, 'Older entries');
  const form = h('form', { class: 'admin-filters', testid: 'audit-filters' },
    Object.entries(inputs).map(([name, input]) => h('label', {}, name, input)), actions,
    h('button', { type: 'submit', class: 'btn primary', testid: 'audit-apply' }, 'Show'), exportLink);
  replaceChildren(root, h('div', { class: 'admin-head' }, h('h2', {}, 'Audit log '), total), form, error,
    h('table', { class: 'admin-table', testid: 'audit-table' },
      h('thead', {}, h('tr', {}, ['When', 'Actor', 'Action', 'Object', 'Detail', 'Change'].map((t) => h('th', {}, t)))), body),
    more);

  let cursor = null;
  const filters = () => ({ actor: inputs.actor.value.trim(), action: inputs.action.value.trim(),
    object: inputs.object.value.trim(), from: instant(inputs.from.value), to: instant(inputs.to.value) });

  async function load({ append = false } = {}) {
    error.hidden = true;
    const wanted = filters();
    exportLink.href = api.auditCsvUrl(wanted);
    try {
      const page = await api.audit({ ...wanted, limit: PAGE, cursor: append ? cursor : null });
      if (!append) body.replaceChildren();
      for (const entry of page.items) body.append(row(entry));
      total.textContent = String(page.total ?? '');
      cursor = page.nextCursor || null;
      more.hidden = !cursor;
    } catch (err) {
      error.textContent = err.message; // a 400 names the field: "from: 'x' is not an ISO-8601 instant"
      error.hidden = false;
    }
  }

  form.addEventListener('submit', (e) => { e.preventDefault(); load(); });
  more.onclick = () => load({ append: true });
  return { load };
}

// The SLA policy page for admins: what is in force per brand (hours, holidays, bands of targets)
// and an editor of the policy as JSON, saved with PUT /policies/sla. A refusal names its field
// (e.g. brands[0].hours.mon[1]), shown beside the editor. Everything is inserted as text.
import { api } from './api.js';
import { h, replaceChildren } from './dom.js';

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

const EXAMPLE = {
  warnAtPercent: 80,
  brands: [{
    brand: 'default', timeZone: 'Europe/Berlin',
    hours: { mon: ['09:00-17:00'], tue: ['09:00-17:00'], wed: ['09:00-17:00'], thu: ['09:00-17:00'], fri: ['09:00-17:00'] },
    holidays: ['2026-12-25'],
    bands: [
      { name: 'urgent', minPriority: 70, firstResponseMinutes: 30, nextResponseMinutes: 60, resolutionMinutes: 480 },
      { name: 'normal', minPriority: 0, firstResponseMinutes: 120, nextResponseMinutes: 240, resolutionMinutes: 2880 },
    ],
  }],
};

function hoursText(hours) {
  if (!hours) return 'always open';
  return DAYS.filter((d) => hours[d]?.length).map((d) => `${d} ${hours[d].join(', ')}`).join(' · ') || 'never open';
}

function summary(policy) {
  if (!policy.brands?.length) return h('p', { class: 'muted', testid: 'sla-none' }, 'No brand has an SLA yet.');
  return h('table', { class: 'audit-table', testid: 'sla-summary' },
    h('thead', {}, h('tr', {}, ['brand', 'time zone', 'hours', 'holidays', 'bands (first / next / resolution, minutes)']
      .map((t) => h('th', {}, t)))),
    h('tbody', {}, policy.brands.map((b) => h('tr', { testid: 'sla-brand', dataset: { brand: b.brand } },
      h('td', {}, b.brand), h('td', {}, b.timeZone), h('td', {}, hoursText(b.hours)),
      h('td', {}, (b.holidays || []).join(', ') || '—'),
      h('td', {}, b.bands.map((band) => h('div', {},
        `${band.name} (priority ≥ ${band.minPriority}): ${band.firstResponseMinutes ?? '—'} / ${band.nextResponseMinutes ?? '—'} / ${band.resolutionMinutes ?? '—'}`)))))));
}

/** What the editor holds, as the PUT body: the policy without its version. */
const editable = (policy) => JSON.stringify({ warnAtPercent: policy.warnAtPercent, brands: policy.brands }, null, 2);

export function createSlaAdminPage(root) {
  const editor = h('textarea', { class: 'sla-editor', testid: 'sla-editor', rows: '22', spellcheck: 'false' });
  const error = h('div', { class: 'form-error', testid: 'sla-error', role: 'alert', hidden: true });
  const saved = h('span', { class: 'muted', testid: 'sla-saved', role: 'status' });
  const view = h('div', {});
  let current = null;

  function show(policy) {
    current = policy;
    replaceChildren(view, h('p', { class: 'muted', testid: 'sla-version' },
      `Version ${policy.version}; a running target warns at ${policy.warnAtPercent}% used.`), summary(policy));
    editor.value = policy.brands?.length ? editable(policy) : JSON.stringify(EXAMPLE, null, 2);
  }

  async function save() {
    error.hidden = true;
    saved.textContent = '';
    let body;
    try {
      body = JSON.parse(editor.value);
    } catch (e) {
      error.hidden = false;
      error.textContent = `Not JSON: ${e.message}`;
      return;
    }
    try {
      show(await api.setSlaPolicy(body));
      saved.textContent = `Saved as version ${current.version}.`;
    } catch (err) {
      error.hidden = false;
      error.dataset.field = err.validationErrors?.[0]?.field || '';
      error.textContent = err.message;
    }
  }

  replaceChildren(root, h('div', { class: 'page-head' }, h('h2', {}, 'SLA policy')), view,
    h('h3', {}, 'Edit'),
    h('p', { class: 'muted' }, 'Per brand: time zone (IANA id, defaults to the brand\'s), weekly hours as HH:mm-HH:mm (none: always open), holidays as YYYY-MM-DD, and bands by minimum priority with targets in business minutes.'),
    editor, error,
    h('div', { class: 'actions' }, h('button', { type: 'button', class: 'btn primary', testid: 'sla-save', on: { click: save } }, 'Save'), saved));

  return {
    async load() {
      show(await api.slaPolicy());
    },
  };
}

// The routing page (GET/PUT /policies/routing, GET /agents, PATCH /users/{name}): per brand, how
// new cases are auto-assigned (off, round robin, least load), which skill kinds a case requires of
// its agent and after how many untouched minutes it goes to someone else; per agent, their
// availability, load (new and open cases they hold, from GET /cases/counts), capacity and skills.
// Managers read it; only admins change it (the hub refuses everyone else anyway).
import { api } from './api.js';
import { h, replaceChildren } from './dom.js';
import { clearErrors, errorSlot, showErrors } from './admin-fields.js';

const MODES = [['off', 'Off (no auto-assignment)'], ['round_robin', 'Round robin'], ['least_load', 'Least load']];
const KINDS = ['platform', 'language', 'brand', 'reason'];

/** One brand's row of controls; rule() reads them back as the PUT body's rule. */
function brandRow(brand, rule, canEdit) {
  const field = `brands.${brand.id}`;
  const mode = h('select', { testid: 'routing-mode', disabled: !canEdit, 'aria-label': `Mode for ${brand.name || brand.id}` },
    MODES.map(([v, t]) => h('option', { value: v, selected: (rule?.mode || 'off') === v }, t)));
  const kinds = KINDS.map((k) => h('input', { type: 'checkbox', value: k, disabled: !canEdit,
    checked: (rule?.match || []).includes(k), dataset: { kind: k } }));
  const after = h('input', { type: 'number', min: 1, max: 10080, testid: 'routing-reassign', disabled: !canEdit,
    value: rule?.reassignAfterMinutes ?? '', placeholder: 'never', 'aria-label': `Reassign after minutes for ${brand.id}` });
  const element = h('tr', { testid: 'routing-brand', dataset: { brand: brand.id } },
    h('td', {}, brand.name || brand.id, brand.name && brand.name !== brand.id ? h('div', { class: 'muted' }, brand.id) : null),
    h('td', {}, mode, errorSlot(`${field}.mode`)),
    h('td', {}, h('fieldset', { class: 'role-boxes', testid: 'routing-match' }, h('legend', { class: 'muted' }, 'Case requires'),
      kinds.map((b) => h('label', {}, b, ` ${b.value}`))), errorSlot(`${field}.match`)),
    h('td', {}, after, errorSlot(`${field}.reassignAfterMinutes`), errorSlot(field)));
  const rule$ = () => ({ mode: mode.value, match: kinds.filter((b) => b.checked).map((b) => b.value),
    reassignAfterMinutes: after.value === '' ? null : Number(after.value) });
  return { element, brand: brand.id, rule: rule$ };
}

/** The load routing counts against capacity: new and open cases the agent holds, from the inbox index. */
async function loadOf(username) {
  const { counts = {} } = await api.caseCounts({ assignee: username });
  return (counts.new || 0) + (counts.open || 0);
}

function agentRow(agent, load, canEdit, onSaved) {
  const capacity = h('input', { type: 'number', min: 0, max: 10000, testid: 'agent-capacity', disabled: !canEdit,
    value: agent.capacity ?? '', placeholder: 'default', 'aria-label': `Capacity of ${agent.username}` });
  const skills = h('input', { testid: 'agent-skills', disabled: !canEdit, value: (agent.skills || []).join(', '),
    placeholder: 'platform:x, language:de', size: 28, 'aria-label': `Skills of ${agent.username}` });
  const tr = h('tr', { testid: 'agent-row', dataset: { username: agent.username } });
  const save = async () => {
    const patch = { capacity: capacity.value === '' ? null : Number(capacity.value),
      skills: skills.value.split(',').map((s) => s.trim()).filter(Boolean) };
    try {
      onSaved(await api.updateUser(agent.username, patch), tr);
    } catch (err) { showErrors(tr, tr.querySelector('[data-error-for=row]'), err); }
  };
  replaceChildren(tr, h('td', { testid: 'agent-name' }, agent.displayName ? `${agent.displayName} (${agent.username})` : agent.username),
    h('td', {}, h('span', { class: 'chip', testid: 'agent-availability', dataset: { state: agent.availability } }, agent.availability)),
    h('td', { testid: 'agent-load' }, agent.capacity == null ? String(load) : `${load} / ${agent.capacity}`),
    h('td', {}, capacity, errorSlot('capacity')),
    h('td', {}, skills, errorSlot('skills')),
    h('td', {}, canEdit && h('button', { type: 'button', class: 'btn small', testid: 'agent-save', on: { click: save },
      'aria-label': `Save capacity and skills of ${agent.username}` }, 'Save'), errorSlot('row')));
  return tr;
}

export function createRoutingPage(root, { me }) {
  const canEdit = (me.roles || []).includes('admin');
  const line = h('div', { class: 'form-error', testid: 'routing-error', role: 'alert', hidden: true });
  const notice = h('div', { class: 'muted', testid: 'routing-notice', role: 'status' });
  const brandsBody = h('tbody', { testid: 'routing-brands' });
  const agentsBody = h('tbody', { testid: 'routing-agents' });
  let rows = [];

  async function save() {
    clearErrors(root, line);
    const brands = Object.fromEntries(rows.map((r) => [r.brand, r.rule()]));
    try {
      const policy = await api.setRoutingPolicy({ brands });
      notice.textContent = `Saved as version ${policy.version}.`;
    } catch (err) { showErrors(brandsBody, line, err); }
  }

  async function loadAgents() {
    const agents = (await api.agents()).items || [];
    const loads = await Promise.all(agents.map((a) => loadOf(a.username).catch(() => 0)));
    const saved = (person) => { notice.textContent = `${person.username}: capacity and skills saved.`; loadAgents().catch(() => {}); };
    replaceChildren(agentsBody, agents.map((a, i) => agentRow(a, loads[i], canEdit, saved)));
  }

  replaceChildren(root, h('div', { class: 'admin-head' }, h('h2', {}, 'Routing')),
    h('p', { class: 'muted' }, 'New cases of a routed brand go to available agents with room: in turn (round robin) or to whoever holds fewest (least load).'),
    line, notice,
    h('table', { class: 'admin-table', testid: 'routing-table' },
      h('thead', {}, h('tr', {}, ['Brand', 'Mode', 'Skills required', 'Reassign after (minutes)'].map((t) => h('th', {}, t)))), brandsBody),
    canEdit && h('div', { class: 'actions' }, h('button', { type: 'button', class: 'btn primary', testid: 'routing-save',
      on: { click: save } }, 'Save routing')),
    h('div', { class: 'admin-head' }, h('h3', {}, 'Agents'),
      h('button', { type: 'button', class: 'btn ghost small', testid: 'agents-refresh', on: { click: () => loadAgents().catch(() => {}) } }, 'Refresh')),
    h('p', { class: 'muted' }, 'Skills are kind:value, e.g. platform:x, language:de, brand:tallycloud, reason:billing. An empty capacity means the default.'),
    h('table', { class: 'admin-table', testid: 'agents-table' },
      h('thead', {}, h('tr', {}, ['Agent', 'Availability', 'Load / capacity', 'Capacity', 'Skills', ''].map((t) => h('th', {}, t)))), agentsBody));

  async function load() {
    try {
      const [brands, policy] = await Promise.all([api.brands(), api.routingPolicy()]);
      rows = (brands.items || []).map((b) => brandRow(b, policy.brands?.[b.id], canEdit));
      replaceChildren(brandsBody, rows.map((r) => r.element));
      await loadAgents();
    } catch (err) { showErrors(root, line, err); }
  }

  let soon = null;
  return {
    load,
    /** Live: assignments move the agents' figures; re-read them while shown, at most once a second (events come in bursts). */
    changed() {
      if (root.hidden || soon) return;
      soon = setTimeout(() => { soon = null; loadAgents().catch(() => {}); }, 1000);
    },
  };
}

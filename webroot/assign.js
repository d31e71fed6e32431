// Assignment in the dashboard: the availability toggle in the header, the assign menu of a case
// (people and teams), and the confirmation dialog used before taking over or sending over a colleague.
import { api } from './api.js';
import { h, replaceChildren } from './dom.js';

/** Who can be given cases and which teams exist, read once and on demand. */
export function createDirectory() {
  let agents = [];
  let teams = [];
  return {
    async load() {
      const [a, t] = await Promise.all([api.agents().catch(() => ({ items: [] })), api.teams().catch(() => ({ items: [] }))]);
      agents = a.items || [];
      teams = t.items || [];
    },
    agents: () => agents,
    teams: () => teams,
    availabilityOf: (username) => agents.find((a) => a.username === username)?.availability ?? 'away',
  };
}

/** A modal yes/no question; resolves true when the agent confirms. Text only, never HTML. */
export function confirmDialog(question, okLabel) {
  return new Promise((resolve) => {
    const dialog = h('dialog', { class: 'confirm-dialog', testid: 'confirm-dialog' });
    const finish = (answer) => { dialog.close(); dialog.remove(); resolve(answer); };
    replaceChildren(dialog,
      h('p', { testid: 'confirm-text' }, question),
      h('div', { class: 'confirm-actions' },
        h('button', { type: 'button', class: 'btn', testid: 'confirm-cancel', on: { click: () => finish(false) } }, 'Cancel'),
        h('button', { type: 'button', class: 'btn primary', testid: 'confirm-ok', on: { click: () => finish(true) } }, okLabel)));
    dialog.addEventListener('cancel', (e) => { e.preventDefault(); finish(false); });
    document.body.appendChild(dialog);
    dialog.showModal();
  });
}

/** The header's Available / Away switch for the signed-in agent. */
export function createAvailabilityToggle(me, directory) {
  let state = directory.availabilityOf(me.username);
  const button = h('button', { type: 'button', class: 'btn ghost small availability', testid: 'availability-toggle' });
  const render = () => {
    button.textContent = state === 'available' ? '● Available' : '○ Away';
    button.dataset.state = state;
    button.title = state === 'available' ? 'You get new cases; click to go away' : 'You get no new cases; click to become available';
  };
  button.addEventListener('click', async () => {
    const next = state === 'available' ? 'away' : 'available';
    try {
      const person = await api.updateUser(me.username, { availability: next });
      state = person.availability;
    } catch { /* unchanged: the button keeps showing what the hub has */ }
    render();
  });
  render();
  return button;
}

/**
 * The assign menu of case c: nobody, a person or a team. onAssign(patch) applies the change;
 * taking a case from someone else first asks.
 */
export function assignMenu(c, me, directory, onAssign) {
  const select = h('select', { class: 'assign-menu', testid: 'case-assign', 'aria-label': 'Assign to', 'data-action': 'assign' },
    h('option', { value: '' }, 'Assign to…'),
    h('option', { value: 'none:' }, 'Nobody (back to the queue)'),
    h('optgroup', { label: 'People' }, directory.agents().map((a) => h('option', { value: `user:${a.username}` },
      `${a.displayName || a.username}${a.availability === 'available' ? '' : ' (away)'}`))),
    directory.teams().length > 0 && h('optgroup', { label: 'Teams' },
      directory.teams().map((t) => h('option', { value: `team:${t.name}` }, `Team ${t.name}`))));
  select.addEventListener('change', async () => {
    const [kind, name] = select.value.split(/:(.*)/s);
    select.value = '';
    if (!kind) return;
    const patch = kind === 'team' ? { team: name } : { assignee: kind === 'none' ? null : name };
    const takesFrom = c.assignee && c.assignee !== me.username && patch.assignee !== undefined && patch.assignee !== c.assignee;
    if (takesFrom && !(await confirmDialog(`${c.assignee} has this case. Give it to ${patch.assignee ?? 'nobody'}?`, 'Reassign'))) return;
    onAssign(patch);
  });
  return select;
}

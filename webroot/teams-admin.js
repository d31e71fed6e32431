// The Teams page for admins (GET/POST /teams, PATCH/DELETE /teams/{name}): every team with its
// members, a form to create one, member choices from the people who work cases (GET /agents),
// and delete after a confirmation. The hub offers no rename (cases keep the team name they were
// given), so the page does not fake one. A refusal is shown beside the field it names.
import { api } from './api.js';
import { h, replaceChildren } from './dom.js';
import { confirmDialog } from './assign.js';
import { clearErrors, errorSlot, showErrors } from './admin-fields.js';

/** Checkboxes, one per person who works cases; value() is the usernames ticked. */
function memberPicker(agents, chosen, label) {
  const boxes = agents.map((a) => h('input', { type: 'checkbox', value: a.username, checked: chosen.includes(a.username),
    dataset: { member: a.username } }));
  // Members no longer among the agents (disabled since) stay listed so saving does not drop them silently.
  const gone = chosen.filter((u) => !agents.some((a) => a.username === u)).map((u) =>
    h('input', { type: 'checkbox', value: u, checked: true, dataset: { member: u } }));
  const all = [...boxes, ...gone];
  const element = h('fieldset', { class: 'role-boxes member-picker', testid: 'team-members' },
    h('legend', { class: 'muted' }, label),
    all.map((b) => h('label', {}, b, ` ${b.value}`)));
  return { element, value: () => all.filter((b) => b.checked).map((b) => b.value) };
}

export function createTeamsPage(root) {
  const line = h('div', { class: 'form-error', testid: 'teams-error', role: 'alert', hidden: true });
  const notice = h('div', { class: 'muted', testid: 'teams-notice', role: 'status' });
  const body = h('tbody', { testid: 'team-rows' });
  const form = h('form', { class: 'admin-filters', testid: 'team-create' });
  let agents = [];
  const done = (text) => { clearErrors(root, line); notice.textContent = text; };

  function renderForm() {
    const name = h('input', { name: 'name', testid: 'team-new-name', required: true, maxlength: 64, placeholder: 'billing' });
    const members = memberPicker(agents, [], 'Members');
    replaceChildren(form, h('label', {}, 'Team name ', name), errorSlot('name', 'team-name-error'),
      members.element, errorSlot('members', 'team-members-error'),
      h('button', { type: 'submit', class: 'btn primary', testid: 'team-create-submit' }, 'Create team'));
    form.onsubmit = async (e) => {
      e.preventDefault();
      try {
        const team = await api.createTeam({ name: name.value.trim(), members: members.value() });
        done(`Created team ${team.name}.`);
        await load();
      } catch (err) { showErrors(form, line, err); }
    };
  }

  function row(team) {
    const members = memberPicker(agents, team.members || [], `Members of ${team.name}`);
    const tr = h('tr', { testid: 'team-row', dataset: { team: team.name } });
    const save = async () => {
      try {
        const updated = await api.updateTeam(team.name, { members: members.value() });
        done(`${updated.name}: members saved.`);
        tr.replaceWith(row(updated));
      } catch (err) { showErrors(tr, line, err); }
    };
    const remove = async () => {
      if (!(await confirmDialog(`Delete team ${team.name}? Cases given to it keep its name until someone assigns them again.`,
        'Delete team'))) return;
      try {
        await api.deleteTeam(team.name);
        done(`Deleted team ${team.name}.`);
        tr.remove();
      } catch (err) { showErrors(tr, line, err); }
    };
    replaceChildren(tr, h('td', { testid: 'team-name' }, team.name),
      h('td', { testid: 'team-member-list' }, (team.members || []).join(', ') || '—'),
      h('td', {}, members.element, errorSlot('members', 'team-members-error')),
      h('td', {}, h('button', { type: 'button', class: 'btn small', testid: 'team-save', on: { click: save } }, 'Save members'), ' ',
        h('button', { type: 'button', class: 'btn small danger', testid: 'team-delete', 'aria-label': `Delete team ${team.name}`,
          on: { click: remove } }, 'Delete')));
    return tr;
  }

  replaceChildren(root, h('div', { class: 'admin-head' }, h('h2', {}, 'Teams')),
    h('p', { class: 'muted' }, 'A team is a named group of people who work cases; a case can be assigned to a team.'),
    form, line, notice,
    h('table', { class: 'admin-table', testid: 'teams-table' },
      h('thead', {}, h('tr', {}, ['Team', 'Members', 'Change members', ''].map((t) => h('th', {}, t)))), body));

  async function load() {
    try {
      const [people, teams] = await Promise.all([api.agents(), api.teams()]);
      agents = people.items || [];
      renderForm();
      replaceChildren(body, (teams.items || []).map(row));
    } catch (err) { showErrors(root, line, err); }
  }

  return { load };
}

// The people page for admins: everyone with their roles, whether they are disabled, and the
// changes the API offers (GET/POST /users, PATCH /users/{username}): add someone, change their
// roles and display name (what templated replies sign with), disable or enable them (disabling
// ends their sessions and tokens at once), and set a new password. The hub refuses what it must (the last admin, a short password) and the page
// shows its reason.
import { api } from './api.js';
import { h, replaceChildren } from './dom.js';
import { dateTime } from './format.js';

const ROLES = ['agent', 'manager', 'marketer', 'admin'];

function roleBoxes(testid, chosen = []) {
  const boxes = ROLES.map((role) => h('input', { type: 'checkbox', value: role, checked: chosen.includes(role),
    dataset: { role }, 'aria-label': role }));
  const element = h('span', { class: 'role-boxes', testid }, boxes.map((b) => h('label', {}, b, b.value)));
  return { element, value: () => boxes.filter((b) => b.checked).map((b) => b.value) };
}

export function createPeoplePage(root, { me }) {
  const error = h('div', { class: 'form-error', testid: 'people-error', role: 'alert', hidden: true });
  const notice = h('div', { class: 'muted', testid: 'people-notice', role: 'status' });
  const body = h('tbody', { testid: 'people-rows' });
  const fail = (err) => { error.textContent = err.message; error.hidden = false; };
  const done = (text) => { error.hidden = true; notice.textContent = text; };

  const name = h('input', { name: 'username', testid: 'people-new-username', placeholder: 'username', required: true });
  const password = h('input', { name: 'password', type: 'password', testid: 'people-new-password',
    placeholder: 'password (10+ characters)', autocomplete: 'new-password', required: true });
  const roles = roleBoxes('people-new-roles', ['agent']);
  const form = h('form', { class: 'admin-filters', testid: 'people-create' }, name, password, roles.element,
    h('button', { type: 'submit', class: 'btn primary', testid: 'people-create-submit' }, 'Add person'));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      const created = await api.createUser({ username: name.value.trim(), password: password.value, roles: roles.value() });
      name.value = '';
      password.value = '';
      done(`Added ${created.username}.`);
      await load();
    } catch (err) { fail(err); }
  });

  replaceChildren(root, h('div', { class: 'admin-head' }, h('h2', {}, 'People')), form, error, notice,
    h('table', { class: 'admin-table', testid: 'people-table' },
      h('thead', {}, h('tr', {}, ['Username', 'Display name', 'Roles', '', 'Status', 'Password', 'Added'].map((t) => h('th', {}, t)))), body));

  /** Sends one change for one person and redraws their row from the hub's answer. */
  const change = (person, patch, what) => async () => {
    try {
      const updated = await api.updateUser(person.username, patch);
      done(`${updated.username}: ${what}.`);
      body.querySelector(`tr[data-username="${CSS.escape(updated.username)}"]`)?.replaceWith(row(updated));
    } catch (err) { fail(err); }
  };

  function row(person) {
    const boxes = roleBoxes('people-roles', person.roles || []);
    const fresh = h('input', { type: 'password', testid: 'people-password', placeholder: 'new password',
      autocomplete: 'new-password', 'aria-label': `New password for ${person.username}` });
    const self = person.username === me.username;
    const shown = h('input', { testid: 'people-display-name', value: person.displayName || '', maxlength: 100,
      placeholder: person.username, 'aria-label': `Display name for ${person.username}` });
    const saveName = () => change(person, { displayName: shown.value.trim() || null }, 'display name saved')();
    const setPassword = async () => {
      await change(person, { password: fresh.value }, 'password set; their other sessions ended')();
    };
    return h('tr', { testid: 'people-row', dataset: { username: person.username } },
      h('td', { testid: 'people-username' }, person.username),
      h('td', {}, shown, h('button', { type: 'button', class: 'btn small', testid: 'people-save-name',
        on: { click: saveName } }, 'Save')),
      h('td', {}, boxes.element),
      h('td', {}, h('button', { type: 'button', class: 'btn small', testid: 'people-save-roles',
        on: { click: () => change(person, { roles: boxes.value() }, 'roles saved')() } }, 'Save roles')),
      h('td', {}, h('span', { class: ['chip', person.disabled && 'escalated'], testid: 'people-status' },
        person.disabled ? 'disabled' : 'active'), ' ',
      h('button', { type: 'button', class: 'btn small', testid: 'people-toggle', disabled: self,
        title: self ? 'You cannot disable yourself here' : null,
        on: { click: change(person, { disabled: !person.disabled }, person.disabled ? 'enabled' : 'disabled; signed out everywhere') } },
      person.disabled ? 'Enable' : 'Disable')),
      h('td', {}, fresh, h('button', { type: 'button', class: 'btn small', testid: 'people-reset', on: { click: setPassword } },
        'Set password')),
      h('td', {}, dateTime(person.createdAt)));
  }

  async function load() {
    try {
      const page = await api.users();
      replaceChildren(body, page.items.map(row));
    } catch (err) { fail(err); }
  }

  return { load };
}

// "Choose a new password": someone whose password an admin set (a reset) replaces it here before
// the app opens; the hub refuses everything else until then (403 password_change_required).
// Built with h() only, so nothing here is parsed as markup.
import { api } from './api.js';
import { h, replaceChildren } from './dom.js';

/**
 * Fills `root` with the form. onChanged(me) gets the session as the hub now describes it (the
 * same session goes on); onSignOut() is called after signing out instead.
 */
export function showPasswordChange(root, { me, onChanged, onSignOut }) {
  const current = h('input', { type: 'password', autocomplete: 'current-password', required: true, testid: 'pw-current' });
  const next = h('input', { type: 'password', autocomplete: 'new-password', required: true, minlength: 10,
    testid: 'pw-new' });
  const error = h('div', { class: 'form-error', role: 'alert', hidden: true, testid: 'pw-error' });
  const submit = h('button', { type: 'submit', class: 'btn primary wide', testid: 'pw-submit' }, 'Set password and continue');
  const signOut = h('button', { type: 'button', class: 'btn ghost small', testid: 'pw-sign-out',
    on: { click: () => api.logout().catch(() => {}).then(onSignOut) } }, 'Sign out');

  async function onSubmit(e) {
    e.preventDefault();
    submit.disabled = true;
    error.hidden = true;
    try {
      await api.updateUser(me.username, { currentPassword: current.value, password: next.value });
      onChanged(await api.currentSession());
    } catch (err) {
      if (err.status === 401) return onSignOut();
      error.hidden = false;
      error.textContent = err.message;
    } finally {
      submit.disabled = false;
    }
  }

  const form = h('form', { class: 'login-card', testid: 'password-change-form', on: { submit: onSubmit } },
    h('div', { class: 'brand large' }, h('span', { class: 'brand-mark', 'aria-hidden': 'true' }, '◉'), ' Earshot'),
    h('p', { class: 'muted' }, `An admin set the password of ${me.username}. Choose a new one to continue.`),
    h('label', {}, 'Current password', current),
    h('label', {}, 'New password (at least 10 characters)', next),
    error, submit, signOut);
  replaceChildren(root, form);
  current.focus();
}

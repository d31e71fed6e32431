// The sign-in form: POST /api/v1/session, then hand the signed-in user to the app.
import { api } from './api.js';
import { $ } from './dom.js';

export function wireLogin({ message, onSignedIn }) {
  const form = $('#login-form');
  const error = $('#login-error');
  const submit = form.querySelector('[type=submit]');
  error.hidden = !message;
  error.textContent = message || '';
  $('#login-password').value = '';

  form.onsubmit = async (e) => {
    e.preventDefault();
    submit.disabled = true;
    error.hidden = true;
    try {
      const me = await api.login($('#login-username').value.trim(), $('#login-password').value);
      form.onsubmit = null;
      onSignedIn(me);
    } catch (err) {
      error.hidden = false;
      error.textContent = err.status === 401 ? 'Wrong username or password.' : `Could not sign in: ${err.message}`;
    } finally {
      submit.disabled = false;
    }
  };
  $('#login-username').focus();
}

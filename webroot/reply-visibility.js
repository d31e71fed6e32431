// Which way a reply goes: a public reply in the customer's thread, or a private message only the
// customer reads. The composer always says which it will send; the choice is offered only where
// the case's account can send private messages (the case detail's privateReplies), and an answer
// to a private message starts private, so a customer's private conversation is never made public
// by a reflex.
import { h, replaceChildren } from './dom.js';

export function createVisibilityChoice({ onChange = () => {} } = {}) {
  let available = false;
  let value = 'public';
  let handle = '';
  const label = h('span', { class: 'visibility-label', testid: 'reply-visibility-label', 'aria-live': 'polite' });
  const buttons = ['public', 'private'].map((v) => h('button', {
    type: 'button', class: 'visibility-option', testid: `reply-visibility-${v}`, dataset: { visibility: v },
    on: { click: () => choose(v) },
  }, v === 'public' ? 'Public reply' : 'Private message'));
  const group = h('span', { class: 'visibility-options', role: 'group', 'aria-label': 'Send as' }, buttons);
  const element = h('div', { class: 'reply-visibility', testid: 'reply-visibility' }, group, label);

  function render() {
    group.hidden = !available;
    buttons.forEach((b) => {
      const on = b.dataset.visibility === value;
      b.setAttribute('aria-pressed', String(on));
      b.classList.toggle('on', on);
    });
    element.dataset.visibility = value;
    replaceChildren(label, value === 'private'
      ? `Sends a private message only @${handle} can read`
      : 'Sends a public reply everyone can see');
  }

  function choose(next) {
    if (next === value || (next === 'private' && !available)) return;
    value = next;
    render();
    onChange(value);
  }

  render();
  return {
    element,
    value: () => value,
    /** The case's possibilities: can it send private, and does the answered message call for it. */
    set({ canSendPrivate = false, preferPrivate = false, customer = '' } = {}) {
      available = canSendPrivate;
      handle = customer;
      value = available && preferPrivate ? 'private' : 'public';
      render();
      onChange(value);
    },
  };
}

// Notifications addressed to this user (live "notification" messages): a tray in the top bar
// with an unread count, and a toast for each new one. Clicking one opens its case.
import { h, replaceChildren } from './dom.js';

const TOAST_MS = 8000;
const KEEP = 30;

function describe(n) {
  if (n.kind === 'note.mention') return `${n.author} mentioned you in a note`;
  return n.kind || 'notification';
}

/** onOpen(caseId) opens the case a notification is about. */
export function createNotifications({ onOpen }) {
  const items = [];
  let unread = 0;
  const count = h('span', { class: 'count', testid: 'notification-count' });
  const list = h('ol', { class: 'notification-list', testid: 'notification-list', hidden: true });
  const button = h('button', {
    type: 'button', class: 'btn ghost small', testid: 'notification-tray', 'aria-label': 'Notifications',
    on: { click: () => toggle() },
  }, '🔔 ', count);
  const toasts = h('div', { class: 'toasts', 'aria-live': 'polite' });
  const element = h('div', { class: 'notifications' }, button, list);

  function entry(n, testid) {
    return h('li', { class: 'notification', testid, dataset: { caseId: n.caseId ?? '' },
      on: { click: () => { if (n.caseId) onOpen(n.caseId); } } },
    h('strong', {}, describe(n)),
    n.subject && h('div', { class: 'muted' }, n.subject),
    n.text && h('div', { class: 'notification-text', testid: 'notification-text' }, n.text));
  }

  function render() {
    count.textContent = unread ? String(unread) : '';
    replaceChildren(list, items.length ? items.map((n) => entry(n, 'notification-item'))
      : h('li', { class: 'muted' }, 'Nothing yet.'));
  }

  function toggle() {
    list.hidden = !list.hidden;
    if (!list.hidden) unread = 0;
    render();
  }

  function toast(n) {
    const el = entry(n, 'notification-toast');
    el.classList.add('toast');
    toasts.appendChild(el);
    setTimeout(() => el.remove(), TOAST_MS);
  }

  render();
  return {
    element,
    toasts,
    /** A notification's data ({ kind, caseId, author, text, … }). */
    add(n) {
      items.unshift(n);
      items.length = Math.min(items.length, KEEP);
      if (list.hidden) unread += 1;
      render();
      toast(n);
    },
  };
}

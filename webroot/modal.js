// A modal dialog shell for the shortcut overlay and the command palette: role=dialog with
// aria-modal, focus kept inside while open (Tab and Shift+Tab cycle), Esc or a click on the
// backdrop closes it, and focus goes back where it was.
import { h } from './dom.js';

const FOCUSABLE = 'button:not([disabled]), input:not([disabled]), select, textarea, [href], [tabindex]:not([tabindex="-1"])';

/** { element, dialog, open(), close(), isOpen() }; `label` names the dialog for screen readers. */
export function createModal({ label, testid, className, onClose = () => {} }, ...children) {
  let returnTo = null;
  const dialog = h('div', {
    class: ['modal', className], role: 'dialog', 'aria-modal': 'true', 'aria-label': label, testid, tabindex: '-1',
  }, ...children);
  const element = h('div', { class: 'modal-backdrop', hidden: true }, dialog);

  function trap(e) {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close();
      return;
    }
    if (e.key !== 'Tab') return;
    const items = [...dialog.querySelectorAll(FOCUSABLE)].filter((el) => !el.hidden && el.offsetParent !== null);
    if (!items.length) { e.preventDefault(); dialog.focus(); return; }
    const i = items.indexOf(document.activeElement);
    const next = e.shiftKey ? items[(i <= 0 ? items.length : i) - 1] : items[(i + 1) % items.length];
    e.preventDefault();
    next.focus();
  }

  function open(focusTarget) {
    if (!element.hidden) return;
    returnTo = document.activeElement;
    element.hidden = false;
    (focusTarget || dialog.querySelector(FOCUSABLE) || dialog).focus();
  }

  function close() {
    if (element.hidden) return;
    element.hidden = true;
    onClose();
    if (returnTo && document.contains(returnTo)) returnTo.focus();
    returnTo = null;
  }

  dialog.addEventListener('keydown', trap);
  element.addEventListener('mousedown', (e) => { if (e.target === element) close(); });
  document.body.appendChild(element);
  return { element, dialog, open, close, isOpen: () => !element.hidden, remove: () => element.remove() };
}

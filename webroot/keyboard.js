// Keyboard shortcuts of the inbox and the `?` overlay that lists them. Single keys act only when
// the agent is not typing (an input, textarea, select or editable element has focus); Ctrl/Cmd+K
// opens the command palette from anywhere. Shortcuts act through commands app.js provides, which
// click the open case's controls by their data-action attribute (claim, assign, snooze, resolve).
import { h } from './dom.js';
import { createModal } from './modal.js';

/** Every shortcut, in the order the overlay lists them; `command` names what app.js runs. */
export const SHORTCUTS = [
  { keys: ['j', '↓'], label: 'Next case', command: 'next' },
  { keys: ['k', '↑'], label: 'Previous case', command: 'previous' },
  { keys: ['Enter'], label: 'Open the focused case', command: 'open' },
  { keys: ['r'], label: 'Reply: focus the reply box', command: 'reply' },
  { keys: ['t'], label: 'Insert a saved reply', command: 'template' },
  { keys: ['c'], label: 'Claim the case (or take it over)', command: 'claim' },
  { keys: ['a'], label: 'Assign the case', command: 'assign' },
  { keys: ['s'], label: 'Snooze the case', command: 'snooze' },
  { keys: ['e'], label: 'Resolve the case', command: 'resolve' },
  { keys: ['/'], label: 'Search', command: 'search' },
  { keys: ['?'], label: 'Show these shortcuts', command: 'help' },
  { keys: ['Ctrl+K', '⌘K'], label: 'Command palette', command: 'palette' },
  { keys: ['Esc'], label: 'Close a dialog, or leave a text field', command: null },
];

// Keys as KeyboardEvent.key reports them; arrows and Enter are the case list's own (inbox.js).
const KEYS = { j: 'next', k: 'previous', r: 'reply', t: 'template', c: 'claim', a: 'assign', s: 'snooze',
  e: 'resolve', '/': 'search', '?': 'help' };
const TYPING = 'input, textarea, select, [contenteditable=""], [contenteditable="true"]';

export function isTyping(target) {
  return Boolean(target && target.closest && target.closest(TYPING));
}

/** The `?` overlay: a dialog with the table of shortcuts. */
export function createShortcutOverlay() {
  const close = h('button', { type: 'button', class: 'btn ghost small', testid: 'shortcuts-close' }, 'Close');
  const modal = createModal({ label: 'Keyboard shortcuts', testid: 'shortcuts-overlay', className: 'shortcuts' },
    h('div', { class: 'modal-head' }, h('h2', {}, 'Keyboard shortcuts'), close),
    h('table', { class: 'shortcut-table', testid: 'shortcut-list' },
      h('tbody', {}, SHORTCUTS.map((s) => h('tr', { testid: 'shortcut', dataset: { command: s.command || 'close' } },
        h('td', {}, s.keys.map((k, i) => [i > 0 && ' or ', h('kbd', {}, k)])),
        h('td', {}, s.label))))),
    h('p', { class: 'muted' }, 'Single-key shortcuts are ignored while you type in a field.'));
  close.addEventListener('click', () => modal.close());
  return { ...modal, toggle: () => (modal.isOpen() ? modal.close() : modal.open(close)) };
}

/**
 * Listens on the document; `run(command)` performs one. `blocked()` answers whether a dialog of
 * its own is open (the palette or the overlay then handles keys itself).
 */
export function wireShortcuts({ run, blocked }) {
  function onKey(e) {
    if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k') {
      e.preventDefault();
      run('palette');
      return;
    }
    if (e.key === 'Escape' && !blocked() && e.target.matches?.('textarea, input')) {
      e.target.blur(); // out of a field, so the single-key shortcuts work again
      return;
    }
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || blocked() || isTyping(e.target)) return;
    const command = KEYS[e.key];
    if (!command) return;
    e.preventDefault();
    run(command);
  }
  document.addEventListener('keydown', onKey);
  return { stop: () => document.removeEventListener('keydown', onKey) };
}

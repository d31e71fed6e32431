// The command palette (Ctrl/Cmd+K): a filterable list of actions and views. The input is an ARIA
// combobox over a listbox; arrow keys move the active option, Enter runs it, Esc closes, and
// focus stays in the dialog while it is open (modal.js).
import { h, replaceChildren } from './dom.js';
import { createModal } from './modal.js';

let seq = 0;

/** items(): the actions available now, each { id, label, hint?, run() }. */
export function createPalette({ items }) {
  const listId = `palette-list-${++seq}`;
  let shown = [];
  let active = 0;
  const input = h('input', {
    type: 'text', class: 'palette-input', testid: 'palette-input', role: 'combobox', 'aria-expanded': 'true',
    'aria-controls': listId, 'aria-autocomplete': 'list', 'aria-label': 'Type a command or a view',
    placeholder: 'Type a command or a view…', autocomplete: 'off', spellcheck: 'false',
  });
  const list = h('ul', { class: 'palette-list', id: listId, role: 'listbox', testid: 'palette-list', 'aria-label': 'Commands' });
  const empty = h('div', { class: 'muted palette-empty', testid: 'palette-empty', hidden: true }, 'No command matches.');
  const modal = createModal({ label: 'Command palette', testid: 'palette', className: 'palette' }, input, list, empty);

  const matches = (item, words) => words.every((w) => `${item.label} ${item.hint || ''}`.toLowerCase().includes(w));

  function render() {
    const words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    shown = items().filter((item) => matches(item, words));
    active = Math.min(active, Math.max(0, shown.length - 1));
    replaceChildren(list, shown.map((item, i) => h('li', {
      id: `${listId}-${i}`, role: 'option', class: ['palette-item', i === active && 'active'],
      'aria-selected': i === active ? 'true' : 'false', testid: 'palette-item', dataset: { command: item.id },
      on: { mousedown: (e) => { e.preventDefault(); runAt(i); } },
    }, h('span', {}, item.label), item.hint && h('kbd', {}, item.hint))));
    empty.hidden = shown.length > 0;
    if (shown.length) input.setAttribute('aria-activedescendant', `${listId}-${active}`);
    else input.removeAttribute('aria-activedescendant');
    list.children[active]?.scrollIntoView({ block: 'nearest' });
  }

  function runAt(i) {
    const item = shown[i];
    if (!item) return;
    modal.close();
    item.run();
  }

  input.addEventListener('input', () => { active = 0; render(); });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (shown.length) active = (active + (e.key === 'ArrowDown' ? 1 : shown.length - 1)) % shown.length;
      render();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      runAt(active);
    }
  });

  function open() {
    input.value = '';
    active = 0;
    render();
    modal.open(input);
  }

  return { open, close: modal.close, isOpen: modal.isOpen, remove: modal.remove,
    toggle: () => (modal.isOpen() ? modal.close() : open()) };
}

// What the keyboard shortcuts and the command palette do. Case actions click the open case's
// controls by their data-action attribute, so a control another part of the dashboard adds
// (data-action="assign", data-action="snooze", an input with data-action="search") is reached
// by its shortcut as soon as it exists; until then the shortcut says it is not available.
import { $ } from './dom.js';
import { SHORTCUTS, createShortcutOverlay } from './keyboard.js';
import { createPalette } from './palette.js';

const HINT_MS = 2500;
const CASE_COMMANDS = new Set(['next', 'previous', 'open', 'reply', 'template', 'claim', 'assign', 'snooze', 'resolve']);

export function createKeyboardCommands({ inbox, view, openCase, showView, savedReplies, signOut }) {
  const overlay = createShortcutOverlay();
  const palette = createPalette({ items: paletteItems });
  let hintTimer = null;

  function hint(text) {
    const el = $('#shortcut-hint');
    if (!el) return;
    el.textContent = text;
    el.hidden = false;
    clearTimeout(hintTimer);
    hintTimer = setTimeout(() => { el.hidden = true; }, HINT_MS);
  }

  function move(step) {
    const fromList = Boolean(document.activeElement?.closest?.('#case-list'));
    openCase(inbox.neighbour(step));
    if (fromList) inbox.focusSelected();
  }

  const caseAction = (name, missing) => () => view.action(name) || hint(missing);

  const commands = {
    next: () => move(1),
    previous: () => move(-1),
    open: () => inbox.focusSelected(),
    reply: () => view.focusReply() || hint('Open a case to reply'),
    template: () => view.focusTemplates() || hint('Open a case to use a saved reply'),
    claim: caseAction('claim', 'Nothing to claim: open a case that is not yours'),
    assign: caseAction('assign', 'Assigning is not available here'),
    snooze: caseAction('snooze', 'Snoozing is not available here'),
    resolve: caseAction('resolve', 'Open a case that is not resolved to resolve it'),
    search: () => {
      const box = document.querySelector('[data-action="search"]');
      if (box) box.focus(); else hint('Search is not available yet');
    },
    help: () => { palette.close(); overlay.toggle(); },
    palette: () => { overlay.close(); palette.toggle(); },
  };

  function run(name) {
    if (CASE_COMMANDS.has(name) && $('.workspace').hidden) showView('inbox');
    commands[name]?.();
  }

  /** Every command but the palette itself, then each view shown in the top bar, then sign-out. */
  function paletteItems() {
    const items = SHORTCUTS.filter((s) => s.command && s.command !== 'palette' && s.command !== 'open')
      .map((s) => ({ id: s.command, label: s.label, hint: s.keys[0], run: () => run(s.command) }));
    const views = $('#views').hidden ? [] : [...document.querySelectorAll('#views [data-view]')].filter((b) => !b.hidden);
    items.push({ id: 'view-inbox', label: 'Go to the inbox', run: () => showView('inbox') });
    for (const b of views.filter((v) => v.dataset.view !== 'inbox')) {
      items.push({ id: `view-${b.dataset.view}`, label: `Go to ${b.firstChild.textContent.trim()}`, run: () => b.click() });
    }
    if (savedReplies) {
      items.push({ id: 'new-saved-reply', label: 'New saved reply', run: () => { showView('saved-replies'); savedReplies.newReply(); } });
    }
    items.push({ id: 'sign-out', label: 'Sign out', run: signOut });
    return items;
  }

  $('#shortcuts-button').onclick = () => overlay.toggle();
  return {
    run,
    blocked: () => overlay.isOpen() || palette.isOpen(),
    remove() {
      overlay.remove();
      palette.remove();
      $('#shortcuts-button').onclick = null;
    },
  };
}

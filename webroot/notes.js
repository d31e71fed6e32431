// Internal notes on the open case: the team's thread beside the customer's, never sent out.
// @name of a teammate is shown as a mention; every piece of text goes in as text.
import { api } from './api.js';
import { h, replaceChildren, flash } from './dom.js';
import { dateTime } from './format.js';

const MENTION = /(@[A-Za-z0-9_.-]{2,64})/;

/** The note's text with the names it mentions marked; everything stays a text node. */
function noteText(n) {
  const named = new Set((n.mentions || []).map((m) => `@${m}`));
  return (n.text ?? '').split(MENTION).map((part) => (named.has(part.replace(/[.-]+$/, ''))
    ? h('span', { class: 'mention-name', testid: 'note-mention' }, part) : part));
}

function noteItem(n) {
  return h('li', { class: 'note', testid: 'note-item', dataset: { noteId: n.id } },
    h('div', { class: 'item-head' }, h('strong', {}, n.author), h('span', { class: 'spacer' }),
      h('span', { class: 'muted' }, dateTime(n.createdAt))),
    h('div', { class: 'item-text', testid: 'note-text' }, noteText(n)));
}

/** canWrite: agents, managers, admins (the hub refuses marketers anyway). */
export function createNotes({ canWrite }) {
  let caseId = null;
  let notes = [];
  const list = h('ol', { class: 'notes', testid: 'note-list' });
  const input = h('textarea', {
    class: 'note-input', testid: 'note-input', rows: '2', 'aria-label': 'Internal note',
    placeholder: 'Internal note for the team; @name notifies a teammate',
  });
  const error = h('div', { class: 'form-error', testid: 'note-error', role: 'alert', hidden: true });
  const add = h('button', { type: 'submit', class: 'btn small', testid: 'note-add' }, 'Add note');
  const form = h('form', { class: 'note-form', on: { submit } }, input, error, h('div', { class: 'composer-bar' },
    h('span', { class: 'spacer' }), add));
  const element = h('section', { class: 'panel', testid: 'notes-panel' },
    h('h3', { class: 'panel-title' }, 'Internal notes'), list, canWrite && form);

  function render() {
    replaceChildren(list, notes.length ? notes.map(noteItem) : h('li', { class: 'muted' }, 'No notes yet.'));
  }

  async function submit(e) {
    e.preventDefault();
    if (!input.value.trim() || !caseId) return;
    add.disabled = true;
    try {
      apply(await api.addNote(caseId, input.value));
      input.value = '';
      error.hidden = true;
    } catch (err) {
      error.hidden = false;
      error.textContent = err.validationErrors?.map((v) => v.message).join('; ') || err.message;
    } finally {
      add.disabled = false;
    }
  }

  /** A note from our own POST or a case.noted event; shown once, in time order. */
  function apply(note) {
    if (!note || note.caseId !== caseId || notes.some((n) => n.id === note.id)) return;
    notes = [...notes, note].sort((a, b) => String(a.createdAt).localeCompare(String(b.createdAt)));
    render();
    const el = list.querySelector(`[data-note-id="${CSS.escape(note.id)}"]`);
    if (el) flash(el);
  }

  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) form.requestSubmit();
  });

  return {
    element,
    show(id, list0) {
      if (id !== caseId) input.value = '';
      caseId = id;
      notes = [...(list0 || [])];
      render();
    },
    apply,
  };
}

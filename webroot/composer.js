// The reply composer: free text with a live, platform-counted length. A saved reply is filled by
// the hub for the open case and inserted into the same editable box; what is sent is the text as
// the agent left it, with the saved reply's id so the hub counts its use.
import { api } from './api.js';
import { h, replaceChildren } from './dom.js';
import { fillSavedReply, insertInto, savedRepliesFor } from './saved-replies.js';
import { createVisibilityChoice } from './reply-visibility.js';

const CHECK_DELAY_MS = 250;

/**
 * onSent(replyItem, caseId) is called with the 202 answer so the thread shows it at once;
 * onTyping() on each keystroke; confirm(question, okLabel) → Promise<boolean> asks before sending
 * over a colleague (the hub answered 409 collision).
 */
export function createComposer({ onSent, onTyping = () => {}, confirm = async () => false }) {
  let caseId = null;
  let brand = null;
  let all = [];
  let fromTemplate = null; // { id, name } of the saved reply the text was filled from
  let check = null;
  let timer = null;
  let checkSeq = 0;
  let busy = false;
  const drafts = new Map();
  let target = null; // the mention this reply answers; null: the newest
  const targetLine = h('div', { class: 'reply-target', testid: 'reply-target', hidden: true });

  const text = h('textarea', {
    class: 'reply-input', testid: 'reply-text', rows: '4', id: 'reply-text',
    placeholder: 'Write a public reply…  (Ctrl+Enter to send, Esc to leave the box)', 'aria-label': 'Reply text',
  });
  const counter = h('span', { class: 'counter', testid: 'reply-count', 'aria-live': 'polite' });
  const message = h('div', { class: 'composer-error', testid: 'reply-error', role: 'alert', hidden: true });
  // What the platform's rules say the agent should know (where the reply lands, a link it may hide).
  const notes = h('ul', { class: 'reply-notes', testid: 'reply-notes', 'aria-live': 'polite', hidden: true });
  const picker = h('select', {
    class: 'template-picker', testid: 'template-picker', 'aria-label': 'Insert a saved reply',
    dataset: { action: 'template' },
  });
  const note = h('div', { class: 'template-note muted', testid: 'template-note', 'aria-live': 'polite', hidden: true });
  const send = h('button', { type: 'submit', class: 'btn primary', testid: 'reply-send', disabled: true }, 'Send reply');
  let privateCase = { canSendPrivate: false, newest: null };
  const visibility = createVisibilityChoice({ onChange: (v) => {
    text.placeholder = `Write a ${v === 'private' ? 'private message' : 'public reply'}…  (Ctrl+Enter to send, Esc to leave the box)`;
  } });
  const form = h('form', { class: 'composer', testid: 'composer' },
    targetLine, note, visibility.element, text, message, notes,
    h('div', { class: 'composer-bar' }, picker, h('span', { class: 'spacer' }), counter, send));

  /** The answered message (the chosen one, else the newest) decides where the choice starts. */
  function showVisibility() {
    const answered = target || privateCase.newest;
    visibility.set({ canSendPrivate: privateCase.canSendPrivate, preferPrivate: answered?.visibility === 'private',
      customer: answered?.author?.handle ?? '' });
  }

  function renderPicker() {
    const list = savedRepliesFor(all, brand);
    replaceChildren(picker,
      h('option', { value: '' }, list.length ? 'Saved replies…' : 'No saved replies'),
      list.map((t) => h('option', { value: t.id, title: t.body }, t.name)));
    picker.disabled = !list.length;
    picker._templates = new Map(list.map((t) => [t.id, t]));
  }

  function setTemplates(list) {
    all = Array.isArray(list) ? list : [];
    renderPicker();
  }

  /** Fills the chosen saved reply for this case and inserts the text, ready to edit. */
  async function chooseTemplate(templateId) {
    const template = picker._templates.get(templateId);
    picker.value = '';
    if (!template || !caseId) return;
    const forCase = caseId;
    try {
      const filled = await fillSavedReply(forCase, template.id);
      if (forCase !== caseId) return;
      insertInto(text, filled.text);
      fromTemplate = { id: template.id, name: template.name };
      if (text.value === filled.text) check = { ...filled, text: filled.text };
      showNote();
      showError(filled.ok ? null : sentence(filled.message));
    } catch (err) {
      showError(details(err) || 'The saved reply could not be filled for this case.');
    }
    refreshState();
  }

  function showNote() {
    note.hidden = !fromTemplate;
    note.textContent = fromTemplate ? `From saved reply “${fromTemplate.name}” — edit it as you like before sending.` : '';
  }

  function showError(msg) {
    message.hidden = !msg;
    message.textContent = msg || '';
  }

  function showNotes(list = []) {
    notes.hidden = list.length === 0;
    replaceChildren(notes, list.map((n) => h('li', { testid: 'reply-note' }, n)));
  }

  function refreshState() {
    const empty = text.value.trim() === '';
    if (check && check.text === text.value) {
      counter.textContent = `${check.length} / ${check.limit}`;
      counter.className = `counter ${check.ok ? '' : 'over'}`;
      counter.title = check.message || 'Counted the way the platform counts';
    } else {
      // Until the hub answers, show a plain code-point count, marked as provisional.
      counter.textContent = empty ? '' : `~${[...text.value].length}`;
      counter.className = 'counter pending';
    }
    const tooLong = check && check.text === text.value && !check.ok;
    send.disabled = busy || !caseId || empty || tooLong;
  }

  function onInput() {
    if (!text.value.trim() && fromTemplate) {
      fromTemplate = null;
      showNote();
    }
    scheduleCheck();
  }

  function scheduleCheck() {
    clearTimeout(timer);
    refreshState();
    if (!text.value.trim() || !caseId || (check && check.text === text.value)) return;
    const seq = ++checkSeq;
    const forCase = caseId;
    const value = text.value;
    timer = setTimeout(async () => {
      try {
        const answer = await api.checkReply(forCase, value, target?.id);
        if (seq !== checkSeq || forCase !== caseId) return;
        check = { ...answer, text: value };
        showError(answer.ok ? null : sentence(answer.message));
        showNotes(answer.notes);
      } catch (err) {
        if (seq === checkSeq) check = null;
      }
      refreshState();
    }, CHECK_DELAY_MS);
  }

  async function submit(e) {
    e.preventDefault();
    if (send.disabled) return;
    busy = true;
    refreshState();
    const body = fromTemplate ? { text: text.value, template: fromTemplate.id } : { text: text.value };
    if (target) body.inReplyTo = target.id;
    body.visibility = visibility.value();
    const forCase = caseId;
    try {
      const item = await sendOrConfirm(forCase, body);
      if (!item) return;
      if (forCase === caseId) reset('');
      else drafts.delete(forCase);
      onSent(item, forCase);
    } catch (err) {
      showError(details(err) || err.message || 'The reply could not be sent.');
    } finally {
      busy = false;
      refreshState();
    }
  }

  /** Answer this mention ({ id, author, text }) instead of the newest; null goes back to the newest. */
  function setReplyTarget(mention) {
    target = mention || null;
    showVisibility();
    targetLine.hidden = !target;
    if (target) {
      const excerpt = (target.text || '').length > 80 ? `${target.text.slice(0, 80)}…` : target.text || '';
      replaceChildren(targetLine, `Replying to @${target.author?.handle ?? ''}: “${excerpt}” `,
        h('button', { type: 'button', class: 'link', testid: 'reply-target-clear', on: { click: () => setReplyTarget(null) } },
          'answer the newest instead'));
    }
    // The platform's rules may depend on what is answered (one level of replies): check again.
    check = null;
    scheduleCheck();
  }

  function reset(value) {
    setReplyTarget(null);
    text.value = value;
    check = null;
    fromTemplate = null;
    picker.value = '';
    showNote();
    showError(null);
    showNotes([]);
  }

  /** Sends; on a collision asks the agent, and sends again with confirm: true when they say so. */
  async function sendOrConfirm(forCase, body) {
    try {
      return await api.sendReply(forCase, body);
    } catch (err) {
      if (err.code !== 'collision') throw err;
      if (!(await confirm(collisionQuestion(err.body), 'Send anyway'))) return null;
      return api.sendReply(forCase, { ...body, confirm: true });
    }
  }

  text.addEventListener('input', onInput);
  text.addEventListener('input', () => onTyping());
  text.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) form.requestSubmit();
  });
  picker.addEventListener('change', () => chooseTemplate(picker.value));
  form.addEventListener('submit', submit);
  setTemplates([]);

  return {
    element: form,
    setTemplates,
    /** The open case's brand: only its saved replies and the shared ones are offered. */
    setBrand(next) {
      if (next === brand) return;
      brand = next;
      renderPicker();
    },
    /** Points the composer at another case; a half-written draft stays with its case. */
    setCase(id) {
      if (id === caseId) return;
      drafts.set(caseId, text.value);
      caseId = id;
      privateCase = { canSendPrivate: false, newest: null };
      reset(drafts.get(id) || '');
      scheduleCheck();
    },
    focus: () => text.focus(),
    setReplyTarget,
    /** What the open case allows: { canSendPrivate, newest } (newest: the customer's latest message). */
    setPrivacy(next) {
      privateCase = { canSendPrivate: !!next?.canSendPrivate, newest: next?.newest || null };
      showVisibility();
    },
    /** Focuses the saved reply picker and opens it where the browser allows. */
    focusTemplates() {
      picker.focus();
      try { picker.showPicker?.(); } catch { /* needs a user gesture in some browsers */ }
    },
  };
}

const details = (err) => err.validationErrors?.map((v) => `${v.field}: ${v.message}`).join('; ');
const collisionQuestion = ({ who = [], reason } = {}) => {
  const names = who.join(' and ');
  const what = { claimed: `${names} has claimed this case.`, typing: `${names} is typing on this case right now.`,
    replied: `${names} replied to this mention a few minutes ago.` }[reason] || 'Someone else is answering this case.';
  return `${what} Send your reply anyway?`;
};

// ReplyCheck messages read "is 300 characters; the limit is 280": give them a subject.
const sentence = (msg) => (msg && /^(is|has|mentions)\b/.test(msg) ? `This reply ${msg}.` : msg);

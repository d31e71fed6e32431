// The reply composer: free text with a live, platform-counted length, or a server-rendered template.
import { api } from './api.js';
import { h, replaceChildren } from './dom.js';

const CHECK_DELAY_MS = 250;

/**
 * onSent(replyItem, caseId) is called with the 202 answer so the thread shows it at once;
 * onTyping() on each keystroke; confirm(question, okLabel) → Promise<boolean> asks before sending
 * over a colleague (the hub answered 409 collision).
 */
export function createComposer({ onSent, onTyping = () => {}, confirm = async () => false }) {
  let caseId = null;
  let template = null;
  let check = null;
  let timer = null;
  let checkSeq = 0;
  let busy = false;
  const drafts = new Map();

  const text = h('textarea', {
    class: 'reply-input', testid: 'reply-text', rows: '4',
    placeholder: 'Write a public reply…  (Ctrl+Enter to send)', 'aria-label': 'Reply text',
  });
  const counter = h('span', { class: 'counter', testid: 'reply-count', 'aria-live': 'polite' });
  const message = h('div', { class: 'composer-error', testid: 'reply-error', role: 'alert', hidden: true });
  const picker = h('select', { class: 'template-picker', testid: 'template-picker', 'aria-label': 'Insert template' });
  const templateBox = h('div', { class: 'template-preview', testid: 'template-preview', hidden: true });
  const send = h('button', { type: 'submit', class: 'btn primary', testid: 'reply-send', disabled: true }, 'Send reply');
  const form = h('form', { class: 'composer', testid: 'composer' },
    templateBox, text, message,
    h('div', { class: 'composer-bar' }, picker, h('span', { class: 'spacer' }), counter, send));

  function setTemplates(list) {
    replaceChildren(picker,
      h('option', { value: '' }, list.length ? 'Templates…' : 'No templates'),
      list.map((t) => h('option', { value: t.name, title: t.body }, t.name)));
    picker.disabled = !list.length;
    picker._templates = new Map(list.map((t) => [t.name, t]));
  }

  function chooseTemplate(name) {
    template = name ? picker._templates.get(name) : null;
    text.hidden = Boolean(template);
    templateBox.hidden = !template;
    if (template) {
      replaceChildren(templateBox,
        h('div', { class: 'template-head' },
          h('strong', {}, `Template: ${template.name}`),
          h('span', { class: 'muted' }, ' — rendered for this customer when sent'),
          h('button', { type: 'button', class: 'link', testid: 'template-clear', on: { click: () => { picker.value = ''; chooseTemplate(''); } } }, 'Use free text')),
        h('pre', { class: 'template-body' }, template.body));
    }
    showError(null);
    refreshState();
  }

  function showError(msg) {
    message.hidden = !msg;
    message.textContent = msg || '';
  }

  function refreshState() {
    const empty = text.value.trim() === '';
    if (template) {
      counter.textContent = '';
      counter.className = 'counter';
    } else if (check && check.text === text.value) {
      counter.textContent = `${check.length} / ${check.limit}`;
      counter.className = `counter ${check.ok ? '' : 'over'}`;
      counter.title = check.message || 'Counted the way the platform counts';
    } else {
      // Until the hub answers, show a plain code-point count, marked as provisional.
      counter.textContent = empty ? '' : `~${[...text.value].length}`;
      counter.className = 'counter pending';
    }
    const tooLong = !template && check && check.text === text.value && !check.ok;
    send.disabled = busy || !caseId || (!template && (empty || tooLong));
  }

  function scheduleCheck() {
    clearTimeout(timer);
    refreshState();
    if (!text.value.trim() || !caseId) return;
    const seq = ++checkSeq;
    const forCase = caseId;
    const value = text.value;
    timer = setTimeout(async () => {
      try {
        const answer = await api.checkReply(forCase, value);
        if (seq !== checkSeq || forCase !== caseId) return;
        check = { ...answer, text: value };
        showError(answer.ok ? null : sentence(answer.message));
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
    const body = template ? { template: template.name } : { text: text.value };
    const forCase = caseId;
    try {
      const item = await sendOrConfirm(forCase, body);
      if (!item) return;
      if (forCase === caseId) {
        text.value = '';
        check = null;
        picker.value = '';
        chooseTemplate('');
      } else {
        drafts.delete(forCase);
      }
      onSent(item, forCase);
    } catch (err) {
      const details = err.validationErrors?.map((v) => `${v.field}: ${v.message}`).join('; ');
      showError(details || err.message || 'The reply could not be sent.');
    } finally {
      busy = false;
      refreshState();
    }
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

  text.addEventListener('input', scheduleCheck);
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
    /** Points the composer at another case; a half-written draft stays with its case. */
    setCase(id) {
      if (id === caseId) return;
      drafts.set(caseId, text.value);
      caseId = id;
      text.value = drafts.get(id) || '';
      check = null;
      picker.value = '';
      chooseTemplate('');
      scheduleCheck();
    },
    focus: () => text.focus(),
  };
}

const collisionQuestion = ({ who = [], reason } = {}) => {
  const names = who.join(' and ');
  const what = { claimed: `${names} has claimed this case.`, typing: `${names} is typing on this case right now.`,
    replied: `${names} replied to this mention a few minutes ago.` }[reason] || 'Someone else is answering this case.';
  return `${what} Send your reply anyway?`;
};

// ReplyCheck messages read "is 300 characters; the limit is 280": give them a subject.
const sentence = (msg) => (msg && /^is\b/.test(msg) ? `This reply ${msg}.` : msg);

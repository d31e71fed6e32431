// The open case: header with claim/status actions, the thread, the composer and the side panels.
import { api } from './api.js';
import { h, replaceChildren, flash } from './dom.js';
import { dateTime, platformName } from './format.js';
import { createComposer } from './composer.js';
import { customerPanel, priorityPanel, triagePanel } from './panels.js';
import { slaTargets } from './sla.js';
import { createNotes } from './notes.js';
import { createCaseTools } from './casetools.js';
import { assignMenu, confirmDialog } from './assign.js';
import { createModeration } from './moderation.js';
import { threadItems } from './thread-items.js';

const itemKey = (item) => `${item.kind}:${item.id}`;
// The same reference saved replies fill in as {{case.reference}} (publish/TemplateFiller).
const caseReference = (id) => `#${String(id).replace(/[^A-Za-z0-9]/g, '').slice(0, 8).toUpperCase()}`;

/** onCaseChanged(case) lets the inbox reflect a PATCH before its case event arrives. */
export function createCaseView(root, { me, onCaseChanged, presence, directory }) {
  let detail = null; // { case, thread, customer, history }
  let openSeq = 0;
  // Someone who is only a marketer reads cases; the hub refuses their changes anyway.
  const canReply = (me.roles || []).some((role) => role !== 'marketer');
  const composer = createComposer({
    onSent: (item, caseId) => applyThreadItem({ ...item, caseId }, { fromPost: true }),
    onTyping: () => presence.typing(),
    confirm: confirmDialog,
  });
  const presenceLine = h('span', { class: 'presence', testid: 'case-presence', 'aria-live': 'polite' });
  const notes = createNotes({ canWrite: canReply });
  const tools = createCaseTools({ canWrite: canReply, onPatch: (patch) => patchCase(patch) });
  const moderation = createModeration({ onError: (text) => showError(text),
    canModerate: (me.roles || []).some((role) => role === 'manager' || role === 'admin') });

  const head = h('header', { class: 'case-head' });
  const thread = h('ol', { class: 'thread', testid: 'thread', 'aria-live': 'polite' });
  const side = h('aside', { class: 'case-side' });
  const errorBar = h('div', { class: 'case-error', role: 'alert', hidden: true });
  const conversation = h('div', { class: 'conversation' },
    h('div', { class: 'thread-scroll' }, thread), canReply && composer.element);
  const body = h('div', { class: 'case-body' }, conversation, side);

  function showPlaceholder(text) {
    replaceChildren(root, h('div', { class: 'placeholder', testid: 'case-placeholder' },
      h('div', { class: 'placeholder-title' }, text),
      h('div', { class: 'muted' }, 'Use j / k to move through the inbox, Enter to open, ? for every shortcut.')));
  }

  // data-action names what a keyboard shortcut or the command palette clicks (keyboard.js).
  function actionButton(label, testid, patch, { primary = false, action } = {}) {
    return h('button', {
      type: 'button', class: ['btn', primary && 'primary'], testid, dataset: action ? { action } : undefined,
      on: { click: () => patchCase(patch) },
    }, label);
  }

  /** Claim / pending / resolve; marketers read cases but the hub refuses their changes. */
  function caseActions(c, mine) {
    if (!canReply) return [];
    const actions = [];
    if (!mine && c.assignee) actions.push(takeOverButton(c));
    else if (!mine) actions.push(actionButton('Claim', 'case-claim', { assignee: 'me' }, { primary: true, action: 'claim' }));
    actions.push(assignMenu(c, me, directory, patchCase));
    if (c.status !== 'pending' && c.status !== 'resolved') actions.push(actionButton('Pending', 'case-pending', { status: 'pending' }, { action: 'pending' }));
    actions.push(c.status === 'resolved'
      ? actionButton('Reopen', 'case-reopen', { status: 'open' }, { action: 'reopen' })
      : actionButton('Resolve', 'case-resolve', { status: 'resolved' }, { primary: mine, action: 'resolve' }));
    return actions;
  }

  /** Taking a colleague's case asks first: they may be halfway through answering. */
  function takeOverButton(c) {
    return h('button', {
      type: 'button', class: 'btn', testid: 'case-claim', dataset: { action: 'claim' },
      on: { click: async () => { if (await confirmDialog(`${c.assignee} has this case. Take it over?`, 'Take over')) patchCase({ assignee: 'me' }); } },
    }, 'Take over');
  }

  function showPresence() {
    presenceLine.textContent = detail ? presence.label(detail.case.id) : '';
  }

  function renderHead() {
    const c = detail.case;
    const mine = c.assignee === me.username;
    const actions = caseActions(c, mine);
    replaceChildren(head,
      h('div', { class: 'case-title' },
        h('h2', { testid: 'case-subject' }, c.subject || `@${c.customer?.handle ?? 'unknown'}`),
        h('div', { class: 'case-sub' },
          h('span', { class: ['chip', 'status', `status-${c.status}`], testid: 'case-status' }, c.status),
          h('span', {}, c.account ? `${platformName(c.platform)} · ${c.account}` : platformName(c.platform)),
          h('span', { testid: 'case-assignee' }, c.assignee ? `Assigned to ${mine ? 'you' : c.assignee}` : 'Unassigned'),
          c.team && h('span', { class: 'chip', testid: 'case-team' }, `Team ${c.team}`),
          h('span', { class: 'muted' }, `opened ${dateTime(c.createdAt)}`),
          h('span', { class: 'muted', testid: 'case-reference', title: 'Case reference ({{case.reference}} in saved replies)' },
            caseReference(c.id)),
          presenceLine),
        slaTargets(c.sla, c.brand)),
      h('div', { class: 'case-actions' }, actions));
  }

  function renderSide() {
    replaceChildren(side,
      tools.panel(detail.case),
      notes.element,
      priorityPanel(detail.case),
      triagePanel(detail.case),
      customerPanel(detail.customer, detail.history, detail.case.id, { onMerge: canReply ? mergeFrom : null }));
  }

  /** Merges another case of this customer (from the history panel) into the open one. */
  async function mergeFrom(otherId) {
    const into = detail.case.id;
    try {
      const merged = await api.mergeCase(into, otherId);
      onCaseChanged(merged);
      await open(into);
    } catch (err) {
      showError(`Could not merge: ${err.message}`);
    }
  }

  function showError(text) {
    errorBar.hidden = false;
    errorBar.textContent = text;
    setTimeout(() => { errorBar.hidden = true; }, 5000);
  }

  const itemElement = threadItems({
    canReply,
    onReplyTo: (m) => { composer.setReplyTarget(m); composer.focus(); },
    moderationSlot: (m) => moderation.slot(m),
  });

  function renderThread() {
    replaceChildren(thread, detail.thread.map(itemElement));
  }

  function render() {
    replaceChildren(root, head, errorBar, body);
    renderHead();
    renderThread();
    renderSide();
    thread.lastElementChild?.scrollIntoView({ block: 'end' });
  }

  async function patchCase(patch) {
    try {
      const updated = await api.updateCase(detail.case.id, patch);
      applyCase(updated);
      onCaseChanged(updated);
    } catch (err) {
      showError(`Could not update the case: ${err.message}`);
    }
  }

  function applyCase(c) {
    if (!detail || c.id !== detail.case.id) return;
    detail.case = { ...detail.case, ...c };
    renderHead();
    renderSide();
  }

  /** A case's presence changed (or may have lapsed). */
  function presenceChanged(caseId) {
    if (detail && caseId === detail.case.id) showPresence();
  }

  /**
   * Inserts or updates a thread item. The 202 answer to our own POST can arrive after the
   * reply.sent event that already says "sent"; fromPost never overwrites what is shown.
   */
  function applyThreadItem(item, { fromPost = false } = {}) {
    if (!detail || !item || item.caseId !== detail.case.id) return;
    const key = itemKey(item);
    const index = detail.thread.findIndex((x) => itemKey(x) === key);
    if (index >= 0 && fromPost) return;
    const merged = index >= 0 ? { ...detail.thread[index], ...item } : item;
    const el = itemElement(merged);
    if (index >= 0) {
      detail.thread[index] = merged;
      const old = [...thread.children].find((li) => li.dataset.kind === item.kind && li.dataset.itemId === String(item.id));
      if (old) old.replaceWith(el); else thread.appendChild(el);
    } else {
      detail.thread.push(merged);
      thread.appendChild(el);
      el.scrollIntoView({ block: 'end', behavior: 'smooth' });
    }
    flash(el);
  }

  async function open(caseId) {
    const seq = ++openSeq;
    composer.setCase(caseId);
    presence.watch(caseId);
    let loaded;
    try {
      loaded = await api.caseDetail(caseId);
    } catch (err) {
      if (seq !== openSeq) return;
      detail = null;
      showPlaceholder(err.status === 404 ? 'This case no longer exists' : `Could not open the case: ${err.message}`);
      return;
    }
    if (seq !== openSeq) return; // the agent already moved on to another case
    detail = { ...loaded, thread: loaded.thread || [] };
    composer.setBrand(detail.case.brand);
    composer.setPrivacy({ canSendPrivate: loaded.privateReplies,
      newest: detail.thread.filter((x) => x.kind === 'mention').at(-1) });
    notes.show(caseId, loaded.notes);
    render();
    showPresence();
    moderation.load(caseId);
  }

  showPlaceholder('Select a case');
  tools.loadDefined().then(() => { if (detail) renderSide(); });
  return {
    open,
    applyCase,
    applyThreadItem,
    /** A comment hidden, shown or deleted on its platform (mention.hidden, .unhidden, .deleted). */
    applyModeration: (m) => moderation.apply(m),
    /** A note told live (case.noted); shown when it is about the open case. */
    applyNote: (note) => notes.apply(note),
    /** The admins' defined tags changed (tags.updated). */
    reloadTags: () => tools.loadDefined().then(() => { if (detail) renderSide(); }),
    presenceChanged,
    setTemplates: composer.setTemplates,
    /** Focuses the reply box of the open case; false when there is none. */
    focusReply() {
      if (!canReply || !detail) return false;
      composer.focus();
      return true;
    },
    /** Focuses the saved reply picker of the open case; false when there is none. */
    focusTemplates() {
      if (!canReply || !detail) return false;
      composer.focusTemplates();
      return true;
    },
    /**
     * Clicks the open case's element marked data-action=name (claim, pending, resolve, reopen, and
     * assign / snooze where those controls exist); false when there is none.
     */
    action(name) {
      const el = root.querySelector(`[data-action="${name}"]`);
      if (!el || el.disabled) return false;
      el.focus(); // a select (assign, snooze) opens from the keyboard once focused; a button acts on click
      if (el.tagName !== 'SELECT') el.click();
      return true;
    },
    currentId: () => detail?.case.id ?? null,
    /** Re-fetches the open case (after a reconnect) without losing the draft. */
    refresh: () => (detail ? open(detail.case.id) : Promise.resolve()),
  };
}

// Moderation of customers' comments on their platform (Facebook, Instagram): a badge on a comment
// that was hidden or deleted there, and Hide / Unhide / Delete for brand managers and admins.
// The hub decides who may and what is possible: each item of GET /cases/{id}/moderation lists the
// caller's actions, and the buttons are exactly those.
import { api } from './api.js';
import { h, replaceChildren, flash } from './dom.js';
import { confirmDialog } from './assign.js';

const LABELS = { hide: 'Hide', unhide: 'Unhide', delete: 'Delete' };
const BADGES = { hidden: 'Hidden on the platform', deleted: 'Deleted on the platform' };

/** onError(text) shows a refusal; canModerate: the signed-in person is a manager or an admin. */
export function createModeration({ onError, canModerate }) {
  let caseId = null;
  let loadSeq = 0;
  const byMention = new Map(); // mention id → { state, actions, changedBy, … }
  const slots = new Map(); // mention id → its element in the thread

  /** The element a mention item shows moderation in; filled now and whenever its state changes. */
  function slot(mention) {
    const el = h('span', { class: 'moderation', testid: 'moderation', dataset: { mentionId: mention.id } });
    slots.set(mention.id, el);
    fill(mention.id);
    queueMicrotask(() => fill(mention.id)); // once in its item, which then shows it moderated
    return el;
  }

  function fill(mentionId) {
    const el = slots.get(mentionId);
    const m = byMention.get(mentionId);
    if (!el) return;
    el.closest('li')?.classList.toggle('moderated', !!m && m.state !== 'visible');
    if (!m) { replaceChildren(el); return; }
    const badge = BADGES[m.state] && h('span', { class: ['chip', 'moderation-state', `moderation-${m.state}`],
      testid: 'moderation-state', dataset: { state: m.state }, title: m.changedBy ? `by ${m.changedBy}` : '' }, BADGES[m.state]);
    const buttons = (m.actions || []).map((action) => h('button', {
      type: 'button', class: 'link', testid: `moderation-${action}`, on: { click: () => act(m, action) },
    }, LABELS[action] || action));
    replaceChildren(el, badge, ...buttons);
  }

  async function act(m, action) {
    if (action === 'delete' && !(await confirmDialog(
      'Delete this comment on the platform? The customer and everyone else will no longer see it; it stays in Earshot.', 'Delete'))) {
      return;
    }
    try {
      apply(await api.moderate(m.mentionId, action));
      flash(slots.get(m.mentionId));
    } catch (err) {
      onError(`Could not ${action} the comment: ${err.message}`);
    }
  }

  /** Reads the moderation of every mention of the case just opened. */
  async function load(id) {
    const seq = ++loadSeq;
    caseId = id;
    byMention.clear();
    try {
      const { items } = await api.caseModeration(id);
      if (seq !== loadSeq) return;
      items.forEach((m) => byMention.set(m.mentionId, m));
      byMention.forEach((m, mentionId) => fill(mentionId));
    } catch {
      // Badges are an addition to the thread; a failed read leaves the thread as it is.
    }
  }

  /**
   * A moderation from our own POST (with actions) or a mention.* event (without): the actions
   * of an event's state follow from what this person could do before.
   */
  function apply(m) {
    if (!m || m.caseId !== caseId) return;
    const before = byMention.get(m.mentionId);
    const could = canModerate && (before?.actions || []).length > 0;
    // A platform that only hides (Threads) never offered delete, and an event does not add it.
    const deletes = (before?.actions || []).includes('delete');
    const toggle = m.state === 'hidden' ? 'unhide' : 'hide';
    const actions = m.actions ?? (!could || m.state === 'deleted' ? [] : deletes ? [toggle, 'delete'] : [toggle]);
    byMention.set(m.mentionId, { ...before, ...m, actions });
    fill(m.mentionId);
  }

  return { slot, load, apply };
}

// The approval queue for brand managers: each held reply in its case context (customer, what
// they wrote, priority, the rule that held it, how long it has waited), with approve (after an
// edit or not), reject with a reason, or send back to the agent with a note. It follows the
// live feed: a reply held anywhere appears at once, one decided anywhere leaves.
import { api } from './api.js';
import { $, h, replaceChildren } from './dom.js';
import { age, humanize, platformName, priorityBand } from './format.js';
import { broadcastApprovalCard } from './broadcasts.js';

export const canApprove = (me) => (me.roles || []).some((r) => r === 'manager' || r === 'admin');

export function createApprovalQueue(root, { me, onCount }) {
  const items = new Map(); // reply or broadcast id → { kind, reply, case, heldBy } or { kind, broadcast, heldBy }
  const list = h('ul', { class: 'approval-list', testid: 'approval-list' });
  const empty = h('div', { class: 'empty', testid: 'approval-empty' }, 'Nothing waits for approval.');
  replaceChildren(root, h('div', { class: 'approvals-head' }, h('h2', {}, 'Waiting for approval')), list, empty);

  function render() {
    const created = (i) => Date.parse((i.reply || i.broadcast).createdAt);
    const sorted = [...items.values()].sort((a, b) => created(a) - created(b));
    replaceChildren(list, sorted.map((i) => (i.kind === 'broadcast'
      ? broadcastApprovalCard(i, { me, onDecided: (b) => { items.delete(b.id); render(); } }) : card(i))));
    empty.hidden = sorted.length > 0;
    onCount(sorted.length);
  }

  function card(item) {
    const r = item.reply;
    const c = item.case || {};
    const text = h('textarea', { class: 'approval-text', testid: 'approval-text', rows: 3, 'aria-label': 'Reply text' });
    text.value = r.text ?? '';
    const reason = h('input', { class: 'approval-reason', testid: 'approval-reason', placeholder: 'Reason or note for the agent' });
    const error = h('div', { class: 'form-error', testid: 'approval-error', role: 'alert', hidden: true });
    const own = r.author === me.username && !r.approval?.selfApproval;
    const decide = (decision) => async () => {
      error.hidden = true;
      const body = { decision };
      if (decision === 'approve' && text.value.trim() !== (r.text ?? '')) body.text = text.value;
      if (decision !== 'approve') body.reason = reason.value;
      try {
        apply(await api.decideApproval(r.id, body));
      } catch (err) {
        error.textContent = err.message;
        error.hidden = false;
      }
    };
    return h('li', { class: 'approval-item', testid: 'approval-item', dataset: { replyId: r.id } },
      h('div', { class: 'item-head' },
        h('span', { class: ['prio', `band-${priorityBand(c.priority ?? 0)}`], title: 'case priority' }, String(c.priority ?? '')),
        h('strong', {}, `@${c.customerHandle ?? 'unknown'}`),
        h('span', { class: 'muted' }, platformName(c.platform)),
        h('span', { class: 'chip', testid: 'approval-rule' }, `rule: ${item.heldBy}`),
        r.approval?.matched && h('span', { class: 'muted' }, `“${r.approval.matched}”`),
        r.approval?.escalated && h('span', { class: 'chip escalated', testid: 'approval-escalated' }, 'escalated'),
        h('span', { class: 'spacer' }),
        h('span', { class: 'muted', testid: 'approval-waiting' }, `waiting ${age(r.approval?.heldAt || r.createdAt)}`)),
      h('blockquote', { class: 'approval-context', testid: 'approval-context' }, c.lastText ?? ''),
      h('div', { class: 'muted' }, `Reply by ${r.author}${c.sentiment ? ` · customer ${humanize(c.sentiment)}` : ''}`),
      text, reason, error,
      h('div', { class: 'approval-actions' },
        h('button', { type: 'button', class: 'btn primary', testid: 'approval-approve', disabled: own,
          title: own ? 'Nobody approves their own reply' : null, on: { click: decide('approve') } }, 'Approve'),
        h('button', { type: 'button', class: 'btn', testid: 'approval-return', on: { click: decide('return') } }, 'Send back'),
        h('button', { type: 'button', class: 'btn danger', testid: 'approval-reject', on: { click: decide('reject') } }, 'Reject')));
  }

  /** A reply as the hub now has it: held ones join the queue, decided ones leave it. */
  function apply(reply) {
    if (!reply || !reply.id) return;
    if (reply.state === 'pending_approval') {
      const known = items.get(reply.id);
      if (known) items.set(reply.id, { ...known, reply });
      else { load().catch(() => {}); return; } // its case context comes with the queue
    } else if (!items.delete(reply.id)) {
      return;
    }
    render();
  }

  async function load() {
    const page = await api.approvals();
    items.clear();
    for (const item of page.items) items.set((item.reply || item.broadcast).id, item);
    render();
  }

  return { load, apply, element: root, focus: () => $('[data-testid=approval-text]', root)?.focus() };
}

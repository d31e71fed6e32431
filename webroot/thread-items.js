// The open case's thread items: a customer's mention (author, triage, a link to the post, "Reply
// to this", its moderation controls) and a brand reply (state, approval, engagement). Text is text.
import { engagementSeries } from './broadcasts.js';
import { engagementCounts } from './engagement.js';
import { h, safeHref } from './dom.js';
import { compactNumber, dateTime, humanize } from './format.js';

// A reply's author is a username today; accept a user object too.
const authorName = (a) => (typeof a === 'object' ? a.username || a.name || a.handle || '' : String(a));

function privateChip(title) {
  return h('span', { class: 'chip private', testid: 'private-badge', title }, 'private');
}

function mentionItem(m, { canReply, onReplyTo, moderationSlot }) {
  const a = m.author || {};
  const href = safeHref(m.url);
  return h('li', { class: 'thread-item mention', testid: 'thread-item', dataset: { kind: 'mention', itemId: m.id } },
    h('div', { class: 'item-head' },
      h('span', { class: 'avatar', 'aria-hidden': 'true' }, (a.name || a.handle || '?').trim().charAt(0).toUpperCase()),
      h('strong', {}, a.name || a.handle || 'unknown'),
      a.verified && h('span', { class: 'verified', title: 'verified account' }, '✓'),
      h('span', { class: 'muted' }, `@${a.handle ?? ''}`),
      m.visibility === 'private' && privateChip('A private message: only the brand can read it'),
      a.followers != null && h('span', { class: 'muted' }, `${compactNumber(a.followers)} followers`),
      h('span', { class: 'spacer' }),
      m.triage && h('span', { class: ['chip', 'sentiment', `label-${m.triage.label}`] }, m.triage.label),
      href ? h('a', { href, target: '_blank', rel: 'noopener noreferrer', class: 'muted' }, dateTime(m.createdAt))
        : h('span', { class: 'muted' }, dateTime(m.createdAt))),
    h('div', { class: 'item-text', testid: 'thread-text' }, m.text ?? ''),
    h('div', { class: 'item-foot' },
      (m.triage?.reasons || []).length > 0 && h('span', { class: 'chips' },
        m.triage.reasons.map((r) => h('span', { class: 'chip reason' }, humanize(r.code)))),
      canReply && h('button', { type: 'button', class: 'link', testid: 'reply-to-this',
        on: { click: () => onReplyTo(m) } }, 'Reply to this'),
      moderationSlot(m)));
}

function replyItem(r) {
  const e = r.engagement;
  return h('li', { class: ['thread-item', 'reply', `state-${r.state}`], testid: 'thread-item', dataset: { kind: 'reply', itemId: r.id, state: r.state } },
    h('div', { class: 'item-head' },
      h('span', { class: 'avatar brand', 'aria-hidden': 'true' }, '↩'),
      h('strong', {}, 'Reply'),
      r.author && h('span', { class: 'muted' }, `by ${authorName(r.author)}`),
      r.visibility === 'private' && privateChip('Sent as a private message to the customer'),
      h('span', { class: 'spacer' }),
      h('span', { class: ['reply-state', `state-${r.state}`], testid: 'reply-state', dataset: { state: r.state } }, humanize(r.state)),
      h('span', { class: 'muted' }, dateTime(r.sentAt || r.createdAt))),
    h('div', { class: 'item-text', testid: 'thread-text' }, r.text ?? ''),
    approvalLine(r),
    h('div', { class: 'item-foot' },
      r.state === 'sent' && r.externalId && h('span', { testid: 'reply-external-id' }, `posted as ${r.externalId}`),
      r.attempts > 1 && h('span', {}, `${r.attempts} attempts`),
      r.lastError && h('span', { class: 'error-text' }, r.lastError),
      engagementCounts(e, 'reply-engagement'),
      r.state === 'sent' && engagementSeries(r.id)));
}

/** What approval did to a reply: held (by which rule), approved (edited?), rejected or sent back, and why. */
function approvalLine(r) {
  const a = r.approval;
  if (!a) return null;
  let text;
  if (r.state === 'pending_approval') text = `waiting for approval (rule: ${a.rule})`;
  else if (r.state === 'rejected') text = `rejected by ${a.decidedBy}: ${a.note ?? ''}`;
  else if (r.state === 'draft') text = `sent back by ${a.decidedBy}: ${a.note ?? ''}`;
  else if (a.approved) text = `approved by ${a.decidedBy}${a.submittedText !== r.text ? ' with edits' : ''} (rule: ${a.rule})`;
  else return null;
  return h('div', { class: ['approval-line', `state-${r.state}`], testid: 'reply-approval' }, text,
    a.approved && a.submittedText !== r.text && h('div', { class: 'muted', testid: 'reply-submitted-text' },
      `agent wrote: ${a.submittedText}`));
}

/** The element builder for thread items. ctx: { canReply, onReplyTo(mention), moderationSlot(mention) }. */
export function threadItems(ctx) {
  return (item) => (item.kind === 'reply' ? replyItem(item) : mentionItem(item, ctx));
}

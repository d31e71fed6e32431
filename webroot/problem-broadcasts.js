// The Problem page's broadcasts: the broadcast a status change offers ("we know about it",
// an update, "it's fixed"), opened in the usual composer prefilled from the offer and sent for
// approval like any other; and what was posted and sent about the Problem with its engagement.
import { api } from './api.js';
import { h, replaceChildren } from './dom.js';
import { humanize } from './format.js';
import { createComposer } from './broadcasts.js';
import { engagementCounts, engagementLine } from './engagement.js';

const OFFER_TITLES = {
  known: 'Tell the affected customers you know about it',
  update: 'Tell the affected customers how the fix is going',
  fixed: 'Tell the affected customers it is fixed',
};

/**
 * An offer from PATCH /problems/{id} ({kind, body}); one element for its life, so the page's
 * re-renders move it without losing what was typed. onCreated(broadcast) after it was submitted.
 */
export function createOfferBox(offer, { onCreated }) {
  const slot = h('div', { class: 'problem-offer-composer' });
  const result = h('div', { class: 'muted', testid: 'problem-offer-result' });
  const open = h('button', { type: 'button', class: 'btn primary small', testid: 'problem-offer-compose', on: { click: () => {
    open.hidden = true;
    const composer = createComposer({ prefill: offer.body, onCreated: (b) => {
      replaceChildren(slot);
      result.textContent = `Broadcast ${humanize(b.state)}: a manager approves it before it goes out.`;
      onCreated(b);
    } });
    replaceChildren(slot, composer.element);
    composer.refresh();
  } } }, 'Compose broadcast');
  return h('div', { class: 'approval-item problem-offer', testid: 'problem-offer', dataset: { kind: offer.kind } },
    h('strong', {}, OFFER_TITLES[offer.kind] || 'Tell the affected customers'), ' ', open, slot, result);
}

/** What was broadcast about the Problem and earned, read again on refresh() (live engagement, progress). */
export function createProblemReach(problemId) {
  const element = h('section', { class: 'problem-reach', testid: 'problem-reach' });
  async function refresh() {
    const page = await api.problemBroadcasts(problemId);
    replaceChildren(element,
      h('h4', {}, `Broadcasts and notices (${page.total})`),
      h('p', { testid: 'problem-engagement' }, page.total ? `Engagement: ${engagementLine(page.engagement.all)}` : 'Nothing broadcast yet.'),
      h('ul', { testid: 'problem-broadcasts' }, page.items.map(broadcastRow)));
  }
  return { element, refresh: () => refresh().catch(() => {}) };
}

function broadcastRow(b) {
  return h('li', { testid: 'problem-broadcast', dataset: { broadcastId: b.id, state: b.state } },
    h('span', { class: 'chip', testid: 'problem-broadcast-state' }, humanize(b.state)), ` ${b.text}`,
    h('ul', {}, b.posts.map((p) => h('li', { testid: 'problem-broadcast-post', dataset: { account: p.account } },
      `${p.account}: post ${humanize(p.state)} `, engagementCounts(p.state === 'sent' ? p.engagement : null, 'problem-post-engagement'))),
    b.notifyAffected && h('li', { testid: 'problem-broadcast-notices' },
      `notices: ${b.notices.sent} sent · ${b.notices.queued} queued · ${b.notices.failed} failed of ${b.notices.total} `,
      engagementCounts(b.notices.sent ? b.noticeEngagement : null, 'problem-notice-engagement'))));
}

// One row of the case list: priority, sentiment, customer, platform and age; the latest text; the
// chips (brand, triage, tags, snooze, SLA, presence, team, status, assignee). Text is text (h()).
import { h } from './dom.js';
import { age, dateTime, humanize, platformName, priorityBand } from './format.js';
import { slaBadge } from './sla.js';

function reasonChips(c) {
  return (c.triage?.reasons || []).slice(0, 3)
    .map((r) => h('span', { class: 'chip reason', title: `score ${r.score}` }, humanize(r.code)));
}

/**
 * The row for case c. ctx: { me, selected (boolean), brandName(id), selection (bulk.js, may be
 * absent), presenceOf(caseId), onOpen(), onKey(event) }.
 */
export function caseRow(c, { me, selected, brandName, selection, presenceOf, onOpen, onKey }) {
  const band = priorityBand(c.priority?.value ?? 0);
  const label = c.triage?.label || 'neutral';
  const mine = c.assignee && c.assignee === me.username;
  return h('li', {
    class: ['case-row', `status-${c.status}`, selected && 'selected'],
    testid: 'case-row',
    dataset: {
      caseId: c.id, status: c.status, platform: c.platform, account: c.account ?? '', brand: c.brand ?? '',
      priority: String(c.priority?.value ?? 0),
    },
    // Roving tabindex: only one row is a Tab stop, so Tab leaves the list for the case's actions.
    tabindex: '-1',
    role: 'option',
    'aria-selected': selected ? 'true' : 'false',
    on: { click: onOpen, keydown: onKey },
  },
  h('div', { class: 'row-top' },
    selection?.checkbox(c.id),
    h('span', { class: ['prio', `band-${band}`], testid: 'case-priority', title: 'Priority (0–100)' },
      String(c.priority?.value ?? 0)),
    h('span', { class: ['sentiment-dot', `label-${label}`], title: `${label} sentiment`, 'aria-label': `${label} sentiment` }),
    h('span', { class: 'handle' }, c.customer?.handle ? `@${c.customer.handle}` : 'unknown'),
    h('span', { class: ['platform', `platform-${c.platform}`] }, platformName(c.platform)),
    h('time', { class: 'age', datetime: c.lastMentionAt || c.createdAt, title: dateTime(c.lastMentionAt || c.createdAt), testid: 'case-age' },
      age(c.lastMentionAt || c.createdAt))),
  h('div', { class: 'row-text', testid: 'case-text' }, c.lastText || c.subject || ''),
  h('div', { class: 'row-meta' },
    c.brand && h('span', { class: ['chip', 'brand'], testid: 'case-brand', title: `brand ${brandName(c.brand)}` },
      brandName(c.brand)),
    h('span', { class: ['chip', 'sentiment', `label-${label}`] }, label),
    c.triage?.unsure && h('span', { class: 'chip unsure', testid: 'case-unsure', title: 'triage is not sure of this label' }, 'unsure'),
    reasonChips(c),
    (c.tags || []).slice(0, 3).map((t) => h('span', { class: 'chip tag', testid: 'row-tag' }, t)),
    c.snoozedUntil && h('span', { class: 'chip', testid: 'row-snoozed', title: `snoozed until ${dateTime(c.snoozedUntil)}` }, 'snoozed'),
    h('span', { class: 'spacer' }),
    slaBadge(c.sla, c.brand),
    h('span', { class: 'presence', testid: 'row-presence' }, presenceOf(c.id)),
    c.team && h('span', { class: 'chip', title: `team ${c.team}` }, c.team),
    c.mentionCount > 1 && h('span', { class: 'meta', title: 'mentions in this case' }, `${c.mentionCount} msgs`),
    c.status !== 'new' && h('span', { class: ['chip', 'status', `status-${c.status}`] }, c.status),
    c.assignee && h('span', { class: ['assignee', mine && 'mine'], title: `assigned to ${c.assignee}` },
      mine ? 'me' : c.assignee)));
}

// Side panels of the case view: why the priority is what it is, what triage saw, who the customer is.
import { h } from './dom.js';
import { age, compactNumber, dateTime, humanize, percent, platformName, priorityBand, signed } from './format.js';

function panel(title, testid, ...body) {
  return h('section', { class: 'panel', testid }, h('h3', { class: 'panel-title' }, title), body);
}

/** The priority with every signal that made it, so an agent can question the number. */
export function priorityPanel(c) {
  const p = c.priority || { value: 0, signals: [] };
  const signals = [...(p.signals || [])].sort((a, b) => Math.abs(b.points) - Math.abs(a.points));
  return panel('Priority', 'priority-panel',
    h('div', { class: 'priority-head' },
      h('span', { class: ['prio', 'large', `band-${priorityBand(p.value)}`] }, String(p.value)),
      h('span', { class: 'muted' }, `of 100 · ${priorityBand(p.value)}`)),
    signals.length
      ? h('table', { class: 'signals' },
        h('tbody', {}, signals.map((s) => h('tr', { testid: 'priority-signal' },
          h('td', { class: ['points', s.points < 0 && 'negative'] }, signed(s.points)),
          h('td', {}, h('div', { class: 'signal-name' }, humanize(s.name)),
            s.detail && h('div', { class: 'signal-detail' }, s.detail))))))
      : h('p', { class: 'muted' }, 'No signals recorded.'));
}

/** Sentiment, confidence, the cues that fired and the contact reasons of the latest mention. */
export function triagePanel(c) {
  const t = c.triage;
  if (!t) return panel('Triage', 'triage-panel', h('p', { class: 'muted' }, 'Not scored yet.'));
  const pos = Math.round(((Math.max(-1, Math.min(1, t.sentiment ?? 0)) + 1) / 2) * 100);
  return panel('Triage', 'triage-panel',
    h('div', { class: 'triage-head' },
      h('span', { class: ['chip', 'sentiment', `label-${t.label}`] }, t.label),
      t.unsure && h('span', { class: 'chip unsure', testid: 'triage-unsure', title: `below ${percent(0.6)} confidence: check the label` }, 'unsure'),
      t.lang && t.lang !== 'en' && h('span', { class: 'chip lang', testid: 'triage-lang', title: 'not scored as English' }, t.lang),
      h('span', { class: 'muted' }, `score ${(t.sentiment ?? 0).toFixed(2)} · confidence ${percent(t.confidence)}`)),
    h('div', { class: 'sentiment-scale', title: 'negative ← → positive' },
      h('span', { class: 'sentiment-marker', style: { left: `${pos}%` } })),
    (t.reasons || []).length > 0 && h('div', { class: 'kv' },
      h('div', { class: 'kv-label' }, 'Contact reasons'),
      h('ul', { class: 'reasons' }, t.reasons.map((r) => h('li', {},
        h('span', {}, humanize(r.code)),
        h('span', { class: 'bar' }, h('span', { style: { width: `${Math.round((r.score ?? 0) * 100)}%` } })),
        h('span', { class: 'muted' }, percent(r.score)))))),
    (t.cues || []).length > 0 && h('div', { class: 'kv' },
      h('div', { class: 'kv-label' }, 'Cues'),
      h('div', { class: 'chips', testid: 'triage-cues' }, t.cues.map((cue) => h('span', { class: 'chip cue' }, cue)))));
}

/** Who the customer is and their earlier cases; onMerge(caseId), when given, merges one into the open case. */
export function customerPanel(customer, history, currentId, { onMerge } = {}) {
  if (!customer) return panel('Customer', 'customer-panel', h('p', { class: 'muted' }, 'Unknown customer.'));
  const earlier = (history || []).filter((x) => x.id !== currentId);
  return panel('Customer', 'customer-panel',
    h('div', { class: 'customer-name' },
      h('strong', {}, customer.name || customer.handle || 'unknown'),
      customer.verified && h('span', { class: 'verified', title: 'verified account' }, '✓')),
    h('div', { class: 'muted' }, `@${customer.handle ?? ''} · ${platformName(customer.platform)}`),
    h('dl', { class: 'facts' },
      h('dt', {}, 'Followers'), h('dd', {}, compactNumber(customer.followers ?? 0)),
      h('dt', {}, 'First seen'), h('dd', {}, dateTime(customer.firstSeen)),
      h('dt', {}, 'Last seen'), h('dd', {}, dateTime(customer.lastSeen))),
    (customer.tags || []).length > 0 && h('div', { class: 'chips' },
      customer.tags.map((tag) => h('span', { class: 'chip' }, tag))),
    h('div', { class: 'kv' },
      h('div', { class: 'kv-label' }, `History (${earlier.length})`),
      earlier.length
        ? h('ul', { class: 'history', testid: 'customer-history' }, earlier.map((x) => h('li', {},
          h('span', { class: ['chip', 'status', `status-${x.status}`] }, x.status),
          h('span', { class: 'history-subject' }, x.subject || '(no subject)'),
          h('time', { class: 'muted', datetime: x.lastMentionAt || x.createdAt, title: dateTime(x.createdAt) },
            age(x.lastMentionAt || x.createdAt)),
          onMerge && h('button', { type: 'button', class: 'link', testid: 'history-merge', title: 'Move its thread, replies and notes here',
            on: { click: () => onMerge(x.id) } }, 'Merge into this case'))))
        : h('p', { class: 'muted' }, 'First case from this customer.')));
}

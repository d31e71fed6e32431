// Broadcasts: a composer (accounts, template or text, the problem, "notify affected customers"
// with its notice, and a live filled preview with each platform's length), the list, and one
// broadcast's page with live progress per account (posts and personal notices), pause/resume
// and the engagement of its posts. Held broadcasts are decided in the approval queue, whose
// cards for them come from here. Everything goes in as text (dom.js h()).
import { api } from './api.js';
import { h, replaceChildren } from './dom.js';
import { age, humanize } from './format.js';
import { engagementCounts, engagementLine } from './engagement.js';

const canCompose = (me) => (me.roles || []).some((r) => r !== 'marketer');
const canResume = (me) => (me.roles || []).some((r) => r === 'manager' || r === 'admin');

export function createBroadcastsPage(root, { me }) {
  let current = null; // id of the broadcast shown
  const list = h('ul', { class: 'approval-list', testid: 'broadcast-list' });
  const detail = h('div', { class: 'broadcast-detail', testid: 'broadcast-detail', hidden: true });
  const composer = canCompose(me) ? createComposer({ onCreated: (b) => { load(); show(b.id); } }) : null;
  replaceChildren(root, h('div', { class: 'approvals-head' }, h('h2', {}, 'Broadcasts')),
    composer?.element, detail, h('h3', {}, 'All broadcasts'), list);

  async function load() {
    const page = await api.broadcasts();
    replaceChildren(list, page.items.map((b) => h('li', { class: 'approval-item', testid: 'broadcast-item', dataset: { id: b.id } },
      h('div', { class: 'item-head' },
        h('span', { class: 'chip', testid: 'broadcast-state' }, humanize(b.state)),
        h('strong', {}, b.accounts.join(', ')),
        h('span', { class: 'spacer' }),
        h('span', { class: 'muted' }, `${b.author} · ${age(b.createdAt)}`),
        h('button', { type: 'button', class: 'btn small', testid: 'broadcast-open', on: { click: () => show(b.id) } }, 'Open')),
      h('div', {}, b.text))));
    composer?.refresh();
    if (current) await show(current);
  }

  async function show(id) {
    current = id;
    const b = await api.broadcast(id);
    detail.hidden = false;
    replaceChildren(detail, broadcastPage(b, me, { onChanged: () => show(id) }));
  }

  /** A live event: progress or a change of a broadcast; the page shown follows it. */
  function apply(type, data) {
    if (type === 'broadcast.progress' && data.broadcast?.id === current) {
      renderProgress(detail, data);
    } else if (type.startsWith('broadcast.') && data.broadcast) {
      load().catch(() => {});
    }
  }

  return { load, apply, show, element: root };
}

function broadcastPage(b, me, { onChanged }) {
  const error = h('div', { class: 'form-error', role: 'alert', hidden: true });
  const act = (fn) => async () => {
    error.hidden = true;
    try { await fn(); onChanged(); } catch (err) { error.textContent = err.message; error.hidden = false; }
  };
  const pausable = b.state === 'queued' || b.state === 'sending';
  return h('div', { class: 'approval-item', testid: 'broadcast-page', dataset: { id: b.id } },
    h('div', { class: 'item-head' },
      h('span', { class: 'chip', testid: 'broadcast-page-state' }, humanize(b.state)),
      b.problemId && h('span', { class: 'muted' }, `problem ${b.problemId}`),
      h('span', { class: 'spacer' }),
      pausable && h('button', { type: 'button', class: 'btn', testid: 'broadcast-pause', on: { click: act(() => api.pauseBroadcast(b.id)) } }, 'Pause'),
      b.state === 'paused' && canResume(me) && h('button', { type: 'button', class: 'btn primary', testid: 'broadcast-resume',
        on: { click: act(() => api.resumeBroadcast(b.id)) } }, 'Resume')),
    h('blockquote', { testid: 'broadcast-text' }, b.text),
    b.notifyAffected && h('div', { class: 'muted' }, `Personal notice: ${b.noticeText ?? `template ${b.noticeTemplate}`}`),
    b.notices?.sent > 0 && b.noticeEngagement && h('div', { class: 'muted', testid: 'broadcast-notice-engagement' },
      `The notices earned: ${engagementLine(b.noticeEngagement)}`),
    error,
    h('div', { class: 'broadcast-progress', testid: 'broadcast-progress' }, progressRows(b.posts, b.notices, b.noticesByAccount)));
}

/** Posts and notices per account, from GET /broadcasts/{id} or a broadcast.progress event. */
function progressRows(posts, notices, byAccount) {
  const rows = (posts || []).map((p) => h('div', { class: 'progress-row', testid: 'broadcast-account', dataset: { account: p.account } },
    h('strong', {}, p.account),
    h('span', { class: 'chip', testid: 'broadcast-post-state' }, `post ${humanize(p.state)}`),
    engagementCounts(p.engagement, 'broadcast-post-engagement'),
    p.replyId && p.state === 'sent' && engagementSeries(p.replyId)));
  for (const [account, c] of Object.entries(byAccount || {})) {
    rows.push(h('div', { class: 'progress-row muted', dataset: { account } }, `${account}: ${counts(c)}`));
  }
  rows.push(h('div', { class: 'progress-row', testid: 'broadcast-notices' }, `Notices: ${counts(notices)}`));
  return rows;
}

const counts = (c) => (c ? `${c.sent} sent · ${c.queued} queued · ${c.failed} failed of ${c.total}` : '');

function renderProgress(detail, data) {
  const box = detail.querySelector('[data-testid=broadcast-progress]');
  if (!box) return;
  const posts = Object.entries(data.posts || {}).map(([account, state]) => ({ account, state }));
  replaceChildren(box, progressRows(posts, data.notices, data.noticesByAccount));
  const state = detail.querySelector('[data-testid=broadcast-page-state]');
  if (state && data.broadcast) state.textContent = humanize(data.broadcast.state);
}

/** A post's engagement over time, read when opened (GET /replies/{id}/engagement). */
export function engagementSeries(replyId) {
  const body = h('ol', { class: 'engagement-series', testid: 'engagement-series' });
  const box = h('details', { class: 'engagement-history' }, h('summary', {}, 'over time'), body);
  box.addEventListener('toggle', async () => {
    if (!box.open) return;
    const page = await api.engagement(replyId).catch(() => ({ items: [] }));
    replaceChildren(body, page.items.length ? page.items.map((s) => h('li', { testid: 'engagement-sample' },
      `${ageLabel(s.ageSeconds)}: ${engagementLine(s)}`)) : h('li', { class: 'muted' }, 'not measured yet'));
  });
  return box;
}

function ageLabel(seconds) {
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  if (seconds < 86400) return `${Math.round(seconds / 3600)} h`;
  return `${Math.round(seconds / 86400)} d`;
}

/**
 * The broadcast composer. {@code prefill} (an offer's request body: problemId, template,
 * notifyAffected, accounts?) fills it in, e.g. from the Problem page; it still goes for approval.
 */
export function createComposer({ onCreated, prefill = null }) {
  const accounts = h('div', { class: 'broadcast-accounts', testid: 'broadcast-accounts' });
  const template = h('select', { testid: 'broadcast-template' }, h('option', { value: '' }, 'Write my own text'));
  const text = h('textarea', { rows: 3, testid: 'broadcast-text-input', 'aria-label': 'Broadcast text' });
  const problem = h('input', { testid: 'broadcast-problem', placeholder: 'Problem id (optional)' });
  const notify = h('input', { type: 'checkbox', testid: 'broadcast-notify' });
  const notice = h('textarea', { rows: 2, testid: 'broadcast-notice', 'aria-label': 'Personal notice',
    placeholder: 'Personal notice (empty: the template\'s personal twin); {{customer.handle}} is the customer' });
  const preview = h('div', { class: 'broadcast-preview', testid: 'broadcast-preview' });
  const error = h('div', { class: 'form-error', testid: 'broadcast-error', role: 'alert', hidden: true });
  const submit = h('button', { type: 'submit', class: 'btn primary', testid: 'broadcast-submit' }, 'Send for approval');
  const form = h('form', { class: 'approval-item broadcast-composer', testid: 'broadcast-composer' },
    h('strong', {}, 'New broadcast'), accounts,
    h('label', {}, 'Template ', template), text, problem,
    h('label', {}, notify, ' Notify affected customers personally'), notice, preview, error, submit);

  function draft() {
    const body = {
      accounts: [...accounts.querySelectorAll('input:checked')].map((i) => i.value),
      notifyAffected: notify.checked,
    };
    if (template.value) body.template = template.value; else body.text = text.value;
    if (problem.value.trim()) body.problemId = problem.value.trim();
    if (notify.checked && notice.value.trim()) body.noticeText = notice.value.trim();
    return body;
  }

  let timer = null;
  function schedulePreview() {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const body = draft();
      if (!body.accounts.length || (!body.template && !body.text?.trim())) { replaceChildren(preview); return; }
      try {
        const p = await api.previewBroadcast(body);
        replaceChildren(preview, h('div', { testid: 'broadcast-preview-text' }, p.text),
          Object.entries(p.checks).map(([account, c]) => c && h('span', { class: c.ok ? 'chip' : 'chip error-text',
            testid: 'broadcast-preview-length', dataset: { account } }, `${account}: ${c.length}/${c.limit}`)),
          p.notice && h('div', { class: 'muted', testid: 'broadcast-preview-notice' },
            `${p.audience} customers; e.g. “${p.notice}”${p.noticeCheck ? ` (${p.noticeCheck.length}/${p.noticeCheck.limit})` : ''}`));
      } catch (err) {
        replaceChildren(preview, h('span', { class: 'error-text' }, err.message));
      }
    }, 250);
  }

  if (prefill?.problemId) problem.value = prefill.problemId;
  if (prefill?.notifyAffected) notify.checked = true;
  if (prefill?.text) text.value = prefill.text;
  for (const el of [template, text, problem, notify, notice]) el.addEventListener('input', schedulePreview);
  accounts.addEventListener('change', schedulePreview);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    error.hidden = true;
    try {
      onCreated(await api.createBroadcast(draft()));
      text.value = '';
      replaceChildren(preview);
    } catch (err) {
      error.textContent = err.message;
      error.hidden = false;
    }
  });

  async function refresh() {
    if (accounts.childElementCount) return;
    const [health, templates] = await Promise.all([api.health(), api.broadcastTemplates()]);
    replaceChildren(accounts, (health.connectors || []).map((c) => h('label', { class: 'chip' },
      h('input', { type: 'checkbox', value: c.account, testid: 'broadcast-account-choice',
        checked: (prefill?.accounts || []).includes(c.account) }), ` ${c.account}`)));
    for (const t of templates.items.filter((x) => !x.personal)) template.append(h('option', { value: t.name }, humanize(t.name)));
    if (prefill?.template && templates.items.some((t) => t.name === prefill.template)) template.value = prefill.template;
    if (prefill) schedulePreview();
  }

  return { element: form, refresh: () => refresh().catch(() => {}) };
}

/** A held broadcast in the approval queue: its text (editable), where it goes, approve or reject. */
export function broadcastApprovalCard(item, { me, onDecided }) {
  const b = item.broadcast;
  const text = h('textarea', { class: 'approval-text', testid: 'approval-text', rows: 3, 'aria-label': 'Broadcast text' });
  text.value = b.text ?? '';
  const reason = h('input', { class: 'approval-reason', testid: 'approval-reason', placeholder: 'Reason' });
  const error = h('div', { class: 'form-error', testid: 'approval-error', role: 'alert', hidden: true });
  const own = b.author === me.username && !b.approval?.selfApproval;
  const decide = (decision) => async () => {
    error.hidden = true;
    const body = { decision };
    if (decision === 'approve' && text.value.trim() !== (b.text ?? '')) body.text = text.value;
    if (decision === 'reject') body.reason = reason.value;
    try {
      onDecided(await api.decideApproval(b.id, body));
    } catch (err) {
      error.textContent = err.message;
      error.hidden = false;
    }
  };
  return h('li', { class: 'approval-item', testid: 'approval-item', dataset: { broadcastId: b.id } },
    h('div', { class: 'item-head' },
      h('span', { class: 'chip', testid: 'approval-kind' }, 'broadcast'),
      h('strong', {}, b.accounts.join(', ')),
      h('span', { class: 'chip', testid: 'approval-rule' }, `rule: ${item.heldBy}`),
      h('span', { class: 'spacer' }),
      h('span', { class: 'muted' }, `waiting ${age(b.approval?.heldAt || b.createdAt)}`)),
    b.notifyAffected && h('div', { class: 'muted' }, `Also notifies every affected customer: ${b.noticeText ?? `template ${b.noticeTemplate}`}`),
    h('div', { class: 'muted' }, `Broadcast by ${b.author}`),
    text, reason, error,
    h('div', { class: 'approval-actions' },
      h('button', { type: 'button', class: 'btn primary', testid: 'approval-approve', disabled: own,
        title: own ? 'Nobody approves their own broadcast' : null, on: { click: decide('approve') } }, 'Approve'),
      h('button', { type: 'button', class: 'btn danger', testid: 'approval-reject', on: { click: decide('reject') } }, 'Reject')));
}

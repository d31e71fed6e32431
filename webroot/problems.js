// The Problems page: the list, a form to open one, and a Problem's page — status, public
// summary, owning department, affected customers per platform, volume over time, linked cases,
// suggestions to accept or decline, notes and the timeline, the broadcast a status change offers
// and what was broadcast about it with its engagement. Text goes in as text only.
import { api } from './api.js';
import { h, replaceChildren } from './dom.js';
import { PROBLEM_STATES } from './vocabulary.js';
import { createOfferBox, createProblemReach } from './problem-broadcasts.js';

const canChange = (me) => (me.roles || []).some((r) => ['agent', 'manager', 'admin'].includes(r));

export function createProblemsPage(el, { me, onOpenCase }) {
  let departments = [];
  let current = null; // the Problem shown
  let offer = null; // the broadcast the Problem's status offers: { problemId, kind, body, box }
  let reach = null; // the shown Problem's broadcasts and engagement: { problemId, element, refresh }

  async function load() {
    const [{ items }, deps] = await Promise.all([api.problems(), api.departments()]);
    departments = deps.items;
    replaceChildren(el,
      h('h2', {}, 'Problems'),
      canChange(me) ? createForm() : null,
      h('div', { class: 'problems' },
        h('ul', { class: 'problem-list', testid: 'problem-list' }, items.map(row)),
        h('section', { class: 'problem-detail', testid: 'problem-detail' })));
    if (current) await show(current).catch(() => {});
  }

  function row(p) {
    return h('li', { testid: 'problem-row', dataset: { problemId: p.id } },
      h('button', { type: 'button', class: 'btn ghost', on: { click: () => show(p.id) } },
        `${p.title} · ${p.status} · ${p.caseCount} cases`));
  }

  function departmentSelect(testid, selected) {
    return h('select', { testid }, departments.map((d) => h('option', { value: d.id, selected: d.id === selected }, d.name)));
  }

  function createForm() {
    const title = h('input', { testid: 'problem-title', placeholder: 'What is broken?', required: true });
    const dept = departmentSelect('problem-department');
    const error = h('div', { class: 'form-error', role: 'alert', hidden: true });
    return h('form', { class: 'problem-form', testid: 'problem-form', on: { submit: async (e) => {
      e.preventDefault();
      try {
        const p = await api.createProblem({ title: title.value, department: dept.value });
        current = p.id;
        await load();
      } catch (err) {
        error.hidden = false;
        error.textContent = err.message;
      }
    } } }, title, dept, h('button', { type: 'submit', class: 'btn primary small', testid: 'problem-create' }, 'Open Problem'),
    error);
  }

  /** Opens a Problem from an alert: the alert's cases, a title from what spiked. */
  async function createFromAlert(alert) {
    if (!departments.length) departments = (await api.departments()).items;
    const title = `${alert.reason || alert.phrase || 'Spike'} spike (${alert.brand})`;
    const p = await api.createProblem({ title, department: departments[0]?.id, fromAlert: alert.id });
    current = p.id;
    return p;
  }

  async function show(problemId) {
    current = problemId;
    const [p, s] = await Promise.all([api.problem(problemId), api.suggestions(problemId)]);
    keepOffer(p);
    const box = el.querySelector('[data-testid=problem-detail]');
    if (!box) return;
    replaceChildren(box,
      h('h3', { testid: 'problem-heading' }, p.title),
      h('p', {}, h('span', { class: 'chip', testid: 'problem-status' }, p.status), ` ${p.severity} · ${p.brand}`),
      statusForm(p),
      offerBox(p),
      h('p', { testid: 'problem-owner' }, `Department: ${p.department ? `${p.department.name} — ${p.department.contact || 'no contact'}` : p.departmentId}`),
      p.publicSummary ? h('p', { class: 'muted' }, p.publicSummary) : null,
      h('p', { testid: 'problem-affected' }, `Affected customers: ${p.affectedTotal} (`
        + `${Object.entries(p.affectedCustomers).map(([k, v]) => `${k} ${v}`).join(', ')})`),
      h('p', { testid: 'problem-avoidable' }, `Contacts caused: ${p.avoidableContacts.caused}`
        + (p.avoidableContacts.stopped == null ? '' : ` · stopped after the fix: ${p.avoidableContacts.stopped}`)),
      volume(p.volume),
      reachOf(p),
      h('h4', {}, `Linked cases (${p.cases.length})`),
      h('ul', { testid: 'problem-cases' }, p.cases.map((c) => h('li', { testid: 'problem-case', dataset: { caseId: c.id } },
        h('button', { type: 'button', class: 'btn ghost small', on: { click: () => onOpenCase?.(c.id) } },
          `${c.customer.handle}: ${c.lastText} (${c.status})`)))),
      h('h4', {}, `Suggestions (${s.items.length})`),
      h('ul', { testid: 'problem-suggestions' }, s.items.map((item) => suggestion(p, item))),
      canChange(me) ? noteForm(p) : null,
      h('h4', {}, 'Timeline'),
      h('ol', { testid: 'problem-timeline' }, p.timeline.map((e) => h('li', {},
        `${new Date(e.at).toLocaleString()} · ${e.actor}: ${e.text}`))));
  }

  /**
   * The offer the hub says still stands (none written since the status was reached), so a reload
   * or another agent sees it too; the one in use is kept while the hub no longer offers it (sent).
   */
  function keepOffer(p) {
    const standing = p.offers?.broadcast;
    if (standing) adoptOffer(p.id, standing);
    else if (offer?.problemId !== p.id) offer = null;
  }

  /** The same offer (a live re-read and the change's own answer both bring it) keeps its box and what was typed. */
  function adoptOffer(problemId, standing) {
    if (offer?.problemId === problemId && offer.kind === standing.kind) return;
    offer = { problemId, ...standing, box: null };
  }

  /** The offered broadcast's box: the same element across re-renders, so a half-written broadcast survives them. */
  function offerBox(p) {
    if (!offer || offer.problemId !== p.id || !canChange(me)) return null;
    offer.box ||= createOfferBox(offer, { onCreated: () => reach?.refresh() });
    return offer.box;
  }

  function reachOf(p) {
    if (reach?.problemId !== p.id) reach = { problemId: p.id, ...createProblemReach(p.id) };
    reach.refresh();
    return reach.element;
  }

  /** Cases opened per hour, as bars of text (no chart library is bundled yet). */
  function volume(series) {
    const max = Math.max(1, ...series.map((v) => v.cases));
    return h('table', { class: 'volume', testid: 'problem-volume' }, series.map((v) => h('tr', {},
      h('td', {}, new Date(v.hour).toLocaleString()),
      h('td', {}, h('span', { class: 'bar', style: { width: `${Math.round((100 * v.cases) / max)}%` } }), ` ${v.cases}`))));
  }

  function suggestion(p, item) {
    const c = item.case;
    const why = [item.evidence.reason, ...item.evidence.phrases.map((x) => `“${x}”`)].filter(Boolean).join(', ');
    const decide = (decision) => async () => {
      await api.decideSuggestion(p.id, c.id, decision);
      await show(p.id);
    };
    return h('li', { testid: 'suggestion', dataset: { caseId: c.id } },
      `${c.customer.handle}: ${c.lastText} — ${item.score} (${why}) `,
      canChange(me) ? h('button', { type: 'button', class: 'btn small', testid: 'suggestion-accept', on: { click: decide('accept') } }, 'Link') : null,
      canChange(me) ? h('button', { type: 'button', class: 'btn ghost small', testid: 'suggestion-decline', on: { click: decide('decline') } }, 'Decline') : null);
  }

  function statusForm(p) {
    if (!canChange(me)) return null;
    const status = h('select', { testid: 'problem-status-select' },
      PROBLEM_STATES.map((st) => h('option', { value: st, selected: st === p.status }, st)));
    const summary = h('input', { testid: 'problem-summary', placeholder: 'Public summary', value: p.publicSummary || '' });
    const note = h('span', { class: 'muted', testid: 'problem-change-result' });
    return h('form', { class: 'problem-form', on: { submit: async (e) => {
      e.preventDefault();
      try {
        const r = await api.updateProblem(p.id, { status: status.value, publicSummary: summary.value || undefined });
        if (r.offers?.broadcast) adoptOffer(p.id, r.offers.broadcast);
        await show(p.id);
        const result = el.querySelector('[data-testid=problem-change-result]');
        if (result) result.textContent = r.status === 'resolved' ? `Resolved ${r.resolvedCases} cases.` : '';
      } catch (err) {
        note.textContent = err.message;
      }
    } } }, status, summary, h('button', { type: 'submit', class: 'btn small', testid: 'problem-apply' }, 'Apply'), note);
  }

  function noteForm(p) {
    const text = h('input', { testid: 'problem-note', placeholder: 'Internal note' });
    return h('form', { class: 'problem-form', on: { submit: async (e) => {
      e.preventDefault();
      if (!text.value.trim()) return;
      await api.problemNote(p.id, text.value);
      await show(p.id);
    } } }, text, h('button', { type: 'submit', class: 'btn small' }, 'Add note'));
  }

  /** A live event about a Problem: the list is read again (at most once a second), the shown one refreshed. */
  let listTimer = null;
  function applyProblem(problem) {
    if (!problem) return;
    if (problem.id === current) show(current).catch(() => {});
    if (listTimer) return;
    listTimer = setTimeout(() => { listTimer = null; refreshList().catch(() => {}); }, 1000);
  }

  /** Only the list's rows: the open form and the shown Problem are left as they are. */
  async function refreshList() {
    const list = el.querySelector('[data-testid=problem-list]');
    if (!list) return;
    const { items } = await api.problems();
    replaceChildren(list, items.map(row));
  }

  /** A live broadcast or engagement event: the shown Problem's broadcasts are read again, at most once a second. */
  let reachTimer = null;
  function applyEngagement() {
    if (!current || reach?.problemId !== current || reachTimer) return;
    reachTimer = setTimeout(() => { reachTimer = null; reach?.refresh(); }, 1000);
  }

  return { load, show, createFromAlert, applyProblem, applyEngagement, current: () => current };
}

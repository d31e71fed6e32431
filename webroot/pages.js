// The view bar and the pages it shows below the top bar instead of the inbox: which roles get
// which page, and what each page loads when it is shown.
import { $ } from './dom.js';
import { canApprove, createApprovalQueue } from './approvals.js';
import { createConnectorsPage } from './connectors-page.js';
import { createAuditPage } from './admin-audit.js';
import { createPeoplePage } from './admin-people.js';
import { createSlaAdminPage } from './sla-admin.js';
import { createSavedRepliesAdmin } from './saved-replies-admin.js';
import { createAnalyticsPage } from './analytics.js';
import { createBroadcastsPage } from './broadcasts.js';
import { createProblemsPage } from './problems.js';

// view → the element that holds it
const PAGES = { approvals: 'approvals', connectors: 'connectors-page', analytics: 'analytics', audit: 'audit',
  people: 'people', sla: 'sla-admin', 'saved-replies': 'saved-replies', problems: 'problems', broadcasts: 'broadcasts',
  teams: 'teams-admin', routing: 'routing-admin', tags: 'tags-admin' };
let onShow = {}; // view → what to load when it is shown (the admin pages read their data then)

/** Inbox, approval queue or an admin page: one fills the page below the top bar. */
export function showView(which) {
  $('.workspace').hidden = which !== 'inbox';
  for (const [view, el] of Object.entries(PAGES)) $(`#${el}`).hidden = which !== view;
  for (const b of document.querySelectorAll('#views [data-view]')) b.setAttribute('aria-pressed', String(b.dataset.view === which));
  onShow[which]?.();
}

/** The audit and people pages, for admins only (the hub refuses everyone else anyway). */
export function wireAdmin(me) {
  const audit = createAuditPage($('#audit'));
  const people = createPeoplePage($('#people'), { me });
  const sla = createSlaAdminPage($('#sla-admin'));
  onShow = { ...onShow, audit: audit.load, people: people.load, sla: () => sla.load().catch(() => {}) };
  for (const b of document.querySelectorAll('#views [data-admin]')) b.hidden = false;
}

/** The analytics page, for marketers, managers and admins; a marketer's only view besides the inbox. */
export function wireAnalytics(me) {
  const page = createAnalyticsPage($('#analytics'), { me });
  onShow.analytics = page.load;
  $('[data-view=analytics]').hidden = false;
  $('#views').hidden = false;
  for (const b of document.querySelectorAll('#views [data-view]')) b.onclick = () => showView(b.dataset.view);
  return page;
}

export function wireApprovals(me) {
  const queue = createApprovalQueue($('#approvals'), {
    me,
    onCount: (n) => { $('[data-testid=approval-count]').textContent = n ? String(n) : ''; },
  });
  $('#views').hidden = false;
  for (const b of document.querySelectorAll('#views [data-view]')) b.onclick = () => showView(b.dataset.view);
  return queue;
}

/** The saved replies page, for managers and admins; what they change reaches the composer at once. */
export function wireSavedReplies(view) {
  const page = createSavedRepliesAdmin($('#saved-replies'), { onChanged: view.setTemplates });
  onShow = { ...onShow, 'saved-replies': () => page.load().catch(() => {}) };
  for (const b of document.querySelectorAll('#views [data-manager]')) b.hidden = false;
  return page;
}

/** The broadcasts page: everyone reads it; the view bar shows for every signed-in role. */
export function wireBroadcasts(me) {
  const page = createBroadcastsPage($('#broadcasts'), { me });
  $('#views').hidden = false;
  for (const v of ['approvals', 'connectors']) $(`#views [data-view=${v}]`).hidden = !canApprove(me);
  for (const b of document.querySelectorAll('#views [data-view]')) b.onclick = () => showView(b.dataset.view);
  onShow.broadcasts = () => page.load().catch(() => {});
  return page;
}

export function wireConnectorsPage(me) {
  const page = createConnectorsPage($('#connectors-page'), { me });
  onShow.connectors = () => page.load().catch(() => {});
  return page;
}

/** The Problems page, for everyone signed in (the hub scopes what each may see). */
export function wireProblems(me, openCase) {
  const page = createProblemsPage($('#problems'), {
    me,
    onOpenCase: (id) => { showView('inbox'); openCase(id); },
  });
  onShow.problems = () => page.load().catch(() => {});
  $('#views').hidden = false;
  const approver = canApprove(me);
  for (const b of document.querySelectorAll('#views [data-view=approvals], #views [data-view=connectors]')) b.hidden = !approver;
  for (const b of document.querySelectorAll('#views [data-view]')) if (!b.onclick) b.onclick = () => showView(b.dataset.view);
  return page;
}

/** More pages' loaders (view → what to load when it is shown). */
export function addPages(more) {
  onShow = { ...onShow, ...more };
}

/** Signing out: every page emptied, the role-bound view buttons as before sign-in, the inbox shown. */
export function resetPages() {
  for (const el of Object.values(PAGES)) $(`#${el}`).replaceChildren();
  for (const b of document.querySelectorAll('#views [data-admin], #views [data-manager]')) b.hidden = true;
  $('[data-view=analytics]').hidden = true;
  for (const b of document.querySelectorAll('#views [data-view=approvals], #views [data-view=connectors]')) b.hidden = false;
  onShow = {};
  $('#views').hidden = true;
  showView('inbox');
}

// Entry point: session check, login, then the inbox, the case view and the live feed wired together.
// The page acts only as the user the hub says is signed in (GET /session): when another tab
// signs in as someone else, this page notices and rebuilds itself for that user.
import { api, setSessionChangedHandler, setUnauthenticatedHandler } from './api.js';
import { $, h } from './dom.js';
import { connectLive } from './live.js';
import { createInbox } from './inbox.js';
import { createCaseView } from './caseview.js';
import { createConnectorBar } from './connectors.js';
import { canApprove, createApprovalQueue } from './approvals.js';
import { createConnectorsPage } from './connectors-page.js';
import { createAuditPage } from './admin-audit.js';
import { createPeoplePage } from './admin-people.js';
import { wireLogin } from './login.js';
import { showPasswordChange } from './password-change.js';
import { EVENTS } from './vocabulary.js';
import { createAvailabilityToggle, createDirectory } from './assign.js';
import { createPresence } from './presence.js';

let session = null; // { me, stop() } while signed in

function show(which) {
  $('#boot').hidden = true;
  $('#login').hidden = which !== 'login';
  $('#password-change').hidden = which !== 'password-change';
  $('#app').hidden = which !== 'app';
}

function showLogin(message) {
  if (session) session.stop();
  session = null;
  show('login');
  wireLogin({ message, onSignedIn: enter });
}

/** Into the app, unless an admin set this user's password: then they choose their own first. */
function enter(me) {
  if (!me.mustChangePassword) return start(me);
  show('password-change');
  showPasswordChange($('#password-change'), { me, onChanged: enter, onSignOut: () => showLogin() });
}

function setLiveState(state) {
  const el = $('#live-status');
  el.dataset.state = state;
  el.textContent = { live: 'live', connecting: 'connecting…', offline: 'reconnecting…' }[state] || state;
}

/** A short line under the user's name, e.g. why the page just changed user. */
function showNotice(text) {
  let el = $('[data-testid=session-notice]');
  if (!el) {
    el = h('span', { class: 'chip', testid: 'session-notice', role: 'status' });
    $('#user-name').after(el);
  }
  el.hidden = !text;
  el.textContent = text || '';
}

/**
 * Compares the user the hub knows with the one this page shows: 'same' (requests may go on with
 * the fresh CSRF token), 'ended' (now on the login screen), 'switched' (the page was rebuilt for
 * the user another tab signed in) or 'unreachable' (the hub did not answer).
 */
async function verifySession() {
  if (!session) return 'ended';
  const shown = session;
  let now;
  try {
    now = await api.currentSession();
  } catch (err) {
    if (err.status !== 401) return 'unreachable';
    if (session === shown) showLogin('Your session has ended. Please sign in again.');
    return 'ended';
  }
  if (session !== shown) return 'switched';
  if (now.username === shown.me.username) return 'same';
  shown.stop();
  session = null;
  await enter(now);
  showNotice(`Signed in as ${now.username} in another tab (was ${shown.me.username}).`);
  return 'switched';
}

// view → the element that holds it
const PAGES = { approvals: 'approvals', connectors: 'connectors-page', audit: 'audit', people: 'people' };
let onShow = {}; // view → what to load when it is shown (the admin pages read their data then)

/** Inbox, approval queue or an admin page: one fills the page below the top bar. */
function showView(which) {
  $('.workspace').hidden = which !== 'inbox';
  for (const [view, el] of Object.entries(PAGES)) $(`#${el}`).hidden = which !== view;
  for (const b of document.querySelectorAll('#views [data-view]')) b.setAttribute('aria-pressed', String(b.dataset.view === which));
  onShow[which]?.();
}

/** The audit and people pages, for admins only (the hub refuses everyone else anyway). */
function wireAdmin(me) {
  const audit = createAuditPage($('#audit'));
  const people = createPeoplePage($('#people'), { me });
  onShow = { audit: audit.load, people: people.load };
  for (const b of document.querySelectorAll('#views [data-admin]')) b.hidden = false;
}

function wireApprovals(me) {
  const queue = createApprovalQueue($('#approvals'), {
    me,
    onCount: (n) => { $('[data-testid=approval-count]').textContent = n ? String(n) : ''; },
  });
  $('#views').hidden = false;
  for (const b of document.querySelectorAll('#views [data-view]')) b.onclick = () => showView(b.dataset.view);
  return queue;
}

function wireConnectorsPage(me) {
  const page = createConnectorsPage($('#connectors-page'), { me });
  $('[data-view=connectors]').onclick = () => { showView('connectors'); page.load().catch(() => {}); };
  return page;
}

async function start(me) {
  show('app');
  $('#user-name').textContent = me.username;
  $('#user-role').textContent = (me.roles || []).join(', ');
  showNotice('');

  const connectors = createConnectorBar($('#connectors'));
  const directory = createDirectory();
  await directory.load();
  const worksCases = (me.roles || []).some((role) => role !== 'marketer');
  const availability = worksCases ? createAvailabilityToggle(me, directory) : null;
  if (availability) $('#user-name').before(availability);
  const presence = createPresence(me, (caseId) => { view.presenceChanged(caseId); inbox.presenceChanged(caseId); });
  const view = createCaseView($('#case-view'), { me, onCaseChanged: (c) => inbox.applyCase(c), presence, directory });
  const inbox = createInbox(
    { list: $('#case-list'), count: $('#case-count'), empty: $('#case-empty'), tabs: $('#status-tabs'), sort: $('#sort'),
      brand: $('#brand-filter') },
    { me, onSelect: (id) => openCase(id), presenceOf: (id) => presence.label(id) },
  );

  function openCase(id) {
    if (!id) return;
    inbox.select(id);
    history.replaceState(null, '', `#case=${encodeURIComponent(id)}`);
    view.open(id).catch((err) => console.warn('case', id, err.message));
  }

  const approvals = canApprove(me) ? wireApprovals(me) : null;
  const accountsPage = approvals ? wireConnectorsPage(me) : null; // the same people: managers and admins
  if ((me.roles || []).includes('admin')) wireAdmin(me);

  const refreshHealth = () => api.health().then(connectors.setHealth).catch(() => {});
  const refreshAll = () => Promise.all([inbox.loadBrands().catch(() => {}), inbox.load().catch(() => {}), refreshHealth(),
    view.refresh().catch(() => {}), approvals?.load().catch(() => {}), accountsPage?.load().catch(() => {})]);

  const live = connectLive({
    onState: setLiveState,
    onOpen: () => refreshAll(), // nothing sent while the socket was down is replayed
    onEvent: (type, data) => route(type, data),
    // Reconnect only while the same user is signed in; an unreachable hub is retried.
    onDrop: async () => ['same', 'unreachable'].includes(await verifySession()),
  });

  // Event names and payloads (v1) are documented in docs/EVENTS.md; see also vocabulary.js.
  function route(type, data) {
    if (type.startsWith('case.') && data.case) {
      inbox.applyCase(data.case, { created: type === EVENTS.caseOpened });
      view.applyCase(data.case);
      if (type === EVENTS.caseMentionsMoved && data.source) {
        inbox.applyCase(data.source);
        view.applyCase(data.source);
      }
    } else if (type === EVENTS.mentionReceived && data.mention) {
      view.applyThreadItem({ kind: 'mention', ...data.mention });
    } else if (type.startsWith('reply.') && data.reply) {
      view.applyThreadItem({ kind: 'reply', ...data.reply });
      approvals?.apply(data.reply);
    } else if (type === EVENTS.connectorStatusChanged && data.connector) {
      connectors.update(data.connector);
      accountsPage?.applyStatus(data.connector);
    } else if (type === EVENTS.connectorEnabledChanged) {
      accountsPage?.load().catch(() => {});
    } else if (type === EVENTS.presenceChanged) {
      presence.apply(data);
    } else if ((type === EVENTS.brandCreated || type === EVENTS.brandUpdated) && data.brand) {
      inbox.applyBrand(data.brand);
    } // unknown events are ignored so the hub can add new ones
  }

  function onKey(e) {
    if (e.target.closest('input, textarea, select')) return;
    if (e.key === 'j' || e.key === 'k') openCase(inbox.neighbour(e.key === 'j' ? 1 : -1));
  }

  const healthTimer = setInterval(refreshHealth, 60000);
  const onVisible = () => { if (document.visibilityState === 'visible') verifySession(); };
  document.addEventListener('keydown', onKey);
  document.addEventListener('visibilitychange', onVisible);
  window.addEventListener('focus', onVisible);
  $('#logout').onclick = async () => {
    await api.logout().catch(() => {});
    showLogin();
  };
  session = {
    me,
    stop() {
      live.close();
      presence.stop();
      availability?.remove();
      clearInterval(healthTimer);
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('focus', onVisible);
      $('#case-list').replaceChildren();
      $('#case-view').replaceChildren();
      $('#connectors').replaceChildren();
      for (const el of Object.values(PAGES)) $(`#${el}`).replaceChildren();
      for (const b of document.querySelectorAll('#views [data-admin]')) b.hidden = true;
      onShow = {};
      $('#views').hidden = true;
      showView('inbox');
    },
  };

  api.templates().then(view.setTemplates).catch(() => {});
  await refreshAll();
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('case');
  if (fromHash) openCase(fromHash);
}

setUnauthenticatedHandler(() => { if (session) showLogin('Your session has ended. Please sign in again.'); });
setSessionChangedHandler(async () => (await verifySession()) === 'same');

api.currentSession().then(enter, () => showLogin());

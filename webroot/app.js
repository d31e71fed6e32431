// Entry point: session check, login, then the inbox, the case view and the live feed wired together.
// The page acts only as the user the hub says is signed in (GET /session): when another tab
// signs in as someone else, this page notices and rebuilds itself for that user.
import { api, setSessionChangedHandler, setUnauthenticatedHandler } from './api.js';
import { $, h } from './dom.js';
import { connectLive } from './live.js';
import { createLiveDispatch } from './live-dispatch.js';
import { createInbox } from './inbox.js';
import { createFilters } from './filters.js';
import { createViews } from './views.js';
import { createCaseView } from './caseview.js';
import { createConnectorBar } from './connectors.js';
import { setSlaPolicy, startSlaTicker } from './sla.js';
import { wireShortcuts } from './keyboard.js';
import { createKeyboardCommands } from './commands.js';
import { canReadAnalytics } from './analytics.js';
import { canApprove } from './approvals.js';
import { addPages, resetPages, showView, wireAdmin, wireAnalytics, wireApprovals, wireBroadcasts, wireConnectorsPage,
  wireProblems, wireSavedReplies } from './pages.js';
import { wireLogin } from './login.js';
import { createAlertBanner } from './alerts.js';
import { showPasswordChange } from './password-change.js';
import { createNotifications } from './notifications.js';
import { createBulk } from './bulk.js';
import { createAvailabilityToggle, createDirectory } from './assign.js';
import { createPresence } from './presence.js';
import { wireTeamAdminPages } from './team-admin-pages.js';

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
  const selection = createBulk({ canWrite: worksCases });
  $('#case-list').before(selection.bar);
  const inbox = createInbox(
    { list: $('#case-list'), count: $('#case-count'), empty: $('#case-empty'), tabs: $('#status-tabs'), sort: $('#sort'),
      brand: $('#brand-filter') },
    { me, onSelect: (id) => openCase(id), selection, onFiltersChanged: () => views.clearActive(),
      presenceOf: (id) => presence.label(id) },
  );
  const notifications = createNotifications({ onOpen: (id) => openCase(id) });
  $('#user-name').before(notifications.element);
  document.body.appendChild(notifications.toasts);
  const filters = createFilters({ bar: $('#filter-bar'), search: $('#case-search'), toggle: $('#filter-toggle') }, {
    onChange: (values) => { views.clearActive(); inbox.setExtra(values).catch(() => {}); },
  });
  const views = createViews({ list: $('#saved-views'), save: $('#view-save'), form: $('#view-form') }, {
    current: () => inbox.current(),
    onApply: (v) => { filters.set(v.filters); inbox.show(v).catch(() => {}); },
  });

  function openCase(id) {
    if (!id) return;
    inbox.select(id);
    history.replaceState(null, '', `#case=${encodeURIComponent(id)}`);
    view.open(id).catch((err) => console.warn('case', id, err.message));
  }

  const approvals = canApprove(me) ? wireApprovals(me) : null;
  const broadcasts = wireBroadcasts(me);
  const accountsPage = approvals ? wireConnectorsPage(me) : null; // the same people: managers and admins
  if ((me.roles || []).includes('admin')) wireAdmin(me);
  const savedReplies = approvals ? wireSavedReplies(view) : null;
  const reloadTemplates = () => api.templates().then(view.setTemplates).catch(() => {});
  const analytics = canReadAnalytics(me) ? wireAnalytics(me) : null;
  const teamPages = wireTeamAdminPages(me); // Teams, Routing, Tags
  addPages(teamPages.onShow);
  if (!approvals) for (const b of document.querySelectorAll('#views [data-view=approvals], #views [data-view=connectors]')) b.hidden = true;

  const problems = wireProblems(me, openCase);
  const alerts = createAlertBanner($('#alerts'), {
    onCreate: async (a) => {
      const p = await problems.createFromAlert(a);
      showView('problems');
      return p;
    },
  });

  const refreshHealth = () => api.health().then(connectors.setHealth).catch(() => {});
  // Marketers may not read the SLA policy: their countdowns then count wall-clock time.
  const refreshSla = () => api.slaPolicy().then(setSlaPolicy).catch(() => {});
  const refreshAll = () => Promise.all([refreshSla(), inbox.loadBrands().catch(() => {}), inbox.load().catch(() => {}),
    refreshHealth(), views.load().catch(() => {}), view.refresh().catch(() => {}), approvals?.load().catch(() => {}),
    alerts.load().catch(() => {}), accountsPage?.load().catch(() => {}), broadcasts.load().catch(() => {})]);

  const route = createLiveDispatch({ me, openCase, inbox, view, views, presence, approvals, problems, broadcasts,
    connectors, accountsPage, notifications, alerts, teamPages, refreshSla, reloadTemplates });
  const live = connectLive({
    onState: setLiveState,
    onOpen: () => refreshAll(), // nothing sent while the socket was down is replayed
    onEvent: (type, data) => route(type, data),
    // Reconnect only while the same user is signed in; an unreachable hub is retried.
    onDrop: async () => ['same', 'unreachable'].includes(await verifySession()),
  });


  const keyboard = createKeyboardCommands({ inbox, view, openCase, showView, savedReplies,
    signOut: () => $('#logout').click() });
  const shortcuts = wireShortcuts({ run: keyboard.run, blocked: keyboard.blocked });
  const healthTimer = setInterval(refreshHealth, 60000);
  const stopSlaTicker = startSlaTicker();
  const onVisible = () => { if (document.visibilityState === 'visible') verifySession(); };
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
      stopSlaTicker();
      document.getElementById('sla-alerts')?.replaceChildren();
      shortcuts.stop();
      keyboard.remove();
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('focus', onVisible);
      $('#case-list').replaceChildren();
      selection.bar.remove();
      notifications.element.remove();
      notifications.toasts.remove();
      $('#saved-views').replaceChildren();
      $('#case-search').value = '';
      $('#case-view').replaceChildren();
      $('#connectors').replaceChildren();
      $('#alerts').replaceChildren();
      $('#alerts').hidden = true;
      analytics?.stop();
      resetPages();
    },
  };

  reloadTemplates();
  await refreshAll();
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('case');
  if (fromHash) openCase(fromHash);
}

setUnauthenticatedHandler(() => { if (session) showLogin('Your session has ended. Please sign in again.'); });
setSessionChangedHandler(async () => (await verifySession()) === 'same');

api.currentSession().then(enter, () => showLogin());

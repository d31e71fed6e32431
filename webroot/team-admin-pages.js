// Running the team from the dashboard: the Teams, Routing and Tags pages, registered here so
// app.js only hands over the signed-in user. Admins get all three; managers read Routing (the
// hub lets them read the routing policy but change nothing). Returns what to load when each page
// is shown, and `apply(type)` for live events that change what the pages show.
import { $ } from './dom.js';
import { EVENTS } from './vocabulary.js';
import { createTeamsPage } from './teams-admin.js';
import { createRoutingPage } from './routing-admin.js';
import { createTagsAdminPage } from './tags-admin.js';

// Live events after which the routing page's agents (availability, load) are read again.
const MOVES_LOAD = [EVENTS.caseAssigned, EVENTS.caseStatusChanged, EVENTS.caseOpened, EVENTS.caseMerged,
  EVENTS.routingPolicyUpdated];

export function wireTeamAdminPages(me) {
  const roles = me.roles || [];
  const admin = roles.includes('admin');
  if (!admin && !roles.includes('manager')) return { onShow: {}, apply() {} };
  const routing = createRoutingPage($('#routing-admin'), { me });
  $('#views [data-view=routing]').hidden = false;
  const onShow = { routing: routing.load };
  let teams = null;
  let tags = null;
  if (admin) {
    teams = createTeamsPage($('#teams-admin'));
    tags = createTagsAdminPage($('#tags-admin'));
    Object.assign(onShow, { teams: teams.load, tags: tags.load });
    for (const v of ['teams', 'tags']) $(`#views [data-view=${v}]`).hidden = false;
  }
  return {
    onShow,
    apply(type) {
      if (MOVES_LOAD.includes(type)) routing.changed();
      if (type === EVENTS.tagsUpdated && !$('#tags-admin').hidden) tags?.load();
      if (type.startsWith('team.') && !$('#teams-admin').hidden) teams?.load();
    },
  };
}

// The live feed's dispatch: which part of the page each event type updates.
// Event names and payloads (v1) are documented in docs/EVENTS.md; see also vocabulary.js.
import { showSlaAlert } from './sla.js';
import { EVENTS } from './vocabulary.js';

/**
 * Returns route(type, data) for the live socket, given the parts of the signed-in page. Parts a
 * role does not have (approvals, accountsPage) are null and their events are skipped.
 */
export function createLiveDispatch({ me, openCase, inbox, view, views, presence, approvals, problems, broadcasts,
  connectors, accountsPage, notifications, alerts, teamPages, refreshSla, reloadTemplates }) {
  return function route(type, data) {
    teamPages.apply(type);
    if (type.startsWith('case.') && data.case) {
      inbox.applyCase(data.case, { created: type === EVENTS.caseOpened });
      view.applyCase(data.case);
      showSlaAlert(type, data, { me, onOpen: openCase });
      views.caseChanged();
      if (type === EVENTS.caseNoted && data.note) view.applyNote(data.note);
      if ((type === EVENTS.caseMentionsMoved || type === EVENTS.caseMerged) && data.source) {
        inbox.applyCase(data.source);
        view.applyCase(data.source);
      }
    } else if (type === EVENTS.mentionReceived && data.mention) {
      view.applyThreadItem({ kind: 'mention', ...data.mention });
    } else if (type.startsWith('mention.') && data.moderation) {
      view.applyModeration(data.moderation);
    } else if (type.startsWith('reply.') && data.reply) {
      view.applyThreadItem({ kind: 'reply', ...data.reply });
      approvals?.apply(data.reply);
      if (type === EVENTS.replyEngagementUpdated) problems.applyEngagement();
    } else if (type === EVENTS.connectorStatusChanged && data.connector) {
      connectors.update(data.connector);
      accountsPage?.applyStatus(data.connector);
    } else if (type === EVENTS.connectorEnabledChanged) {
      accountsPage?.load().catch(() => {});
    } else if (type === EVENTS.slaPolicyUpdated) {
      refreshSla();
    } else if (type.startsWith('broadcast.')) {
      broadcasts.apply(type, data);
      problems.applyEngagement();
      if (type === EVENTS.broadcastSubmitted || type === EVENTS.broadcastApproved || type === EVENTS.broadcastRejected) {
        approvals?.load().catch(() => {});
      }
    } else if (type === EVENTS.presenceChanged) {
      presence.apply(data);
    } else if ((type === EVENTS.brandCreated || type === EVENTS.brandUpdated) && data.brand) {
      inbox.applyBrand(data.brand);
    } else if ([EVENTS.templateCreated, EVENTS.templateUpdated, EVENTS.templateDeleted].includes(type)) {
      reloadTemplates();
    } else if (type === EVENTS.notification) {
      notifications.add(data);
    } else if (type === EVENTS.tagsUpdated) {
      view.reloadTags().catch(() => {});
    } else if (type === EVENTS.alertRaised && data.alert) {
      alerts.apply(data.alert);
    } else if (type.startsWith('problem.') && data.problem) {
      problems.applyProblem(data.problem);
    } // unknown events are ignored so the hub can add new ones
  };
}

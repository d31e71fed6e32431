// The hub's shared vocabulary, in one place: event names (noun.verb, as in
// io.earshot.domain.event.EventType and docs/EVENTS.md) and the states records move through.

export const EVENTS = Object.freeze({
  mentionReceived: 'mention.received',
  mentionHidden: 'mention.hidden',
  mentionUnhidden: 'mention.unhidden',
  mentionDeleted: 'mention.deleted',
  caseOpened: 'case.opened',
  caseMentionAdded: 'case.mention_added',
  caseReopened: 'case.reopened',
  caseMentionsMoved: 'case.mentions_moved',
  caseAssigned: 'case.assigned',
  caseStatusChanged: 'case.status_changed',
  caseResponded: 'case.responded',
  caseReprioritized: 'case.reprioritized',
  caseSlaChanged: 'case.sla_changed',
  caseSlaWarning: 'case.sla_warning',
  caseSlaBreached: 'case.sla_breached',
  replySubmitted: 'reply.submitted',
  replyApproved: 'reply.approved',
  replyRejected: 'reply.rejected',
  replyReturned: 'reply.returned',
  replyEscalated: 'reply.escalated',
  replyAttempted: 'reply.attempted',
  replyRetryScheduled: 'reply.retry_scheduled',
  replySent: 'reply.sent',
  replyFailed: 'reply.failed',
  replyEngagementUpdated: 'reply.engagement_updated',
  connectorStatusChanged: 'connector.status_changed',
  connectorBudgetWarning: 'connector.budget_warning',
  connectorEnabledChanged: 'connector.enabled_changed',
  approvalPolicyUpdated: 'approval_policy.updated',
  slaPolicyUpdated: 'sla_policy.updated',
  brandCreated: 'brand.created',
  brandUpdated: 'brand.updated',
  templateCreated: 'template.created',
  templateUpdated: 'template.updated',
  templateDeleted: 'template.deleted',
  caseNoted: 'case.noted',
  caseTagged: 'case.tagged',
  caseSnoozed: 'case.snoozed',
  caseSnoozeEnded: 'case.snooze_ended',
  caseMerged: 'case.merged',
  tagsUpdated: 'tags.updated',
  // A live message addressed to this user only (e.g. a note mentioning them).
  notification: 'notification',
  caseProblemLinked: 'case.problem_linked',
  alertRaised: 'alert.raised',
  broadcastSubmitted: 'broadcast.submitted',
  broadcastApproved: 'broadcast.approved',
  broadcastRejected: 'broadcast.rejected',
  broadcastStarted: 'broadcast.started',
  broadcastPaused: 'broadcast.paused',
  broadcastResumed: 'broadcast.resumed',
  broadcastFinished: 'broadcast.finished',
  broadcastProgress: 'broadcast.progress',
  teamCreated: 'team.created',
  teamUpdated: 'team.updated',
  teamDeleted: 'team.deleted',
  routingPolicyUpdated: 'routing_policy.updated',
  viewSaved: 'view.saved',
  viewDeleted: 'view.deleted',
  // Not a domain event: the live-only presence message (docs/EVENTS.md, "Presence").
  presenceChanged: 'presence.changed',
});

export const PROBLEM_STATES = Object.freeze(['investigating', 'identified', 'fixing', 'resolved']);

export const BROADCAST_STATES = Object.freeze(['pending_approval', 'queued', 'sending', 'paused', 'sent', 'failed', 'rejected']);

export const CASE_STATES = Object.freeze(['new', 'open', 'pending', 'resolved']);
export const SLA_STATES = Object.freeze(['ok', 'warning', 'breached', 'paused', 'met']);
export const REPLY_STATES = Object.freeze(['draft', 'pending_approval', 'queued', 'sending', 'sent', 'failed', 'rejected']);

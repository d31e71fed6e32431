// The hub's shared vocabulary, in one place: event names (noun.verb, as in
// io.earshot.domain.event.EventType and docs/EVENTS.md) and the states records move through.

export const EVENTS = Object.freeze({
  mentionReceived: 'mention.received',
  caseOpened: 'case.opened',
  caseMentionAdded: 'case.mention_added',
  caseReopened: 'case.reopened',
  caseMentionsMoved: 'case.mentions_moved',
  caseAssigned: 'case.assigned',
  caseStatusChanged: 'case.status_changed',
  caseResponded: 'case.responded',
  caseReprioritized: 'case.reprioritized',
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
  brandCreated: 'brand.created',
  brandUpdated: 'brand.updated',
  teamCreated: 'team.created',
  teamUpdated: 'team.updated',
  teamDeleted: 'team.deleted',
  routingPolicyUpdated: 'routing_policy.updated',
  // Not a domain event: the live-only presence message (docs/EVENTS.md, "Presence").
  presenceChanged: 'presence.changed',
});

export const CASE_STATES = Object.freeze(['new', 'open', 'pending', 'resolved']);
export const REPLY_STATES = Object.freeze(['draft', 'pending_approval', 'queued', 'sending', 'sent', 'failed', 'rejected']);

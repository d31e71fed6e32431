package io.earshot.domain;

import io.earshot.domain.event.ReplyEvents.ReplyApproved;
import io.earshot.domain.event.ReplyEvents.ReplyAttempted;
import io.earshot.domain.event.ReplyEvents.ReplyEngagementUpdated;
import io.earshot.domain.event.ReplyEvents.ReplyFailed;
import io.earshot.domain.event.ReplyEvents.ReplyEscalated;
import io.earshot.domain.event.ReplyEvents.ReplyRejected;
import io.earshot.domain.event.ReplyEvents.ReplyReturned;
import io.earshot.domain.event.ReplyEvents.ReplyRetryScheduled;
import io.earshot.domain.event.ReplyEvents.ReplySent;
import io.earshot.domain.event.ReplyEvents.ReplySubmitted;
import io.earshot.domain.approval.Approval;
import io.earshot.domain.approval.ApprovalRule;
import io.earshot.error.DomainError;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The publishing life of a reply as pure functions, (reply, command) → the new reply and its
 * events, or {@link DomainError.Conflict} for a transition its state does not allow:
 * <pre>
 *   draft ─submit─► pending_approval ─approve─► queued ─claim─► sending ─sent─► sent
 *   ▲ └──submit (no approval needed)──────────────┘  ▲            │ └─fail─► failed
 *   └───return──────────┤└─reject─► rejected         └──retry─────┘
 * </pre>
 * A lapsed {@code sending} claim (the sender died) may be claimed again: the platform sees the
 * same idempotency key, so a reply is published at most once. A reply a policy held is claimed
 * only with an approval of its exact text ({@link Reply#lacksApproval}), whatever route, instance
 * or restart brought it to the outbox.
 */
public final class ReplyLifecycle {
  /** States a publisher may claim a due reply from. */
  public static final Set<ReplyState> CLAIMABLE = Set.of(ReplyState.QUEUED, ReplyState.SENDING);

  private ReplyLifecycle() {
  }

  /** Submits a draft: held for approval when {@code holding} (a policy's rule) is given, else queued at once. */
  public static Decision<Reply> submit(Reply draft, ApprovalRule holding, String matched, String actor, Instant at) {
    require(draft, ReplyState.DRAFT, "submitted");
    Reply after = holding == null ? draft.withApproval(ReplyState.QUEUED, draft.text(), at, null)
        : draft.withApproval(ReplyState.PENDING_APPROVAL, draft.text(), null,
            Approval.held(holding, matched, draft.text(), at));
    return new Decision<>(after, List.of(new ReplySubmitted(after, actor, at)));
  }

  /**
   * A reply released by an approval given elsewhere (a broadcast's post or personal notice: the
   * approver approved the broadcast): queued at once, bound to its exact text like any approval.
   */
  public static Decision<Reply> released(Reply draft, Approval approval, String actor, Instant at) {
    require(draft, ReplyState.DRAFT, "released");
    if (approval == null || !approval.permits(draft.text())) {
      throw new DomainError.Forbidden("reply " + draft.id() + " is not the text approved");
    }
    Reply after = draft.withApproval(ReplyState.QUEUED, draft.text(), at, approval);
    return new Decision<>(after, List.of(new ReplySubmitted(after, actor, at)));
  }

  /** An agent submits a reply sent back to them again, with their new text. */
  public static Decision<Reply> resubmit(Reply returned, String text, ApprovalRule holding, String matched,
                                         String actor, Instant at) {
    require(returned, ReplyState.DRAFT, "submitted again");
    return submit(returned.withApproval(ReplyState.DRAFT, text, null, returned.approval()), holding, matched, actor, at);
  }

  /**
   * An approver lets a held reply go, with their edit of the text when {@code editedText} is
   * given; the agent's text stays in the approval. Nobody approves their own reply unless the
   * rule that held it allows it.
   */
  public static Decision<Reply> approve(Reply r, String editedText, String actor, Instant at) {
    require(r, ReplyState.PENDING_APPROVAL, "approved");
    refuseSelfApproval(r, actor);
    boolean edited = editedText != null && !editedText.equals(r.text());
    String text = edited ? editedText : r.text();
    Reply after = r.withApproval(ReplyState.QUEUED, text, at, r.approval().approved(actor, text, at));
    return new Decision<>(after, List.of(new ReplyApproved(after, actor, edited, at)));
  }

  public static Decision<Reply> reject(Reply r, String reason, String actor, Instant at) {
    require(r, ReplyState.PENDING_APPROVAL, "rejected");
    requireWhy(reason, "reason");
    Reply after = r.withApproval(ReplyState.REJECTED, r.text(), null, r.approval().decided(actor, reason, at));
    return new Decision<>(after, List.of(new ReplyRejected(after, actor, reason, at)));
  }

  /** An approver sends a held reply back to its author with a note; the author may edit and submit it again. */
  public static Decision<Reply> sendBack(Reply r, String note, String actor, Instant at) {
    require(r, ReplyState.PENDING_APPROVAL, "sent back");
    requireWhy(note, "reason");
    Reply after = r.withApproval(ReplyState.DRAFT, r.text(), null, r.approval().decided(actor, note, at));
    return new Decision<>(after, List.of(new ReplyReturned(after, actor, note, at)));
  }

  /** A held reply waited past its rule's escalation time: every approver is told, once. */
  public static Decision<Reply> escalate(Reply r, Instant at) {
    Approval approval = r.approval();
    if (r.state() != ReplyState.PENDING_APPROVAL || approval == null || approval.escalated()
        || approval.escalateAt() == null || approval.escalateAt().isAfter(at)) {
      return Decision.unchanged(r);
    }
    Reply after = r.withApproval(r.state(), r.text(), null, approval.escalatedNow());
    return new Decision<>(after, List.of(new ReplyEscalated(after, at)));
  }

  /** A publisher takes a due reply and holds it until {@code leaseUntil} while it sends. */
  public static Decision<Reply> claim(Reply r, Instant leaseUntil, Instant at) {
    if (!CLAIMABLE.contains(r.state())) {
      throw conflict(r, "claimed for sending");
    }
    if (r.lacksApproval()) {
      throw new DomainError.Forbidden("reply " + r.id() + " was held by rule " + r.approval().ruleId()
          + " and its text is not approved");
    }
    Reply after = r.with(ReplyState.SENDING, r.text(), r.externalId(), r.attempts() + 1, leaseUntil,
        r.lastError(), null);
    return new Decision<>(after, List.of(new ReplyAttempted(after, at)));
  }

  /** The platform accepted the post; recording it twice is no change. */
  public static Decision<Reply> sent(Reply r, String externalId, Instant at) {
    if (r.state() == ReplyState.SENT) {
      return Decision.unchanged(r);
    }
    require(r, ReplyState.SENDING, "recorded as sent");
    Reply after = r.with(ReplyState.SENT, r.text(), externalId, r.attempts(), null, null, at);
    return new Decision<>(after, List.of(new ReplySent(after, at)));
  }

  /** A transient failure: try again at {@code retryAt}. */
  public static Decision<Reply> retry(Reply r, Instant retryAt, String error, Instant at) {
    require(r, ReplyState.SENDING, "retried");
    Reply after = r.with(ReplyState.QUEUED, r.text(), null, r.attempts(), retryAt, error, null);
    return new Decision<>(after, List.of(new ReplyRetryScheduled(after, at)));
  }

  /** A permanent failure (refused by the platform, no account, too many attempts). */
  public static Decision<Reply> fail(Reply r, String error, Instant at) {
    if (!CLAIMABLE.contains(r.state())) {
      throw conflict(r, "failed");
    }
    Reply after = r.with(ReplyState.FAILED, r.text(), null, r.attempts(), null, error, null);
    return new Decision<>(after, List.of(new ReplyFailed(after, at)));
  }

  /** New reactions measured on a published reply. */
  public static Decision<Reply> measured(Reply r, Engagement engagement, Instant at) {
    require(r, ReplyState.SENT, "measured");
    Engagement before = r.engagement() == null ? Engagement.none() : r.engagement();
    boolean same = before.sameCounts(engagement);
    Reply after = r.withEngagement(engagement);
    return same ? Decision.unchanged(after)
        : new Decision<>(after, List.of(new ReplyEngagementUpdated(after, at)));
  }

  private static void refuseSelfApproval(Reply r, String actor) {
    if (actor.equals(r.author()) && !r.approval().selfApproval()) {
      throw new DomainError.Forbidden("nobody approves their own reply (rule " + r.approval().ruleId() + ")");
    }
  }

  private static void requireWhy(String why, String field) {
    if (why == null || why.isBlank()) {
      throw new DomainError.Invalid(field, "must say why");
    }
  }

  private static void require(Reply r, ReplyState expected, String verb) {
    if (r.state() != expected) {
      throw conflict(r, verb);
    }
  }

  private static DomainError.Conflict conflict(Reply r, String verb) {
    return new DomainError.Conflict("reply " + r.id() + " is " + r.state().code() + " and cannot be " + verb);
  }
}

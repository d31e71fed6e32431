package io.earshot.domain.broadcast;

import io.earshot.domain.Decision;
import io.earshot.domain.approval.Approval;
import io.earshot.domain.approval.ApprovalRule;
import io.earshot.domain.event.BroadcastEvents.BroadcastChanged;
import io.earshot.domain.event.EventType;
import io.earshot.error.DomainError;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The life of a broadcast as pure functions, (broadcast, command) → the new broadcast and its
 * events, or a typed {@link DomainError}:
 * <pre>
 *   submit ─► pending_approval ─approve─► queued ─start─► sending ─finish─► sent | failed
 *                 └─reject─► rejected       └──pause/resume──┘ paused
 * </pre>
 * Every broadcast is held (the policy holds every broadcast kind). {@link #start} refuses one
 * whose content is not exactly the content approved, whatever wrote it to {@code queued}.
 */
public final class BroadcastLifecycle {
  private static final Set<BroadcastState> PAUSABLE = Set.of(BroadcastState.QUEUED, BroadcastState.SENDING);

  private BroadcastLifecycle() {
  }

  public static Decision<Broadcast> submit(Broadcast draft, ApprovalRule holding, String actor, Instant at) {
    Approval held = Approval.held(holding, null, draft.content(), at);
    Broadcast after = draft.with(BroadcastState.PENDING_APPROVAL, draft.text(), held, 0, null, at);
    return told(after, EventType.BROADCAST_SUBMITTED, actor, "held for approval (rule " + holding.id() + ")", at);
  }

  /** An approver releases it, with their edit of the public text when {@code editedText} is given. */
  public static Decision<Broadcast> approve(Broadcast b, String editedText, String actor, Instant at) {
    require(b, BroadcastState.PENDING_APPROVAL, "approved");
    if (actor.equals(b.author()) && !b.approval().selfApproval()) {
      throw new DomainError.Forbidden("nobody approves their own broadcast (rule " + b.approval().ruleId() + ")");
    }
    boolean edited = editedText != null && !editedText.equals(b.text());
    String text = edited ? editedText : b.text();
    Broadcast released = b.with(BroadcastState.QUEUED, text, b.approval(), 0, null, at);
    Broadcast after = released.withApproval(b.approval().approved(actor, released.content(), at));
    String detail = edited ? "approved with edits: \"" + b.text() + "\" → \"" + text + "\"" : "approved";
    return told(after, EventType.BROADCAST_APPROVED, actor, detail, at);
  }

  public static Decision<Broadcast> reject(Broadcast b, String reason, String actor, Instant at) {
    require(b, BroadcastState.PENDING_APPROVAL, "rejected");
    if (reason == null || reason.isBlank()) {
      throw new DomainError.Invalid("reason", "must say why");
    }
    Broadcast after = b.with(BroadcastState.REJECTED, b.text(), b.approval().decided(actor, reason, at), 0, null, at);
    return told(after, EventType.BROADCAST_REJECTED, actor, "rejected: " + reason, at);
  }

  /**
   * The runner begins publishing a queued broadcast to {@code total} customers found so far. A
   * broadcast whose content is not the approved content fails for good instead: it is never sent.
   */
  public static Decision<Broadcast> start(Broadcast b, int total, Instant at) {
    require(b, BroadcastState.QUEUED, "started");
    total = Math.max(total, b.noticesTotal());
    if (!b.approved()) {
      Broadcast after = b.with(BroadcastState.FAILED, b.text(), b.approval(), total, "its text is not the text approved", at);
      return told(after, EventType.BROADCAST_FINISHED, RUNNER, "refused: its text is not the text approved", at);
    }
    Broadcast after = b.with(BroadcastState.SENDING, b.text(), b.approval(), total, null, at);
    return told(after, EventType.BROADCAST_STARTED, RUNNER, total + " customers to notify", at);
  }

  /** More affected customers were found (linked to the problem later). */
  public static Decision<Broadcast> audience(Broadcast b, int total, Instant at) {
    if (total <= b.noticesTotal()) {
      return Decision.unchanged(b);
    }
    Broadcast after = b.with(b.state(), b.text(), b.approval(), total, b.lastError(), at);
    return new Decision<>(after, List.of());
  }

  public static Decision<Broadcast> pause(Broadcast b, String actor, Instant at) {
    if (!PAUSABLE.contains(b.state())) {
      throw conflict(b, "paused");
    }
    Broadcast after = b.with(BroadcastState.PAUSED, b.text(), b.approval(), b.noticesTotal(), null, at);
    return told(after, EventType.BROADCAST_PAUSED, actor, "paused", at);
  }

  /** Resumes where it stopped: nothing already created is made again. */
  public static Decision<Broadcast> resume(Broadcast b, String actor, Instant at) {
    require(b, BroadcastState.PAUSED, "resumed");
    // Back to queued: starting again finds the posts and notices already made and makes only the rest.
    Broadcast after = b.with(BroadcastState.QUEUED, b.text(), b.approval(), b.noticesTotal(), null, at);
    return told(after, EventType.BROADCAST_RESUMED, actor, "resumed", at);
  }

  /** Every post and notice reached a final state: sent when any post or notice went out, else failed. */
  public static Decision<Broadcast> finish(Broadcast b, boolean anySent, String error, Instant at) {
    require(b, BroadcastState.SENDING, "finished");
    BroadcastState next = anySent ? BroadcastState.SENT : BroadcastState.FAILED;
    Broadcast after = b.with(next, b.text(), b.approval(), b.noticesTotal(), anySent ? null : error, at);
    return told(after, EventType.BROADCAST_FINISHED, RUNNER, next.code(), at);
  }

  /** The actor of what the broadcast runner decides. */
  public static final String RUNNER = "system:broadcasts";

  private static Decision<Broadcast> told(Broadcast after, EventType type, String actor, String detail, Instant at) {
    return new Decision<>(after, List.of(new BroadcastChanged(type, after, actor, detail, at)));
  }

  private static void require(Broadcast b, BroadcastState expected, String verb) {
    if (b.state() != expected) {
      throw conflict(b, verb);
    }
  }

  private static DomainError.Conflict conflict(Broadcast b, String verb) {
    return new DomainError.Conflict("broadcast " + b.id() + " is " + b.state().code() + " and cannot be " + verb);
  }
}

package io.earshot.domain.broadcast;

import io.earshot.domain.Decision;
import io.earshot.domain.Engagement;
import io.earshot.domain.Platform;
import io.earshot.domain.Reply;
import io.earshot.domain.ReplyLifecycle;
import io.earshot.domain.ReplyState;
import io.earshot.domain.approval.Approval;
import io.earshot.error.DomainError;
import java.time.Instant;

/**
 * What a released broadcast puts in the outbox, decided purely: one reply per account (its
 * public post, answering nothing) and one per affected customer (the notice, answering their
 * newest mention). Each is queued through {@link ReplyLifecycle#released} with an approval
 * derived from the broadcast's, bound to the reply's own exact text; so the outbox's claim
 * refuses any of them whose text changed afterwards, as it refuses an edited reply.
 */
public final class BroadcastOutbox {
  private BroadcastOutbox() {
  }

  /** The public post of {@code b} on {@code account}. */
  public static Decision<Reply> post(Broadcast b, String account, Platform platform, Instant at) {
    Reply draft = draft(Notice.postIdOf(b.id(), account), null, platform, account, b.text(), null, b, at);
    return ReplyLifecycle.released(draft, derived(b, b.text()), BroadcastLifecycle.RUNNER, at);
  }

  /** The personal notice of {@code b} to {@code t}, saying {@code text} (the notice filled for them). */
  public static Decision<Reply> notice(Broadcast b, NoticeTarget t, String text, Instant at) {
    Reply draft = draft(Notice.replyIdOf(b.id(), t.customerId()), t.caseId(), t.platform(), t.account(), text,
        t.mentionExternalId(), b, at);
    return ReplyLifecycle.released(draft, derived(b, text), BroadcastLifecycle.RUNNER, at);
  }

  private static Reply draft(String id, String caseId, Platform platform, String account, String text,
                             String inReplyTo, Broadcast b, Instant at) {
    return new Reply(id, caseId, platform, account, text, ReplyState.DRAFT, inReplyTo, b.author(), null, 0, null,
        null, at, null, Engagement.none(), null, 0);
  }

  /** The broadcast's approval, carried to one filled text; only a released broadcast has one to give. */
  private static Approval derived(Broadcast b, String text) {
    if (!b.approved()) {
      throw new DomainError.Forbidden("broadcast " + b.id() + " is not the content approved");
    }
    Approval a = b.approval();
    return new Approval(a.ruleId(), a.approver(), a.selfApproval(), null, a.heldAt(), null, a.escalated(), text,
        a.decidedBy(), a.decidedAt(), Approval.sha256(text), "broadcast " + b.id());
  }
}

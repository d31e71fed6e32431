package io.earshot.domain.broadcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.domain.Platform;
import io.earshot.domain.Reply;
import io.earshot.domain.ReplyState;
import io.earshot.domain.approval.ApprovalPolicy;
import io.earshot.error.DomainError;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The broadcast lifecycle")
class BroadcastLifecycleTest {
  private static final Instant AT = Instant.parse("2026-12-01T12:00:00Z");

  @Test
  @DisplayName("every broadcast is held; approved, it is queued with an approval of its exact content")
  void heldThenApproved() {
    Broadcast held = submitted("Login works again.");
    assertEquals(BroadcastState.PENDING_APPROVAL, held.state());
    assertFalse(held.approved());
    Broadcast approved = BroadcastLifecycle.approve(held, null, "mia", AT).state();
    assertEquals(BroadcastState.QUEUED, approved.state());
    assertTrue(approved.approved());
    assertEquals(BroadcastState.SENDING, BroadcastLifecycle.start(approved, 3, AT).state().state());
  }

  @Test
  @DisplayName("an edited text after approval, or an edited notice, is not approved: the runner refuses to start it")
  void editAfterApprovalNeedsApproval() {
    Broadcast approved = BroadcastLifecycle.approve(submitted("Login works again."), null, "mia", AT).state();
    Broadcast tampered = new Broadcast(approved.id(), approved.brand(), approved.problemId(), "Login works, refunds for all!",
        null, approved.accounts(), true, approved.noticeText(), null, BroadcastState.QUEUED, approved.approval(),
        approved.author(), AT, AT, 0, null, approved.version());
    assertFalse(tampered.approved());
    var refused = BroadcastLifecycle.start(tampered, 3, AT).state();
    assertEquals(BroadcastState.FAILED, refused.state());
    Broadcast otherNotice = new Broadcast(approved.id(), approved.brand(), approved.problemId(), approved.text(), null,
        approved.accounts(), true, "@{{customer.handle}} free money", null, BroadcastState.QUEUED, approved.approval(),
        approved.author(), AT, AT, 0, null, approved.version());
    assertFalse(otherNotice.approved(), "the notice is part of what was approved");
  }

  @Test
  @DisplayName("an approver's edit is what is approved; the author cannot approve their own broadcast")
  void editedApproval() {
    Broadcast held = submitted("Login works agian.");
    Broadcast approved = BroadcastLifecycle.approve(held, "Login works again.", "mia", AT).state();
    assertEquals("Login works again.", approved.text());
    assertTrue(approved.approved());
    assertThrows(DomainError.Forbidden.class, () -> BroadcastLifecycle.approve(held, null, "ann", AT));
  }

  @Test
  @DisplayName("posts and notices carry the broadcast's approval bound to their own text; a pause stops, a resume re-queues")
  void outboxRowsAndPause() {
    Broadcast sending = BroadcastLifecycle.start(BroadcastLifecycle.approve(submitted("Fixed."), null, "mia", AT).state(),
        1, AT).state();
    NoticeTarget t = new NoticeTarget("sandbox:1", "ana", "case-1", Platform.SANDBOX, "sandbox", "m-1");
    Reply notice = BroadcastOutbox.notice(sending, t, "@ana fixed", AT).state();
    assertEquals(ReplyState.QUEUED, notice.state());
    assertEquals(Notice.replyIdOf(sending.id(), "sandbox:1"), notice.id());
    assertFalse(notice.lacksApproval());
    assertEquals("m-1", notice.inReplyToExternalId());
    Reply post = BroadcastOutbox.post(sending, "sandbox", Platform.SANDBOX, AT).state();
    assertEquals(null, post.caseId());
    Broadcast paused = BroadcastLifecycle.pause(sending, "ann", AT).state();
    assertEquals(BroadcastState.PAUSED, paused.state());
    assertThrows(DomainError.Conflict.class, () -> BroadcastLifecycle.pause(paused, "ann", AT));
    assertEquals(BroadcastState.QUEUED, BroadcastLifecycle.resume(paused, "mia", AT).state().state());
    assertThrows(DomainError.Forbidden.class, () -> BroadcastOutbox.notice(submitted("x"), t, "@ana x", AT));
  }

  private static Broadcast submitted(String text) {
    Broadcast draft = new Broadcast("b-1", "default", "p-1", text, null, List.of("sandbox"), true,
        "@{{customer.handle}} it works again", null, BroadcastState.PENDING_APPROVAL, null, "ann", AT, AT, 0, null, 0);
    return BroadcastLifecycle.submit(draft, ApprovalPolicy.BROADCAST_DEFAULT, "ann", AT).state();
  }
}

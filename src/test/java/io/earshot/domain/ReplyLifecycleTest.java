package io.earshot.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.domain.event.ReplyEvents.ReplyApproved;
import io.earshot.domain.event.ReplyEvents.ReplyAttempted;
import io.earshot.domain.event.ReplyEvents.ReplySent;
import io.earshot.domain.event.ReplyEvents.ReplySubmitted;
import io.earshot.domain.approval.ApprovalConditions;
import io.earshot.domain.approval.ApprovalKind;
import io.earshot.domain.approval.ApprovalRule;
import io.earshot.domain.event.ReplyEvents.ReplyEscalated;
import io.earshot.domain.event.ReplyEvents.ReplyReturned;
import io.earshot.error.DomainError;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The reply lifecycle")
class ReplyLifecycleTest {
  private static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");
  private static final ApprovalRule RULE = new ApprovalRule("refund", null, Set.of(ApprovalKind.REPLY),
      new ApprovalConditions(List.of("refund"), null, null, null, null, null, null, null, false), "manager", 30, false);

  @Test
  @DisplayName("a draft that needs no approval is queued for sending at once")
  void submitQueued() {
    Decision<Reply> d = ReplyLifecycle.submit(draft(), null, null, "ann", T0);
    assertEquals(ReplyState.QUEUED, d.state().state());
    assertEquals(T0, d.state().nextAttemptAt());
    assertInstanceOf(ReplySubmitted.class, d.events().get(0));
  }

  @Test
  @DisplayName("a held reply waits for an approver, who may edit it before it is queued")
  void approval() {
    Reply held = ReplyLifecycle.submit(draft(), RULE, "refund", "ann", T0).state();
    assertEquals(ReplyState.PENDING_APPROVAL, held.state());
    Decision<Reply> approved = ReplyLifecycle.approve(held, "Fixed text", "mgr", T0);
    assertEquals(ReplyState.QUEUED, approved.state().state());
    assertEquals("Fixed text", approved.state().text());
    assertTrue(((ReplyApproved) approved.events().get(0)).edited());
    assertFalse(((ReplyApproved) ReplyLifecycle.approve(held, held.text(), "mgr", T0).events().get(0)).edited());
    assertEquals(ReplyState.REJECTED, ReplyLifecycle.reject(held, "tone", "mgr", T0).state().state());
  }

  @Test
  @DisplayName("a queued reply cannot be approved, and a rejected one can never be sent")
  void illegalTransitions() {
    Reply queued = ReplyLifecycle.submit(draft(), null, null, "ann", T0).state();
    assertThrows(DomainError.Conflict.class, () -> ReplyLifecycle.approve(queued, null, "mgr", T0));
    Reply rejected = ReplyLifecycle.reject(ReplyLifecycle.submit(draft(), RULE, "refund", "ann", T0).state(), "no", "mgr", T0).state();
    assertThrows(DomainError.Conflict.class, () -> ReplyLifecycle.claim(rejected, T0, T0));
    assertThrows(DomainError.Conflict.class, () -> ReplyLifecycle.sent(queued, "x1", T0));
  }

  @Test
  @DisplayName("a claim counts the attempt and leases the reply; a lapsed claim may be claimed again")
  void claim() {
    Reply queued = ReplyLifecycle.submit(draft(), null, null, "ann", T0).state();
    Decision<Reply> claimed = ReplyLifecycle.claim(queued, T0.plusSeconds(30), T0);
    assertEquals(ReplyState.SENDING, claimed.state().state());
    assertEquals(1, claimed.state().attempts());
    assertEquals(T0.plusSeconds(30), claimed.state().nextAttemptAt());
    assertInstanceOf(ReplyAttempted.class, claimed.events().get(0));
    assertEquals(2, ReplyLifecycle.claim(claimed.state(), T0.plusSeconds(90), T0.plusSeconds(60)).state().attempts());
  }

  @Test
  @DisplayName("recording a send twice is no change; a retry goes back to the queue with its error")
  void sentAndRetry() {
    Reply sending = ReplyLifecycle.claim(ReplyLifecycle.submit(draft(), null, null, "ann", T0).state(), T0, T0).state();
    Decision<Reply> sent = ReplyLifecycle.sent(sending, "x1", T0);
    assertEquals("x1", sent.state().externalId());
    assertInstanceOf(ReplySent.class, sent.events().get(0));
    assertFalse(ReplyLifecycle.sent(sent.state(), "x1", T0).changed());
    Reply retried = ReplyLifecycle.retry(sending, T0.plusSeconds(4), "503", T0).state();
    assertEquals(ReplyState.QUEUED, retried.state());
    assertEquals("503", retried.lastError());
    assertNull(retried.sentAt());
  }

  @Test
  @DisplayName("only changed counts are told as an engagement update")
  void engagement() {
    Reply sending = ReplyLifecycle.claim(ReplyLifecycle.submit(draft(), null, null, "ann", T0).state(), T0, T0).state();
    Reply sent = ReplyLifecycle.sent(sending, "x1", T0).state();
    Decision<Reply> first = ReplyLifecycle.measured(sent, new Engagement(3, 1, 0, T0), T0);
    assertTrue(first.changed());
    assertFalse(ReplyLifecycle.measured(first.state(), new Engagement(3, 1, 0, T0.plusSeconds(60)), T0).changed());
  }

  @Test
  @DisplayName("an approval binds the exact text approved: a text changed after approval is not claimed")
  void approvalBindsText() {
    Reply held = ReplyLifecycle.submit(draft(), RULE, "refund", "ann", T0).state();
    assertEquals("refund", held.approval().ruleId());
    assertEquals("Sorry about that!", held.approval().submittedText());
    assertThrows(DomainError.Conflict.class, () -> ReplyLifecycle.claim(held, T0, T0), "pending is not claimable");
    Reply approved = ReplyLifecycle.approve(held, "Your refund is on its way.", "mgr", T0).state();
    assertEquals("Sorry about that!", approved.approval().submittedText(), "the agent's text is kept");
    assertTrue(approved.approval().permits("Your refund is on its way."));
    assertEquals(ReplyState.SENDING, ReplyLifecycle.claim(approved, T0, T0).state().state());
    Reply tampered = new Reply(approved.id(), approved.caseId(), approved.platform(), approved.account(),
        "Something else entirely", approved.state(), approved.inReplyToExternalId(), approved.author(), null, 0,
        T0, null, T0, null, Engagement.none(), approved.approval(), approved.version());
    assertTrue(tampered.lacksApproval());
    assertThrows(DomainError.Forbidden.class, () -> ReplyLifecycle.claim(tampered, T0, T0));
  }

  @Test
  @DisplayName("nobody approves their own reply unless the rule allows it")
  void noSelfApproval() {
    Reply held = ReplyLifecycle.submit(draft(), RULE, "refund", "ann", T0).state();
    assertThrows(DomainError.Forbidden.class, () -> ReplyLifecycle.approve(held, null, "ann", T0));
    ApprovalRule lenient = new ApprovalRule("lenient", null, Set.of(ApprovalKind.REPLY), RULE.when(), "manager", null, true);
    Reply heldByLenient = ReplyLifecycle.submit(draft(), lenient, null, "ann", T0).state();
    assertEquals(ReplyState.QUEUED, ReplyLifecycle.approve(heldByLenient, null, "ann", T0).state().state());
  }

  @Test
  @DisplayName("a reply sent back returns to its author as a draft with the note, and goes through the policy again")
  void sendBackAndResubmit() {
    Reply held = ReplyLifecycle.submit(draft(), RULE, "refund", "ann", T0).state();
    assertThrows(DomainError.Invalid.class, () -> ReplyLifecycle.sendBack(held, " ", "mgr", T0));
    Decision<Reply> back = ReplyLifecycle.sendBack(held, "Please name the order", "mgr", T0);
    assertEquals(ReplyState.DRAFT, back.state().state());
    assertEquals("Please name the order", back.state().approval().note());
    assertInstanceOf(ReplyReturned.class, back.events().get(0));
    Reply again = ReplyLifecycle.resubmit(back.state(), "Order 12 is refunded", RULE, "refund", "ann", T0).state();
    assertEquals(ReplyState.PENDING_APPROVAL, again.state());
    assertEquals("Order 12 is refunded", again.approval().submittedText());
    assertThrows(DomainError.Invalid.class, () -> ReplyLifecycle.reject(held, null, "mgr", T0), "a rejection says why");
  }

  @Test
  @DisplayName("a held reply is escalated once, after its rule's escalation time")
  void escalation() {
    Reply held = ReplyLifecycle.submit(draft(), RULE, "refund", "ann", T0).state();
    assertFalse(ReplyLifecycle.escalate(held, T0.plusSeconds(29 * 60)).changed());
    Decision<Reply> escalated = ReplyLifecycle.escalate(held, T0.plusSeconds(30 * 60));
    assertInstanceOf(ReplyEscalated.class, escalated.events().get(0));
    assertFalse(ReplyLifecycle.escalate(escalated.state(), T0.plusSeconds(3600)).changed());
  }

  private static Reply draft() {
    return new Reply("r1", "c1", Platform.SANDBOX, "acct", "Sorry about that!", ReplyState.DRAFT, "m1", "ann",
        null, 0, null, null, T0, null, Engagement.none(), null, 0);
  }
}

package io.earshot.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.domain.event.DomainEvent;
import io.earshot.domain.event.CaseworkEvents.CaseSnoozeEnded;
import io.earshot.domain.event.CaseworkEvents.CaseSnoozed;
import io.earshot.domain.event.CaseworkEvents.CaseTagged;
import io.earshot.error.DomainError;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Working a case in the lifecycle: tags, snooze, merge")
class CaseworkLifecycleTest {
  private static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");
  private static final Instant LATER = T0.plusSeconds(3600);

  private static CareCase careCase(String id, String customer, CaseStatus status, List<String> tags, Instant snoozed) {
    return new CareCase(id, Platform.SANDBOX, "acct", "default", customer, "ann", status, Priority.of(40), null, null,
        tags, "subject", "last", 2, T0, T0, T0, null, null, 3, snoozed, null, null, null);
  }

  @Test
  @DisplayName("tags are kept in lower case, once each; the event names what was added and removed")
  void tags() {
    Decision<CareCase> d = CaseLifecycle.tag(careCase("c", "u", CaseStatus.OPEN, List.of("late"), null),
        List.of("Refund", "refund", "vip"), "ann", T0);
    assertEquals(List.of("refund", "vip"), d.state().tags());
    CaseTagged e = assertInstanceOf(CaseTagged.class, d.events().get(0));
    assertEquals(List.of("refund", "vip"), e.added());
    assertEquals(List.of("late"), e.removed());
    assertEquals("case.tagged", e.type().code());
    assertFalse(CaseLifecycle.tag(d.state(), List.of("VIP", "refund"), "ann", T0).changed(), "same set, no change");
  }

  @Test
  @DisplayName("a tag with spaces, markup, too many characters, or a 21st tag is refused naming tags")
  void badTags() {
    CareCase c = careCase("c", "u", CaseStatus.OPEN, List.of(), null);
    for (List<String> bad : List.of(List.of("two words"), List.of("<b>"), List.of("x".repeat(33)), List.of(""),
        Collections.nCopies(1, "a.b"), java.util.stream.IntStream.range(0, 21).mapToObj(i -> "t" + i).toList())) {
      DomainError.Invalid e = assertThrows(DomainError.Invalid.class, () -> CaseLifecycle.tag(c, bad, "ann", T0));
      assertEquals("tags", e.field());
    }
  }

  @Test
  @DisplayName("snoozing makes a case pending until a future time; the time coming opens it again, told by system:snooze")
  void snoozeAndWake() {
    Decision<CareCase> snoozed = CaseLifecycle.snooze(careCase("c", "u", CaseStatus.OPEN, List.of(), null), LATER, "ann", T0);
    assertEquals(CaseStatus.PENDING, snoozed.state().status());
    assertEquals(LATER, snoozed.state().snoozedUntil());
    assertEquals(CaseStatus.OPEN, assertInstanceOf(CaseSnoozed.class, snoozed.events().get(0)).from());
    assertFalse(CaseLifecycle.wake(snoozed.state(), LATER.minusSeconds(1)).changed(), "not yet");
    Decision<CareCase> woken = CaseLifecycle.wake(snoozed.state(), LATER);
    assertEquals(CaseStatus.OPEN, woken.state().status());
    assertNull(woken.state().snoozedUntil());
    CaseSnoozeEnded ended = assertInstanceOf(CaseSnoozeEnded.class, woken.events().get(0));
    assertEquals(DomainEvent.SNOOZE, ended.actor());
    assertEquals(LATER, ended.until());
  }

  @Test
  @DisplayName("a snooze in the past or of a resolved case is refused naming snoozedUntil; moving a snoozed case ends its snooze")
  void snoozeRules() {
    CareCase open = careCase("c", "u", CaseStatus.OPEN, List.of(), null);
    assertEquals("snoozedUntil", assertThrows(DomainError.Invalid.class,
        () -> CaseLifecycle.snooze(open, T0, "ann", T0)).field());
    assertEquals("snoozedUntil", assertThrows(DomainError.Invalid.class,
        () -> CaseLifecycle.snooze(careCase("c", "u", CaseStatus.RESOLVED, List.of(), null), LATER, "ann", T0)).field());
    CareCase snoozed = careCase("c", "u", CaseStatus.PENDING, List.of(), LATER);
    assertNull(CaseLifecycle.changeStatus(snoozed, CaseStatus.RESOLVED, "ann", T0).state().snoozedUntil());
    Decision<CareCase> ended = CaseLifecycle.snooze(snoozed, null, "ann", T0);
    assertEquals(CaseStatus.OPEN, ended.state().status());
    assertEquals("ann", ended.events().get(0).actor());
    assertFalse(CaseLifecycle.snooze(open, null, "ann", T0).changed(), "ending no snooze changes nothing");
  }

  @Test
  @DisplayName("only two different cases of one customer, platform and brand merge; refusals name from")
  void mergeRules() {
    CareCase into = careCase("a", "sandbox:u1", CaseStatus.OPEN, List.of(), null);
    CaseLifecycle.checkMerge(into, careCase("b", "sandbox:u1", CaseStatus.RESOLVED, List.of(), null));
    assertEquals("from", assertThrows(DomainError.Unprocessable.class,
        () -> CaseLifecycle.checkMerge(into, careCase("b", "sandbox:u2", CaseStatus.OPEN, List.of(), null))).field());
    CareCase otherBrand = new CareCase("b", Platform.SANDBOX, "acct", "other", "sandbox:u1", "ann", CaseStatus.OPEN,
        Priority.of(40), null, null, List.of(), "s", "l", 1, T0, T0, T0, null, null, 1, null, null, null, null);
    assertEquals("from", assertThrows(DomainError.Unprocessable.class, () -> CaseLifecycle.checkMerge(into, otherBrand)).field());
    assertEquals("from", assertThrows(DomainError.Invalid.class, () -> CaseLifecycle.checkMerge(into, into)).field());
    Decision<CareCase> merged = CaseLifecycle.merged(into, careCase("b", "sandbox:u1", CaseStatus.RESOLVED, List.of(), null),
        CaseStatus.OPEN, List.of("m1"), "ann", T0);
    assertEquals(4, merged.state().version());
    assertEquals(List.of("case.merged", "case.status_changed"), merged.events().stream().map(e -> e.type().code()).toList());
    assertTrue(merged.events().get(1).subject().endsWith(":b"), "the source's resolution is told about the source");
  }

  @Test
  @DisplayName("@names follow the username rules; an e-mail address or a trailing dot mentions nobody extra")
  void noteMentions() {
    assertEquals(List.of("mia", "ann.b", "joe"), NoteRules.candidates("@mia and @ann.b, ask @joe. mail x@example.com @mia"));
    assertEquals("text", assertThrows(DomainError.Invalid.class, () -> NoteRules.text(" ")).field());
    assertEquals("hi @mia", NoteRules.text("  hi @mia \n"));
  }
}

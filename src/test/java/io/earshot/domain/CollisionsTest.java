package io.earshot.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.earshot.error.DomainError;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("When a reply could cross another agent's")
class CollisionsTest {
  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
  private static final Duration TEN = Duration.ofMinutes(10);

  @Test
  @DisplayName("a case someone else claimed names them; one's own claim is no collision")
  void claimed() {
    CareCase bobs = CaseLifecycleTest.careCase(CaseStatus.OPEN).withAssignee("bob", NOW);
    DomainError.Collision e = assertThrows(DomainError.Collision.class,
        () -> Collisions.check(bobs, "m1", "ann", List.of(), List.of(), NOW, TEN));
    assertEquals(List.of("bob"), e.who());
    assertEquals("claimed", e.reason());
    assertDoesNotThrow(() -> Collisions.check(bobs, "m1", "bob", List.of(), List.of(), NOW, TEN));
  }

  @Test
  @DisplayName("someone else typing names them; one's own typing is no collision")
  void typing() {
    CareCase c = CaseLifecycleTest.careCase(CaseStatus.OPEN);
    DomainError.Collision e = assertThrows(DomainError.Collision.class,
        () -> Collisions.check(c, "m1", "ann", List.of("ann", "cy"), List.of(), NOW, TEN));
    assertEquals(List.of("cy"), e.who());
    assertEquals("typing", e.reason());
  }

  @Test
  @DisplayName("a second reply to the same mention within the window names who answered; an older, failed or other-mention one does not")
  void replied() {
    CareCase c = CaseLifecycleTest.careCase(CaseStatus.OPEN);
    DomainError.Collision e = assertThrows(DomainError.Collision.class, () -> Collisions.check(c, "m1", "ann",
        List.of(), List.of(reply("m1", "bob", ReplyState.QUEUED, NOW.minusSeconds(60))), NOW, TEN));
    assertEquals(List.of("bob"), e.who());
    assertEquals("replied", e.reason());
    assertDoesNotThrow(() -> Collisions.check(c, "m1", "ann", List.of(), List.of(
        reply("m1", "bob", ReplyState.SENT, NOW.minus(Duration.ofMinutes(11))),
        reply("m1", "bob", ReplyState.FAILED, NOW.minusSeconds(5)),
        reply("m2", "bob", ReplyState.SENT, NOW.minusSeconds(5))), NOW, TEN));
  }

  private static Reply reply(String target, String author, ReplyState state, Instant at) {
    return new Reply("r-" + author + at, "c1", Platform.SANDBOX, "acct", "text", state, target, author, null, 0, null,
        null, at, null, Engagement.none(), null, 1);
  }
}

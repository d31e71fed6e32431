package io.earshot.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.earshot.domain.CareCase;
import io.earshot.domain.CaseStatus;
import io.earshot.domain.Decision;
import io.earshot.domain.Platform;
import io.earshot.domain.Priority;
import io.earshot.domain.event.EventType;
import io.earshot.error.DomainError;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A Problem's lifecycle")
class ProblemLifecycleTest {
  private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");
  private static final Instant T1 = T0.plusSeconds(60);

  private static Problem open() {
    return ProblemLifecycle.open("p1", new ProblemLifecycle.Draft("Charged twice", "acme", "billing", null,
        List.of("billing"), null), "ann", T0).state();
  }

  private static ProblemLifecycle.Patch status(ProblemStatus s) {
    return new ProblemLifecycle.Patch(s, null, null, null, null);
  }

  @Test
  @DisplayName("opens investigating, medium, told as problem.opened")
  void opens() {
    Decision<Problem> d = ProblemLifecycle.open("p1", new ProblemLifecycle.Draft(" Charged twice ", "acme", "billing",
        null, List.of(), null), "ann", T0);
    assertEquals(ProblemStatus.INVESTIGATING, d.state().status());
    assertEquals(Severity.MEDIUM, d.state().severity());
    assertEquals("Charged twice", d.state().title());
    assertEquals(EventType.PROBLEM_OPENED, d.events().get(0).type());
  }

  @Test
  @DisplayName("a title is required, and it names the field")
  void titleRequired() {
    DomainError.Invalid e = assertThrows(DomainError.Invalid.class, () -> ProblemLifecycle.open("p1",
        new ProblemLifecycle.Draft(" ", "acme", "billing", null, List.of(), null), "ann", T0));
    assertEquals("title", e.field());
  }

  @Test
  @DisplayName("moves forward, may skip steps, and resolving records when")
  void forward() {
    Problem p = ProblemLifecycle.change(open(), status(ProblemStatus.FIXING), "ann", T1).state();
    assertEquals(ProblemStatus.FIXING, p.status());
    Decision<Problem> resolved = ProblemLifecycle.change(p, status(ProblemStatus.RESOLVED), "ann", T1.plusSeconds(5));
    assertEquals(T1.plusSeconds(5), resolved.state().resolvedAt());
    assertEquals(EventType.PROBLEM_STATUS_CHANGED, resolved.events().get(0).type());
    assertFalse(resolved.state().isOpen());
  }

  @Test
  @DisplayName("a resolved Problem can only be investigated again, which clears the resolution")
  void resolvedGoesBackOnlyToInvestigating() {
    Problem resolved = ProblemLifecycle.change(open(), status(ProblemStatus.RESOLVED), "ann", T1).state();
    DomainError.Invalid e = assertThrows(DomainError.Invalid.class,
        () -> ProblemLifecycle.change(resolved, status(ProblemStatus.FIXING), "ann", T1));
    assertEquals("status", e.field());
    Problem again = ProblemLifecycle.change(resolved, status(ProblemStatus.INVESTIGATING), "ann", T1).state();
    assertNull(again.resolvedAt());
  }

  @Test
  @DisplayName("repeating the current state changes nothing; other fields are told as problem.updated")
  void unchangedAndUpdated() {
    Problem p = open();
    assertFalse(ProblemLifecycle.change(p, status(ProblemStatus.INVESTIGATING), "ann", T1).changed());
    Decision<Problem> d = ProblemLifecycle.change(p, new ProblemLifecycle.Patch(null, "We know", null, Severity.HIGH,
        null), "ann", T1);
    assertEquals(List.of(EventType.PROBLEM_UPDATED), d.events().stream().map(e -> e.type()).toList());
    assertEquals("We know", d.state().publicSummary());
    assertEquals(p.version() + 1, d.state().version());
  }

  @Test
  @DisplayName("linking adds only cases not linked yet")
  void linking() {
    Problem p = ProblemLifecycle.link(open(), List.of("c1", "c2"), "ann", T1).state();
    Decision<Problem> again = ProblemLifecycle.link(p, List.of("c2", "c3"), "ann", T1);
    assertEquals(List.of("c1", "c2", "c3"), again.state().caseIds());
    assertFalse(ProblemLifecycle.link(again.state(), List.of("c1"), "ann", T1).changed());
  }

  @Test
  @DisplayName("a case belongs to at most one Problem")
  void caseInOneProblem() {
    CareCase c = new CareCase("c1", Platform.SANDBOX, "acct", "acme", "sandbox:ann", "ann", CaseStatus.NEW,
        Priority.of(40), null, null, List.of(), "s", "s", 1, T0, T0, T0, null, null, 3, null, null, null, null);
    CareCase linked = ProblemLifecycle.linkCase(c, "p1", "ann", T1).state();
    assertEquals("p1", linked.problemId());
    assertNotNull(ProblemLifecycle.linkCase(c, "p1", "ann", T1).events().get(0));
    assertFalse(ProblemLifecycle.linkCase(linked, "p1", "ann", T1).changed());
    assertThrows(DomainError.Conflict.class, () -> ProblemLifecycle.linkCase(linked, "p2", "ann", T1));
  }
}

package io.earshot.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.domain.event.CaseEvents.CaseAssigned;
import io.earshot.domain.event.CaseEvents.CaseReprioritized;
import io.earshot.domain.event.CaseEvents.CaseResponded;
import io.earshot.domain.event.CaseEvents.CaseStatusChanged;
import io.earshot.error.DomainError;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The case lifecycle")
class CaseLifecycleTest {
  private static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");
  private static final Instant T1 = T0.plusSeconds(60);

  @Test
  @DisplayName("resolving a case records when, tells who did it, and moves the version on")
  void resolve() {
    Decision<CareCase> d = CaseLifecycle.changeStatus(careCase(CaseStatus.OPEN), CaseStatus.RESOLVED, "ann", T1);
    assertEquals(CaseStatus.RESOLVED, d.state().status());
    assertEquals(T1, d.state().resolvedAt());
    assertEquals(8, d.state().version());
    CaseStatusChanged e = assertInstanceOf(CaseStatusChanged.class, d.events().get(0));
    assertEquals(CaseStatus.OPEN, e.from());
    assertEquals("ann", e.actor());
    assertEquals("case.status_changed", e.type().code());
  }

  @Test
  @DisplayName("reopening a resolved case clears its resolution time")
  void reopen() {
    CareCase resolved = CaseLifecycle.changeStatus(careCase(CaseStatus.OPEN), CaseStatus.RESOLVED, "ann", T0).state();
    assertNull(CaseLifecycle.changeStatus(resolved, CaseStatus.OPEN, "ann", T1).state().resolvedAt());
  }

  @Test
  @DisplayName("a case never goes back to new, and asking for its current state changes nothing")
  void noBackToNew() {
    assertThrows(DomainError.Invalid.class,
        () -> CaseLifecycle.changeStatus(careCase(CaseStatus.OPEN), CaseStatus.NEW, "ann", T1));
    Decision<CareCase> same = CaseLifecycle.changeStatus(careCase(CaseStatus.OPEN), CaseStatus.OPEN, "ann", T1);
    assertFalse(same.changed());
    assertEquals(7, same.state().version());
  }

  @Test
  @DisplayName("assigning tells who had it and who has it now; assigning the same person again is no change")
  void assign() {
    Decision<CareCase> d = CaseLifecycle.assign(careCase(CaseStatus.NEW), person("bob", false, true), "ann", T1);
    CaseAssigned e = assertInstanceOf(CaseAssigned.class, d.events().get(0));
    assertNull(e.from());
    assertEquals("bob", e.to());
    assertFalse(CaseLifecycle.assign(d.state(), person("bob", false, true), "ann", T1).changed());
    assertEquals("bob", CaseLifecycle.assign(d.state(), new Assignment(null, null, null, false), "ann", T1).events()
        .stream().map(x -> ((CaseAssigned) x).from()).findFirst().orElseThrow());
  }

  @Test
  @DisplayName("a case goes to an existing team, told with the team it had and has")
  void assignTeam() {
    Decision<CareCase> d = CaseLifecycle.assign(careCase(CaseStatus.NEW), new Assignment(null, null, "billing", true),
        "ann", T1);
    CaseAssigned e = assertInstanceOf(CaseAssigned.class, d.events().get(0));
    assertEquals("billing", d.state().team());
    assertNull(e.fromTeam());
    assertEquals("billing", e.toTeam());
    DomainError.Unprocessable unknown = assertThrows(DomainError.Unprocessable.class, () -> CaseLifecycle.assign(
        careCase(CaseStatus.NEW), new Assignment(null, null, "nobody-such-team", false), "ann", T1));
    assertEquals("team", unknown.field());
  }

  @Test
  @DisplayName("nobody-such-user, a disabled user and a marketer cannot be given a case; each refusal names assignee")
  void unassignable() {
    for (Assignment to : List.of(new Assignment("nobody-such-user", null, null, false), person("dan", true, true),
        person("max", false, false))) {
      DomainError.Unprocessable e = assertThrows(DomainError.Unprocessable.class,
          () -> CaseLifecycle.assign(careCase(CaseStatus.OPEN), to, "ann", T1));
      assertEquals("assignee", e.field());
      assertTrue(e.getMessage().contains(to.assignee()), e.getMessage());
    }
  }

  private static Assignment person(String name, boolean disabled, boolean works) {
    return new Assignment(name, new Candidate(name, disabled, works), null, false);
  }

  @Test
  @DisplayName("the first published reply sets the first response and makes a waiting case pending")
  void firstResponse() {
    Decision<CareCase> d = CaseLifecycle.responded(careCase(CaseStatus.NEW), "r1", T1);
    assertEquals(T1, d.state().firstResponseAt());
    assertEquals(CaseStatus.PENDING, d.state().status());
    assertTrue(((CaseResponded) d.events().get(0)).first());
    assertInstanceOf(CaseStatusChanged.class, d.events().get(1));
    Decision<CareCase> second = CaseLifecycle.responded(d.state(), "r2", T1.plusSeconds(5));
    assertEquals(T1, second.state().firstResponseAt(), "the first response time stays");
    assertFalse(((CaseResponded) second.events().get(0)).first());
    assertEquals(1, second.events().size(), "a pending case stays pending, with no status event");
  }

  @Test
  @DisplayName("a reply published after the case was resolved leaves it resolved")
  void responseAfterResolution() {
    Decision<CareCase> d = CaseLifecycle.responded(careCase(CaseStatus.RESOLVED), "r1", T1);
    assertEquals(CaseStatus.RESOLVED, d.state().status());
    assertEquals(1, d.events().size());
  }

  @Test
  @DisplayName("only a case still waiting for the brand climbs in priority")
  void reprioritize() {
    Priority higher = Priority.of(80);
    CaseReprioritized e = (CaseReprioritized) CaseLifecycle.reprioritize(careCase(CaseStatus.OPEN), higher, T1)
        .events().get(0);
    assertEquals(40, e.from());
    assertEquals(80, e.careCase().priority().value());
    assertFalse(CaseLifecycle.reprioritize(careCase(CaseStatus.PENDING), higher, T1).changed());
    assertFalse(CaseLifecycle.reprioritize(careCase(CaseStatus.OPEN), Priority.of(40), T1).changed());
  }

  static CareCase careCase(CaseStatus status) {
    return new CareCase("c1", Platform.SANDBOX, "acct", "default", "sandbox:ann", "ann", status, Priority.of(40), null, null,
        List.of(), "subject", "last", 2, T0, T0, T0, null, status == CaseStatus.RESOLVED ? T0 : null, 7, null, null, null, null);
  }
}

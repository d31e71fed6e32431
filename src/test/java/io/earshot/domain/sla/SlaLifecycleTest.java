package io.earshot.domain.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.domain.CaseStatus;
import io.earshot.domain.SlaClock;
import io.earshot.domain.SlaClock.Kind;
import io.earshot.domain.SlaClock.State;
import io.earshot.error.DomainError;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The SLA lifecycle")
class SlaLifecycleTest {
  private static final ZoneId UTC = ZoneId.of("UTC");
  /** A Tuesday. */
  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  private static final SlaBand NORMAL = new SlaBand("normal", 0, 60, 30, 480);
  private static final SlaBand URGENT = new SlaBand("urgent", 70, 15, 10, 120);
  private static final BrandSla ALWAYS = new BrandSla("default", BusinessHours.always(UTC), List.of(NORMAL, URGENT));
  private static final SlaPolicy POLICY = new SlaPolicy(List.of(ALWAYS), 80, 3);
  private static final BusinessTime TIME = ALWAYS.time();

  private static SlaClock apply(SlaClock c, SlaTrigger t) {
    return SlaLifecycle.apply(c, t, NORMAL, TIME, 80);
  }

  @Test
  @DisplayName("a case opens with its band's first-response and resolution targets running")
  void opens() {
    SlaClock c = SlaLifecycle.open(ALWAYS, POLICY, 40, T0);
    assertEquals("normal", c.band());
    assertEquals(T0.plus(Duration.ofMinutes(60)), c.firstResponse().dueAt());
    assertEquals(T0.plus(Duration.ofMinutes(48)), c.firstResponse().warnAt());
    assertEquals(T0.plus(Duration.ofMinutes(480)), c.resolution().dueAt());
    assertNull(c.nextResponse());
    assertEquals(State.OK, c.state());
    assertEquals(c.firstResponse().dueAt(), c.dueAt());
    assertEquals("urgent", SlaLifecycle.open(ALWAYS, POLICY, 85, T0).band());
  }

  @Test
  @DisplayName("a brand reply in time meets the first response; the resolution target is next")
  void firstResponseMet() {
    SlaClock c = apply(SlaLifecycle.open(ALWAYS, POLICY, 40, T0), new SlaTrigger.Responded(T0.plusSeconds(600)));
    assertEquals(T0.plusSeconds(600), c.firstResponse().metAt());
    assertEquals(State.OK, c.state());
    assertEquals(c.resolution().dueAt(), c.dueAt());
  }

  @Test
  @DisplayName("pending pauses every running target; the customer writing resumes them with the time they had left")
  void pauseAndResume() {
    SlaClock c = apply(SlaLifecycle.open(ALWAYS, POLICY, 40, T0), new SlaTrigger.Responded(T0.plusSeconds(600)));
    Instant pendingAt = T0.plus(Duration.ofMinutes(100));
    c = apply(c, new SlaTrigger.StatusChanged(CaseStatus.OPEN, CaseStatus.PENDING, pendingAt));
    assertEquals(State.PAUSED, c.state());
    assertNull(c.dueAt());
    assertEquals(380 * 60L, c.resolution().leftSeconds());
    assertEquals(100 * 60L, c.resolution().usedSeconds());
    Instant wrote = pendingAt.plus(Duration.ofHours(20));
    c = apply(c, new SlaTrigger.CustomerWrote(wrote));
    assertEquals(wrote.plus(Duration.ofMinutes(380)), c.resolution().dueAt());
    assertEquals(wrote.plus(Duration.ofMinutes(30)), c.nextResponse().dueAt());
    assertEquals(c.nextResponse().dueAt(), c.dueAt());
    assertEquals(State.OK, c.state());
  }

  @Test
  @DisplayName("a pause outside business hours costs nothing: the remaining business time is kept")
  void pauseInBusinessTime() {
    Map<DayOfWeek, List<OpeningSpan>> week = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek d : DayOfWeek.values()) {
      week.put(d, List.of(OpeningSpan.parse("09:00-17:00")));
    }
    BusinessTime office = new BusinessTime(new BusinessHours(UTC, week, Set.of()));
    BrandSla sla = new BrandSla("default", office.hours(), List.of(NORMAL));
    SlaClock c = SlaLifecycle.open(sla, POLICY, 10, T0);
    c = SlaLifecycle.apply(c, new SlaTrigger.StatusChanged(CaseStatus.NEW, CaseStatus.PENDING, T0.plusSeconds(1800)),
        NORMAL, office, 80);
    assertEquals(30 * 60L, c.firstResponse().leftSeconds());
    Instant evening = Instant.parse("2026-12-01T20:00:00Z");
    c = SlaLifecycle.apply(c, new SlaTrigger.CustomerWrote(evening), NORMAL, office, 80);
    assertEquals(Instant.parse("2026-12-02T09:30:00Z"), c.firstResponse().dueAt());
  }

  @Test
  @DisplayName("the watcher tells a warning, then a breach, once each")
  void warnsThenBreachesOnce() {
    SlaClock c = SlaLifecycle.open(ALWAYS, POLICY, 40, T0);
    SlaLifecycle.Checked early = SlaLifecycle.check(c, T0.plus(Duration.ofMinutes(10)));
    assertTrue(early.alerts().isEmpty());
    SlaLifecycle.Checked warned = SlaLifecycle.check(c, T0.plus(Duration.ofMinutes(50)));
    assertEquals(List.of(new SlaLifecycle.Alert(Kind.FIRST_RESPONSE, false, c.firstResponse().dueAt())), warned.alerts());
    assertEquals(State.WARNING, warned.clock().state());
    assertTrue(SlaLifecycle.check(warned.clock(), T0.plus(Duration.ofMinutes(55))).alerts().isEmpty());
    SlaLifecycle.Checked breached = SlaLifecycle.check(warned.clock(), T0.plus(Duration.ofMinutes(61)));
    assertEquals(List.of(new SlaLifecycle.Alert(Kind.FIRST_RESPONSE, true, c.firstResponse().dueAt())),
        breached.alerts());
    assertEquals(State.BREACHED, breached.clock().state());
    assertTrue(SlaLifecycle.check(breached.clock(), T0.plus(Duration.ofMinutes(70))).alerts().isEmpty());
    assertEquals(c.resolution().warnAt(), SlaLifecycle.nextCheck(breached.clock()));
  }

  @Test
  @DisplayName("a late reply meets the first response but keeps its breach on record")
  void lateReply() {
    SlaClock c = SlaLifecycle.check(SlaLifecycle.open(ALWAYS, POLICY, 40, T0), T0.plus(Duration.ofMinutes(61))).clock();
    c = apply(c, new SlaTrigger.Responded(T0.plus(Duration.ofMinutes(70))));
    assertTrue(c.firstResponse().breached());
    assertNotNull(c.firstResponse().metAt());
    assertEquals(State.OK, c.state());
  }

  @Test
  @DisplayName("resolving meets the resolution target and stops response targets; reopening starts resolution again")
  void resolveAndReopen() {
    SlaClock c = SlaLifecycle.open(ALWAYS, POLICY, 40, T0);
    Instant resolvedAt = T0.plus(Duration.ofMinutes(20));
    c = apply(c, new SlaTrigger.StatusChanged(CaseStatus.OPEN, CaseStatus.RESOLVED, resolvedAt));
    assertEquals(State.MET, c.state());
    assertEquals(resolvedAt, c.resolution().metAt());
    assertNull(c.firstResponse().metAt());
    Instant reopened = resolvedAt.plus(Duration.ofHours(1));
    c = apply(c, new SlaTrigger.StatusChanged(CaseStatus.RESOLVED, CaseStatus.OPEN, reopened));
    assertEquals(reopened.plus(Duration.ofMinutes(480)), c.resolution().dueAt());
    assertEquals(State.OK, c.state());
  }

  @Test
  @DisplayName("repeating a trigger changes nothing")
  void idempotent() {
    SlaClock c = apply(SlaLifecycle.open(ALWAYS, POLICY, 40, T0), new SlaTrigger.Responded(T0.plusSeconds(60)));
    SlaClock wrote = apply(c, new SlaTrigger.CustomerWrote(T0.plusSeconds(120)));
    assertEquals(wrote, apply(wrote, new SlaTrigger.CustomerWrote(T0.plusSeconds(120))));
    SlaClock paused = apply(wrote, new SlaTrigger.StatusChanged(CaseStatus.OPEN, CaseStatus.PENDING, T0.plusSeconds(180)));
    assertEquals(paused, apply(paused, new SlaTrigger.StatusChanged(CaseStatus.OPEN, CaseStatus.PENDING,
        T0.plusSeconds(180))));
  }

  @Test
  @DisplayName("a policy names its wrong field: duplicate brands, bands without targets, non-positive targets")
  void validation() {
    DomainError.Invalid e = assertThrows(DomainError.Invalid.class, () -> new SlaPolicy(List.of(ALWAYS, ALWAYS), 80, 1));
    assertEquals("brands[1].brand", e.field());
    e = assertThrows(DomainError.Invalid.class, () -> new SlaPolicy(List.of(new BrandSla("b",
        BusinessHours.always(UTC), List.of(new SlaBand("x", 0, 0, null, null)))), 80, 1));
    assertEquals("brands[0].bands[0].firstResponseMinutes", e.field());
    e = assertThrows(DomainError.Invalid.class, () -> new SlaPolicy(List.of(), 100, 1));
    assertEquals("warnAtPercent", e.field());
  }
}

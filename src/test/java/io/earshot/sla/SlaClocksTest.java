package io.earshot.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.earshot.domain.CareCase;
import io.earshot.domain.CaseStatus;
import io.earshot.domain.Platform;
import io.earshot.domain.Priority;
import io.earshot.domain.SlaClock;
import io.earshot.domain.sla.BrandSla;
import io.earshot.domain.sla.BusinessHours;
import io.earshot.domain.sla.SlaBand;
import io.earshot.domain.sla.SlaPolicy;
import io.earshot.events.EventEnvelope;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SLA clocks from case events")
class SlaClocksTest {
  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  private static final SlaPolicy POLICY = new SlaPolicy(List.of(new BrandSla("default",
      BusinessHours.always(ZoneId.of("UTC")), List.of(new SlaBand("all", 0, 60, 30, 480)))), 80, 1);

  private static CareCase careCase(CaseStatus status, SlaClock sla) {
    return new CareCase("c1", Platform.SANDBOX, "acct", "default", "sandbox:ann", "ann", status, Priority.of(40), null,
        null, List.of(), "s", "s", 1, T0, T0, T0, null, null, 3, null, sla, null, null);
  }

  private static EventEnvelope event(String type, Instant at, JsonObject data) {
    return new EventEnvelope("e", type, at, "x", "case:c1", "", data);
  }

  @Test
  @DisplayName("case.opened starts the clock at the case's creation; a brand outside the policy has none")
  void opened() {
    SlaClock c = SlaClocks.decide(careCase(CaseStatus.NEW, null),
        List.of(event("case.opened", T0.plusSeconds(2), new JsonObject())), POLICY);
    assertEquals(T0.plus(Duration.ofMinutes(60)), c.firstResponse().dueAt());
    CareCase other = new CareCase("c2", Platform.SANDBOX, "acct", "tally", "sandbox:ann", "ann", CaseStatus.NEW,
        Priority.of(40), null, null, List.of(), "s", "s", 1, T0, T0, T0, null, null, 1, null, null, null, null);
    assertNull(SlaClocks.decide(other, List.of(event("case.opened", T0, new JsonObject())), POLICY));
  }

  @Test
  @DisplayName("a reply and the pending it causes, told in one change, meet the first response and pause")
  void respondedThenPending() {
    SlaClock open = SlaClocks.decide(careCase(CaseStatus.NEW, null), List.of(event("case.opened", T0, new JsonObject())), POLICY);
    Instant at = T0.plus(Duration.ofMinutes(5));
    SlaClock c = SlaClocks.decide(careCase(CaseStatus.PENDING, open), List.of(
        event("case.responded", at, new JsonObject().put("first", true)),
        event("case.status_changed", at, new JsonObject().put("from", "new").put("to", "pending"))), POLICY);
    assertEquals(at, c.firstResponse().metAt());
    assertEquals(SlaClock.State.PAUSED, c.state());
  }

  @Test
  @DisplayName("a customer reopening a resolved case starts its resolution target again")
  void reopenedFromResolved() {
    SlaClock open = SlaClocks.decide(careCase(CaseStatus.NEW, null), List.of(event("case.opened", T0, new JsonObject())), POLICY);
    Instant resolved = T0.plus(Duration.ofMinutes(10));
    SlaClock done = SlaClocks.decide(careCase(CaseStatus.RESOLVED, open), List.of(event("case.status_changed", resolved,
        new JsonObject().put("from", "new").put("to", "resolved"))), POLICY);
    assertEquals(SlaClock.State.MET, done.state());
    Instant back = resolved.plus(Duration.ofHours(2));
    SlaClock again = SlaClocks.decide(careCase(CaseStatus.OPEN, done), List.of(event("case.reopened", back,
        new JsonObject().put("from", "resolved"))), POLICY);
    assertEquals(back.plus(Duration.ofMinutes(480)), again.resolution().dueAt());
    assertNotNull(again.dueAt());
  }
}

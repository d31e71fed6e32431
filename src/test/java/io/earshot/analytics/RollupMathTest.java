package io.earshot.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.analytics.Facts.CaseFact;
import io.earshot.analytics.Facts.MentionFact;
import io.earshot.analytics.Facts.ReplyFact;
import io.earshot.domain.sla.BrandSla;
import io.earshot.domain.sla.BusinessCalendars;
import io.earshot.domain.sla.BusinessHours;
import io.earshot.domain.sla.OpeningSpan;
import io.earshot.domain.sla.SlaBand;
import io.earshot.domain.sla.SlaPolicy;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The pure parts of the rollups: histogram percentiles, question signatures and grouping, what a fact adds. */
@DisplayName("Rollup arithmetic")
class RollupMathTest {
  @Test
  @DisplayName("a case opened at most 7 days after the customer's previous one with the brand is a repeat contact")
  void repeatWindow() {
    Instant at = Instant.parse("2026-11-20T12:00:00Z");
    assertEquals(false, RollupBatch.repeats(opened(at, null)), "a first contact");
    assertTrue(RollupBatch.repeats(opened(at, at.minus(RollupBatch.REPEAT_WINDOW))), "exactly 7 days");
    assertEquals(false, RollupBatch.repeats(opened(at, at.minus(RollupBatch.REPEAT_WINDOW).minusSeconds(1))));
    assertEquals(false, RollupBatch.repeats(opened(at, at.plusSeconds(1))), "a 'previous' case opened later");
    RollupBatch batch = new RollupBatch();
    batch.opened(opened(at, at.minusSeconds(3_600)), "o1");
    batch.opened(opened(at, null), "o2");
    RollupDelta day = byId(batch).get("2026-11-20|acme|x");
    assertEquals(2L, day.increments().get("opened"));
    assertEquals(1L, day.increments().get("repeats"));
  }

  private static CaseFact opened(Instant at, Instant previous) {
    return new CaseFact("c-" + previous, "x", "acme", "x:u1", null, at, null, at, null, null, null, false, previous);
  }

  @Test
  @DisplayName("a percentile read from the histogram is within 10% of the exact value, and merges across days")
  void histogramPercentiles() {
    Map<Integer, Long> day1 = new HashMap<>();
    Map<Integer, Long> day2 = new HashMap<>();
    double[] values = {30, 45, 60, 90, 120, 600, 3600, 7200, 86_400, 172_800};
    for (int i = 0; i < values.length; i++) {
      (i % 2 == 0 ? day1 : day2).merge(Histogram.bucket(values[i]), 1L, Long::sum);
    }
    Map<Integer, Long> merged = new HashMap<>(day1);
    day2.forEach((b, n) -> merged.merge(b, n, Long::sum));
    assertTrue(Math.abs(Histogram.percentile(merged, 50) - 120) <= 12, "the median of ten (nearest rank) is the fifth, 120 s");
    assertTrue(Math.abs(Histogram.percentile(merged, 90) - 86_400) <= 8640);
    assertNull(Histogram.percentile(Map.of(), 50));
    assertEquals(0, Histogram.bucket(-5));
    assertEquals(Histogram.BUCKETS - 1, Histogram.bucket(1e12));
  }

  @Test
  @DisplayName("the same question in other words is one signature; a statement has none; similar signatures group")
  void questions() {
    String a = Questions.signature("@Acme how do I change the plan on my account?");
    assertEquals(a, Questions.signature("how can I change my plan on the account??"));
    assertEquals(a, Questions.signature("@VoltMobile How do I change the PLAN on my account #help 123?"));
    assertNull(Questions.signature("my plan is great"));
    assertNull(Questions.signature("why?"));
    List<Questions.Group> groups = Questions.group(Map.of(a, 5L, "account_change_plan_today", 2L, "outage_fixed", 3L),
        Map.of(a, "how do I change the plan?"), 10);
    assertEquals(2, groups.size(), groups.toString());
    assertEquals(7, groups.get(0).count());
    assertEquals(List.of("how do I change the plan?"), groups.get(0).examples());
  }

  @Test
  @DisplayName("a mention and a resolution add to their days' documents; field names from free text are made safe")
  void batch() {
    RollupBatch batch = new RollupBatch();
    Instant at = Instant.parse("2026-11-30T09:15:00Z");
    batch.mention(new MentionFact("x", "acme", at, "negative", -0.5, List.of("bill.ing"), "why was I charged twice?"), "e1");
    Instant resolved = Instant.parse("2026-12-01T10:00:00Z");
    batch.resolved(new CaseFact("c1", "x", "acme", "x:u1", "ann.b", at, at.plusSeconds(60), at, resolved, "met",
        "p1", false, null), "e2");
    Map<String, RollupDelta> byId = new HashMap<>();
    batch.deltas().forEach(d -> byId.put(d.id(), d));
    RollupDelta day = byId.get("2026-11-30|acme|x");
    assertEquals(1L, day.increments().get("mentions"));
    assertEquals(1L, day.increments().get("mh.09"));
    assertEquals(1L, day.increments().get("r.bill%2Eing"));
    assertEquals(-500_000L, day.increments().get("s.negative.micro"), "a score in millionths, a whole number that adds up alike in any order");
    RollupDelta next = byId.get("2026-12-01|acme|x");
    assertEquals(1L, next.increments().get("slaMet"));
    assertEquals(1L, next.increments().get("avoidable"));
    assertEquals(1L, next.increments().get("exits"), "the customer wrote nothing after the first answer");
    assertEquals(1L, next.increments().get("a.ann%2Eb.resolved"));
    assertEquals("bill.ing", Keys.unsafe("bill%2Eing"));
    assertEquals(List.of("e2"), List.copyOf(next.eventIds()));
  }

  @Test
  @DisplayName("a private message counts as a mention with its sentiment, but never as a question or its example")
  void privateMessageIsCountedNotSampled() {
    io.vertx.core.json.JsonObject payload = new io.vertx.core.json.JsonObject().put("platform", "mastodon")
        .put("brand", "acme").put("createdAt", "2026-11-30T10:00:00Z").put("visibility", "private")
        .put("text", "why was my card 4242 charged twice?")
        .put("triage", new io.vertx.core.json.JsonObject().put("label", "negative").put("sentiment", -0.8));
    RollupBatch batch = new RollupBatch();
    batch.mention(EventFacts.mention(payload), "e1");
    RollupDelta d = batch.deltas().iterator().next();
    assertEquals(1L, d.increments().get("mentions").longValue());
    assertEquals(1L, d.increments().get("s.negative.n").longValue());
    assertTrue(d.increments().keySet().stream().noneMatch(k -> k.startsWith("q.")), d.increments().toString());
    assertTrue(d.least().isEmpty(), "no example kept: " + d.least());

    RollupBatch open = new RollupBatch();
    open.mention(EventFacts.mention(payload.copy().put("visibility", "public")), "e2");
    assertTrue(open.deltas().iterator().next().least().values().stream().anyMatch(v -> v.contains("charged twice")),
        "the same words in public are sampled");
  }

  @Test
  @DisplayName("a first response and a resolution across a weekend count in wall-clock time and in the brand's business hours")
  void businessHours() {
    Map<DayOfWeek, List<OpeningSpan>> week = new java.util.EnumMap<>(DayOfWeek.class);
    for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
        DayOfWeek.FRIDAY)) {
      week.put(d, List.of(OpeningSpan.parse("09:00-17:00")));
    }
    SlaPolicy policy = new SlaPolicy(List.of(new BrandSla("acme", new BusinessHours(ZoneOffset.UTC, week, java.util.Set.of()),
        List.of(new SlaBand("normal", 0, 60, null, null)))), 80, 1);
    RollupBatch batch = new RollupBatch(BusinessCalendars.of(policy));
    Instant friday = Instant.parse("2026-11-27T16:00:00Z");
    Instant monday = Instant.parse("2026-11-30T10:00:00Z");
    batch.firstResponse(new CaseFact("c1", "x", "acme", "x:u1", null, friday, monday, friday, null, null, null, false, null), "e1");
    batch.resolved(new CaseFact("c1", "x", "acme", "x:u1", null, friday, monday, friday, monday.plusSeconds(3600),
        null, null, false, null), "e2");
    batch.firstResponse(new CaseFact("c2", "x", "globex", "x:u2", null, friday, monday, friday, null, null, null, false, null), "e3");
    RollupDelta acme = byId(batch).get("2026-11-30|acme|x");
    assertEquals(1L, acme.increments().get("fr.b." + Histogram.bucket(66 * 3600)));
    assertEquals(1L, acme.increments().get("frb.b." + Histogram.bucket(2 * 3600)), "an hour on Friday, an hour on Monday");
    assertEquals(1L, acme.increments().get("rs.b." + Histogram.bucket(67 * 3600)));
    assertEquals(1L, acme.increments().get("rsb.b." + Histogram.bucket(3 * 3600)));
    RollupDelta globex = byId(batch).get("2026-11-30|globex|x");
    assertEquals(1L, globex.increments().get("frb.b." + Histogram.bucket(66 * 3600)), "a brand without an SLA is always open");
  }

  @Test
  @DisplayName("quotes and impressions add up over the posts whose platform gives them, and are null when none does")
  void engagementQuotesAndImpressions() {
    Instant sent = Instant.parse("2026-11-30T10:00:00Z");
    RollupBatch batch = new RollupBatch();
    batch.engagement(reply("r1", "mastodon", 3L, null, sent), "acme");
    batch.engagement(reply("r2", "x", 2L, 500L, sent), "acme");
    batch.engagement(reply("r3", "bluesky", null, null, sent), "acme");
    Tally tally = tallyOf(batch, "2026-11-30");
    Overview o = OverviewBuilder.build(filter(), tally, new Tally());
    assertEquals(new Overview.Engagement(3, 3, 3, 3, 5L, 500L), o.engagement());

    RollupBatch none = new RollupBatch();
    none.engagement(reply("r4", "bluesky", null, null, sent), "acme");
    Overview without = OverviewBuilder.build(filter(), tallyOf(none, "2026-11-30"), new Tally());
    assertNull(without.engagement().quotes());
    assertNull(without.engagement().impressions());
    assertEquals(1, without.engagement().likes());
  }

  @Test
  @DisplayName("a broadcast post's engagement is set for its broadcast's brand under the platform code of broadcasts, apart from the replies' engagement")
  void broadcastPostEngagement() {
    Instant sent = Instant.parse("2026-11-30T10:00:00Z");
    RollupBatch batch = new RollupBatch();
    batch.engagement(reply("r1", "mastodon", 3L, null, sent), "acme");
    ReplyFact post = new ReplyFact("p1", null, "mastodon", "ann", sent, null, null, null, false, 7, 2, 4, 1L, null, sent);
    batch.broadcastEngagement(post, "acme");
    batch.broadcastEngagement(post, "acme");
    Map<String, RollupDelta> byId = byId(batch);
    for (String id : List.of("2026-11-30|acme|broadcast", "2026-W49|acme|*", "2026-11|*|*")) {
      assertEquals(Map.of("likes", 7L, "reposts", 2L, "replies", 4L, "quotes", 1L), byId.get(id).sets().get("be.p1"), id);
    }
    assertTrue(byId.get("2026-11-30|acme|mastodon").sets().keySet().stream().noneMatch(k -> k.startsWith("be.")),
        "not in a real platform's documents");
    Overview o = OverviewBuilder.build(filter(), tallyOf(batch, "2026-11-30"), new Tally());
    assertEquals(new Overview.Engagement(1, 7, 2, 4, 1L, null), o.broadcasts().engagement(), "set, not added");
    assertEquals(new Overview.Engagement(1, 1, 1, 1, 3L, null), o.engagement(), "the reply's alone");
  }

  @Test
  @DisplayName("a broadcast finished as sent counts once for its brand on the day it finished, each notice on the day it was sent, under the platform code of broadcasts")
  void broadcastSent() {
    io.vertx.core.json.JsonObject payload = new io.vertx.core.json.JsonObject().put("id", "b1").put("brand", "acme")
        .put("state", "sent").put("accounts", new io.vertx.core.json.JsonArray().add("x-acme").add("mastodon-acme"))
        .put("noticesTotal", 5).put("updatedAt", "2026-11-30T23:59:00Z");
    RollupBatch batch = new RollupBatch();
    batch.broadcast(EventFacts.broadcast(payload), "e1");
    batch.broadcast(EventFacts.broadcast(payload.copy().put("id", "b2").put("updatedAt", "2026-12-01T00:01:00Z")), "e2");
    for (int i = 0; i < 3; i++) {
      batch.noticeSent(reply("n" + i, "x", null, null, Instant.parse("2026-11-30T12:00:00Z")), "acme", "s" + i);
    }
    Map<String, RollupDelta> byId = byId(batch);
    for (String id : List.of("2026-11-30|acme|broadcast", "2026-11-30|acme|*", "2026-11-30|*|*")) {
      assertEquals(1L, byId.get(id).increments().get("broadcasts"), id);
      assertEquals(3L, byId.get(id).increments().get("noticesSent"), "each notice sent, on its day: " + id);
    }
    assertNull(byId.get("2026-12-01|acme|broadcast").increments().get("noticesSent"), "none sent that day");
    assertEquals(2L, byId.get("2026-W49|acme|*").increments().get("broadcasts"), "the week holds both days");
    assertEquals(1L, byId.get("2026-12|acme|*").increments().get("broadcasts"), "each month its own");
    assertTrue(byId.keySet().stream().noneMatch(id -> id.endsWith("|x") || id.contains("mastodon")), byId.keySet().toString());
    assertEquals(List.of("e1", "s0", "s1", "s2"), List.copyOf(byId.get("2026-11-30|acme|*").eventIds()));

    Tally tally = new Tally();
    RollupDelta day = byId.get("2026-11-30|acme|broadcast");
    Map<String, Object> flat = new HashMap<>(Map.of("day", day.day(), "brand", "acme", "platform", day.platform()));
    flat.putAll(day.increments());
    tally.add(flat);
    Overview.Broadcasts counted = OverviewBuilder.build(filter(), tally, new Tally()).broadcasts();
    assertEquals(1, counted.sent());
    assertEquals(3, counted.notices());
    assertTrue(OverviewBuilder.build(filter(), tally, new Tally()).platforms().isEmpty(), "no platform is listed for it");
  }

  private static ReplyFact reply(String id, String platform, Long quotes, Long impressions, Instant sent) {
    return new ReplyFact(id, "c-" + id, platform, "ann", sent, null, null, null, false, 1, 1, 1, quotes, impressions, sent);
  }

  private static AnalyticsService.Filter filter() {
    return new AnalyticsService.Filter(LocalDate.parse("2026-11-30"), LocalDate.parse("2026-11-30"), null, null);
  }

  /** The day documents of the batch, flattened as the store reads them, summed. */
  private static Tally tallyOf(RollupBatch batch, String day) {
    Tally tally = new Tally();
    // The finest documents only: the sums over platforms and brands hold the same facts again.
    batch.deltas().stream().filter(d -> d.kind().equals("day") && d.day().equals(day)
        && !d.brand().equals(Keys.ALL) && !d.platform().equals(Keys.ALL)).forEach(d -> {
      Map<String, Object> flat = new HashMap<>(Map.of("day", d.day(), "brand", d.brand(), "platform", d.platform()));
      d.sets().forEach((field, v) -> ((Map<?, ?>) v).forEach((k, n) -> flat.put(field + "." + k, n)));
      tally.add(flat);
    });
    return tally;
  }

  private static Map<String, RollupDelta> byId(RollupBatch batch) {
    Map<String, RollupDelta> byId = new HashMap<>();
    batch.deltas().forEach(d -> byId.put(d.id(), d));
    return byId;
  }
}

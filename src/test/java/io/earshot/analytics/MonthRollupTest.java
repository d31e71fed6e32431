package io.earshot.analytics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.analytics.Facts.CaseFact;
import io.earshot.analytics.Facts.MentionFact;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Month and week rollups: whole months and weeks answer like their days, and a range is covered once")
class MonthRollupTest {
  private static final List<String> BRANDS = List.of("acme");
  private static final List<String> PLATFORMS = List.of("x", "mastodon");

  @Test
  @DisplayName("a range is split into the whole months, then whole weeks, inside it and the days at its edges, each day once")
  void plan() {
    assertEquals(List.of("2026-09-29", "2026-09-30", "2026-10", "2026-11", "2026-12-01"),
        RangePlan.periods(LocalDate.parse("2026-09-29"), LocalDate.parse("2026-12-01"), true));
    assertEquals(List.of("2026-11-05", "2026-11-06", "2026-11-07", "2026-11-08", "2026-W46", "2026-W47", "2026-W48",
        "2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04"),
        RangePlan.periods(LocalDate.parse("2026-11-05"), LocalDate.parse("2026-12-04"), true), "30 days: whole weeks and edge days");
    assertEquals(List.of("2026-W48", "2026-11-30", "2026-12"),
        RangePlan.periods(LocalDate.parse("2026-11-23"), LocalDate.parse("2026-12-31"), true),
        "a week holding the first of a whole month leaves its days to the month");
    assertEquals(List.of("2026-02"), RangePlan.periods(LocalDate.parse("2026-02-01"), LocalDate.parse("2026-02-28"), true));
    assertEquals(30, RangePlan.periods(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30"), false).size());
    assertEquals(List.of("2026-W45", "2026-W46", "2026-W47", "2026-W48", "2026-11-30"),
        RangePlan.periods(LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-30"), true),
        "a month cut at its start is read by its weeks and days");
    assertEquals(List.of("2026-11-01|acme|x", "2026-11-01|acme|mastodon"),
        RangePlan.ids(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-01"), BRANDS, PLATFORMS, true));
  }

  @Test
  @DisplayName("the tally of months, weeks and edge days equals the tally of the same days one by one")
  void monthsEqualDays() {
    RollupBatch batch = new RollupBatch();
    Instant[] times = {Instant.parse("2026-09-30T23:59:59Z"), Instant.parse("2026-10-01T00:00:00Z"),
        Instant.parse("2026-10-15T13:20:00Z"), Instant.parse("2026-10-31T23:00:00Z"), Instant.parse("2026-11-01T07:00:00Z"),
        Instant.parse("2026-11-30T18:45:00Z"), Instant.parse("2026-12-01T00:30:00Z")};
    String[] labels = {"negative", "positive", "neutral"};
    for (int i = 0; i < times.length; i++) {
      String platform = PLATFORMS.get(i % 2);
      batch.mention(new MentionFact(platform, "acme", times[i], labels[i % 3], i % 3 == 0 ? -0.4 : 0.3,
          List.of(i % 2 == 0 ? "billing" : "outage"), "how do I change my plan " + i + "?"), "m" + i);
      batch.opened(new CaseFact("c" + i, platform, "acme", "x:u" + i, null, times[i], null, null, null, null, null, false,
          i == 4 ? times[i].minusSeconds(3_600) : null), "o" + i);
    }
    batch.resolved(new CaseFact("c2", "x", "acme", "x:u2", "ann", times[2], times[2].plusSeconds(90), times[2],
        times[5], "met", null, false, null), "r2");
    Map<String, Map<String, Object>> docs = RollupDocuments.of(batch);
    LocalDate from = LocalDate.parse("2026-09-30");
    LocalDate to = LocalDate.parse("2026-12-01");
    Tally months = RollupDocuments.tally(docs, RangePlan.ids(from, to, BRANDS, PLATFORMS, true));
    Tally days = RollupDocuments.tally(docs, RangePlan.ids(from, to, BRANDS, PLATFORMS, false));
    assertEquals(times.length, months.count("mentions"));
    assertEquals(days.counts, months.counts);
    assertEquals(days.sums.keySet(), months.sums.keySet());
    days.sums.forEach((k, v) -> assertEquals(v, months.sums.get(k), 1e-9, k));
    assertEquals(days.byDay, months.byDay);
    assertArrayEquals(days.hourOfWeek, months.hourOfWeek);
    assertEquals(days.examples, months.examples);
    assertTrue(docs.containsKey("2026-10|acme|x") && docs.containsKey("2026-10-01|acme|mastodon")
        && docs.containsKey("2026-W40|acme|mastodon"), docs.keySet().toString());
    LocalDate weeksFrom = LocalDate.parse("2026-10-05");
    LocalDate weeksTo = LocalDate.parse("2026-10-28");
    Tally weeks = RollupDocuments.tally(docs, RangePlan.ids(weeksFrom, weeksTo, BRANDS, PLATFORMS, true));
    Tally weekDays = RollupDocuments.tally(docs, RangePlan.ids(weeksFrom, weeksTo, BRANDS, PLATFORMS, false));
    assertEquals(1, weeks.count("mentions"), "the one mention of 2026-10-15, read from its week");
    assertEquals(weekDays.counts, weeks.counts);
    assertEquals(weekDays.byDay, weeks.byDay);
    assertArrayEquals(weekDays.hourOfWeek, weeks.hourOfWeek);
  }
}

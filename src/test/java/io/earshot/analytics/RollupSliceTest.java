package io.earshot.analytics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.analytics.Facts.CaseFact;
import io.earshot.analytics.Facts.MentionFact;
import io.earshot.analytics.Facts.ReplyFact;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Rollups summed over platforms and brands: one document per period answers exactly as every brand × platform's")
class RollupSliceTest {
  private static final List<String> BRANDS = List.of("acme", "globex");
  private static final List<String> PLATFORMS = List.of("x", "mastodon", "bluesky");
  private static final List<String> ALL = List.of(Keys.ALL);
  private static final LocalDate FROM = LocalDate.parse("2026-09-28");
  private static final LocalDate TO = LocalDate.parse("2026-12-03");

  @Test
  @DisplayName("all brands, one brand, and a brand × platform read one document per period and tally like the finest days")
  void slicesEqualTheirParts() {
    Map<String, Map<String, Object>> docs = RollupDocuments.of(mix());
    assertTrue(docs.containsKey("2026-10|*|*") && docs.containsKey("2026-W44|acme|*")
        && docs.containsKey("2026-11-30|globex|*"), docs.keySet().toString());
    same(tally(docs, BRANDS, PLATFORMS, false), tally(docs, ALL, ALL, true));
    same(tally(docs, List.of("acme"), PLATFORMS, false), tally(docs, List.of("acme"), ALL, true));
    same(tally(docs, List.of("globex"), List.of("x"), false), tally(docs, List.of("globex"), List.of("x"), true));
    same(tally(docs, BRANDS, List.of("mastodon"), false), tally(docs, BRANDS, List.of("mastodon"), true));
    Tally all = tally(docs, ALL, ALL, true);
    assertEquals(40, all.count("mentions"));
    assertEquals(all.count("mentions"), PLATFORMS.stream().mapToLong(p -> all.count("p." + p + ".mentions")).sum());
    assertEquals(0, all.count("p.*.mentions"), "no platform named *");
  }

  /** 40 mentions over two brands, three platforms and three months; cases opened and resolved; a reply with engagement. */
  private static RollupBatch mix() {
    RollupBatch batch = new RollupBatch();
    String[] labels = {"negative", "positive", "neutral"};
    for (int i = 0; i < 40; i++) {
      Instant at = Instant.parse("2026-09-28T00:00:00Z").plusSeconds(i * 147_611L);
      String brand = BRANDS.get(i % 2);
      String platform = PLATFORMS.get(i % 3);
      batch.mention(new MentionFact(platform, brand, at, labels[i % 3], i % 3 == 0 ? -0.4 : 0.25 * (i % 4),
          List.of(i % 2 == 0 ? "billing" : "outage"), "how do I change my plan " + (i % 5) + "?"), "m" + i);
      CaseFact c = new CaseFact("c" + i, platform, brand, "x:u" + i, "agent" + (i % 3), at, at.plusSeconds(60L * i),
          at, i % 4 == 0 ? at.plusSeconds(3_600L * i) : null, i % 8 == 0 ? "met" : null, null, false,
          i % 7 == 0 ? at.minusSeconds(86_400L * (i % 9)) : null);
      batch.opened(c, "o" + i);
      batch.firstResponse(c, "f" + i);
      if (c.resolvedAt() != null) {
        batch.resolved(c, "r" + i);
      }
    }
    ReplyFact reply = new ReplyFact("rp1", "c1", "mastodon", "ann", Instant.parse("2026-10-20T10:00:00Z"), null, null,
        null, false, 4, 2, 1, 3L, null, Instant.parse("2026-10-21T10:00:00Z"));
    batch.sent(reply, "globex", "s1");
    batch.engagement(reply, "globex");
    return batch;
  }

  private static void same(Tally finest, Tally sliced) {
    assertTrue(finest.count("mentions") > 0);
    assertEquals(finest.counts, sliced.counts);
    assertEquals(finest.sums.keySet(), sliced.sums.keySet());
    finest.sums.forEach((k, v) -> assertEquals(v, sliced.sums.get(k), 1e-9, k));
    assertEquals(finest.byDay, sliced.byDay);
    assertArrayEquals(finest.hourOfWeek, sliced.hourOfWeek);
    assertEquals(finest.examples, sliced.examples);
  }

  private static Tally tally(Map<String, Map<String, Object>> docs, List<String> brands, List<String> platforms,
      boolean coarse) {
    return RollupDocuments.tally(docs, RangePlan.ids(FROM, TO, brands, platforms, coarse));
  }
}

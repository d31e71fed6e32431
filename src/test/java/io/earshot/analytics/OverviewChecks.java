package io.earshot.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link AnalyticsApiIT}'s overview must say about what its scenario did: the cases, their
 * times in wall-clock and business hours, the series and the questions, each counted again here
 * from the records the API shows (the scenario's stored mentions, answered and resolved cases).
 */
record OverviewChecks(List<JsonObject> stored, List<JsonObject> replied, List<JsonObject> resolved,
                      BusinessDesk desk, LocalDate from, LocalDate to) {
  /**
   * First responses and resolutions in business hours, against the test's own sum of overlaps
   * with the desk's openings (wall-clock time for the brands without hours); the desk's cases
   * waited across its closing, so their business time is shorter than their wall-clock time.
   */
  void businessHours(JsonObject o) {
    List<Double> answered = replied.stream().map(c -> desk.seconds(c.getString("brand"), c.getString("createdAt"),
        c.getString("firstResponseAt"))).toList();
    List<Double> done = resolved.stream().map(c -> desk.seconds(c.getString("brand"), c.getString("createdAt"),
        c.getString("updatedAt"))).toList();
    checkDurations(o.getJsonObject("firstResponse"), answered, "businessMedianSeconds", "businessP90Seconds");
    checkDurations(o.getJsonObject("resolution"), done, "businessMedianSeconds", "businessP90Seconds");
    for (JsonObject c : replied) {
      assertEquals(desk.brand, c.getString("brand"), "the answered cases are the desk's");
      assertTrue(c.getValue("sla") == null, "a policy set after opening starts no clock: " + c.encode());
      double wall = ExpectedFigures.seconds(c.getString("createdAt"), c.getString("firstResponseAt"));
      double business = desk.seconds(c.getString("brand"), c.getString("createdAt"), c.getString("firstResponseAt"));
      assertTrue(business <= wall * 0.75, "answered across the closing: " + business + " of " + wall + " s");
    }
  }

  void series(JsonObject o, ExpectedFigures expected) {
    JsonArray series = o.getJsonArray("series");
    assertEquals(14, series.size(), "one entry a day, empty days too");
    series.forEach(d -> {
      JsonObject day = (JsonObject) d;
      assertEquals(expected.perDay.getOrDefault(day.getString("day"), 0L), day.getLong("mentions"), day.encode());
      assertEquals(day.getLong("mentions"), day.getLong("positive") + day.getLong("neutral") + day.getLong("negative"));
    });
  }

  /** Cases, repeats, exits, replies, approvals and agents, counted from the cases as the API shows them. */
  void cases(JsonObject o, List<JsonObject> cases) {
    assertEquals(cases.size(), o.getLong("cases"), "every case was opened today, inside the range");
    Map<String, Long> perCustomer = new HashMap<>();
    cases.forEach(c -> perCustomer.merge(c.getString("brand") + "|" + c.getJsonObject("customer").getString("id"), 1L, Long::sum));
    long repeats = perCustomer.values().stream().mapToLong(n -> n - 1).sum();
    assertEquals(1, repeats, "the customer who came back after days opened a second case: " + perCustomer);
    assertEquals(repeats, o.getJsonObject("repeatContacts").getLong("count"));
    long exits = resolved.stream().filter(c -> c.getString("firstResponseAt") != null
        && c.getString("lastMentionAt").compareTo(c.getString("firstResponseAt")) <= 0).count();
    assertEquals(2, exits);
    assertEquals(exits, o.getJsonObject("exits").getLong("count"));
    assertEquals(resolved.size(), o.getLong("casesResolved"));
    assertEquals(1, o.getJsonObject("approvals").getJsonObject("wait").getLong("count"));
    JsonObject ann = agent(o, "ann");
    assertEquals(4, ann.getLong("repliesSent"));
    assertEquals(3, ann.getLong("casesResolved"));
    assertEquals(1, agent(o, "mia").getLong("approvalsDecided"));
  }

  private static JsonObject agent(JsonObject o, String username) {
    return o.getJsonArray("agents").stream().map(JsonObject.class::cast)
        .filter(a -> username.equals(a.getString("username"))).findFirst().orElseThrow(() -> new AssertionError(o.encode()));
  }

  /**
   * Histogram percentiles stand for their bucket: within 10% of the exact nearest-rank value, then
   * rounded to whole seconds (so half a second more: 13.4 s reads as bucket 12.3 s, answered 12).
   */
  void wallClockTimes(JsonObject o) {
    checkDurations(o.getJsonObject("firstResponse"), replied.stream().map(c -> ExpectedFigures.seconds(
        c.getString("createdAt"), c.getString("firstResponseAt"))).toList(), "medianSeconds", "p90Seconds");
    checkDurations(o.getJsonObject("resolution"), resolved.stream().map(c -> ExpectedFigures.seconds(
        c.getString("createdAt"), c.getString("updatedAt"))).toList(), "medianSeconds", "p90Seconds");
  }

  private static void checkDurations(JsonObject figures, List<Double> seconds, String median, String p90) {
    assertEquals(seconds.size(), figures.getLong("count"));
    for (String[] p : new String[][] {{median, "50"}, {p90, "90"}}) {
      double exact = ExpectedFigures.percentile(seconds, Double.parseDouble(p[1]));
      double answered = figures.getLong(p[0]);
      assertTrue(Math.abs(answered - exact) <= Math.max(1, exact * 0.1 + 0.5), p[0] + ": " + answered + " vs " + exact);
    }
  }

  void questions(JsonObject o) {
    long asked = stored.stream().filter(m -> inRange(m) && m.getString("text").contains("change")
        && m.getString("text").contains("plan") && m.getString("text").contains("?")).count();
    JsonObject top = o.getJsonArray("questions").getJsonObject(0);
    assertTrue(top.getString("words").contains("change") && top.getString("words").contains("plan"), top.encode());
    assertEquals(asked, top.getLong("count"), "the same question in other words is one question: " + top.encode());
    assertFalse(top.getJsonArray("examples").isEmpty());
  }

  private boolean inRange(JsonObject m) {
    String day = m.getString("createdAt").substring(0, 10);
    return day.compareTo(from.toString()) >= 0 && day.compareTo(to.toString()) <= 0;
  }
}

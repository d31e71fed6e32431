package io.earshot.analytics;

import static io.earshot.testing.ApiClient.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.brand.BrandDirectory;
import io.earshot.brand.BrandFile;
import io.earshot.store.BrandStore;
import io.earshot.events.EventEnvelope;
import io.earshot.events.EventListener;
import io.earshot.testing.ApiClient;
import io.earshot.testing.SandboxClient;
import io.earshot.testing.Team;
import io.earshot.testing.TestHub;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The analytics overview through a real hub: a known mix of mentions ingested and answered
 * through the API, every figure checked against the test's own count from the records, a replay
 * of every event the listener was told, and a rebuild from the system of record. The brand of the
 * answered cases gets business hours (a {@link BusinessDesk}) that closed after its cases opened
 * and before they were answered, so their business-hours times differ from the wall-clock ones.
 */
@DisplayName("Analytics: the overview counts what happened, once, and a rebuild agrees")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnalyticsApiIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final int ANSWERED = 4;
  private static final List<List<EventEnvelope>> TOLD = new CopyOnWriteArrayList<>();
  private static SandboxClient sandbox;
  private static TestHub hub;
  private static Team team;
  private static ApiClient marketer;
  private static List<JsonObject> stored;
  private static final List<JsonObject> replied = new ArrayList<>();
  private static final List<JsonObject> resolved = new ArrayList<>();
  private static LocalDate from;
  private static LocalDate to;
  private static BusinessDesk desk;

  @BeforeAll
  static void start() throws Exception {
    sandbox = new SandboxClient();
    Path connectors = sandbox.connectorsDir();
    Files.writeString(connectors.resolve(BrandFile.NAME), AnalyticsMix.BRANDS_JSON);
    hub = TestHub.start(Map.of("EARSHOT_CONNECTORS_DIR", connectors.toString(),
        "EARSHOT_ENGAGEMENT_INTERVAL_SECONDS", "86400"));
    hub.hub().events().register(new Recorder());
    team = Team.of(hub);
    marketer = Team.person(hub, team.admin(), "mara", "marketer");
    JsonArray mix = AnalyticsMix.withMonthEdges("an");
    mix.add(0, ApiClient.mention("an-formula", "an-f", "=1+2 how do refunds work here?")
        .put("createdAt", Instant.now().minusSeconds(7200).toString()));
    // The returning customer's second post comes in a request of its own, as posts days apart do.
    JsonObject comeback = mix.remove(mix.size() - 1) instanceof JsonObject last ? last : null;
    ApiClient.Response ingest = hub.api().ingest(mix);
    assertEquals(mix.size(), ingest.json().getInteger("accepted"), ingest.body());
    assertEquals(1, hub.api().ingest(new JsonArray().add(comeback)).json().getInteger("accepted"));
    mix.add(comeback);
    // Replies go out through the sandbox, which answers only posts it has: these four come in by its connector.
    for (int i = 0; i < ANSWERED; i++) {
      sandbox.postMention("patron" + i, "@ForkfulEats my parcel " + i + " is late, where is it? #ticket" + i);
    }
    assertTrue(eventually(WAIT, () -> mentions().size() == mix.size() + ANSWERED), () -> "the sandbox posts were read: " + mentions().size() + " of " + (mix.size() + ANSWERED) + " " + mentions().stream().map(m -> m.getString("id")).toList());
    stored = mentions();
    to = AnalyticsMix.today();
    from = to.minusDays(13);
    closeTheDesk();
    answerAndResolve();
  }

  /**
   * Gives the answered cases' brand business hours that closed at the top of a minute after every
   * case opened (waiting for the minute to turn), so each of its cases is answered and resolved
   * across a closing. Set after the cases opened, the policy starts no SLA clock (clocks start at
   * opening), while the rollups time every answer and resolution in it.
   */
  private static void closeTheDesk() {
    String brand = stored.stream().filter(m -> m.getString("text").contains("#ticket")).map(m -> m.getString("brand"))
        .findFirst().orElseThrow();
    List<Instant> opened = allCases().stream().filter(c -> brand.equals(c.getString("brand")))
        .map(c -> Instant.parse(c.getString("createdAt"))).sorted().toList();
    Instant newest = opened.get(opened.size() - 1);
    Instant closing = newest.truncatedTo(java.time.temporal.ChronoUnit.MINUTES).plusSeconds(60);
    // After the closing, half as long again as the oldest case was open before it: every case's
    // business time is then at most two thirds of its wall-clock time, far apart in the histogram.
    Instant answerFrom = closing.plusMillis(Math.max(2000, Duration.between(opened.get(0), closing).toMillis() / 2));
    assertTrue(eventually(Duration.ofSeconds(120), () -> !Instant.now().isBefore(answerFrom)), "the desk closed a while ago");
    desk = BusinessDesk.closedAtTheMinute(brand, closing);
    ApiClient.Response r = team.admin().put("/api/v1/policies/sla", desk.policy());
    assertEquals(200, r.status(), r.body());
  }

  @AfterAll
  static void stop() {
    hub.close();
    sandbox.close();
  }

  /** Four sandbox cases answered (one held for approval), three cases resolved (two of them answered). */
  private static void answerAndResolve() {
    List<String> sandboxCases = stored.stream().filter(m -> m.getString("text").contains("#ticket"))
        .map(m -> m.getString("caseId")).sorted().toList();
    for (int i = 0; i < ANSWERED; i++) {
      String text = i == 3 ? "We will refund you today" : "Sorry about that, we are on it";
      JsonObject reply = team.agent().post("/api/v1/cases/" + sandboxCases.get(i) + "/replies",
          new JsonObject().put("text", text)).json();
      if (i == 3) {
        assertEquals("pending_approval", reply.getString("state"), reply.encode());
        assertEquals(200, team.manager().post("/api/v1/approvals/" + reply.getString("id"),
            new JsonObject().put("decision", "approve")).status());
      }
    }
    for (String id : sandboxCases) {
      assertTrue(eventually(WAIT, () -> caseOf(id).getString("firstResponseAt") != null), "answered " + id);
      replied.add(caseOf(id));
    }
    List<String> toResolve = new ArrayList<>(sandboxCases.subList(0, 2));
    toResolve.add(caseIdsOf("mastodon", 1).get(0));
    for (String id : toResolve) {
      assertEquals(200, team.agent().patch("/api/v1/cases/" + id, new JsonObject().put("assignee", "ann")).status());
      ApiClient.Response r = team.agent().patch("/api/v1/cases/" + id, new JsonObject().put("status", "resolved"));
      assertEquals(200, r.status(), r.body());
      resolved.add(caseOf(id));
    }
  }

  private static List<String> caseIdsOf(String platform, int n) {
    return allCases().stream().filter(c -> platform.equals(c.getString("platform")))
        .sorted((a, b) -> a.getString("id").compareTo(b.getString("id")))
        .limit(n).map(c -> c.getString("id")).toList();
  }

  private static List<JsonObject> allCases() {
    List<JsonObject> all = new ArrayList<>();
    for (String status : List.of("new", "open", "pending", "resolved")) {
      team.admin().get("/api/v1/cases?limit=500&status=" + status).json().getJsonArray("items")
          .forEach(c -> all.add((JsonObject) c));
    }
    return all;
  }

  private static List<JsonObject> mentions() {
    return team.admin().get("/api/v1/mentions?limit=500").json().getJsonArray("items").stream()
        .map(JsonObject.class::cast).toList();
  }

  private static JsonObject caseOf(String id) {
    return team.admin().get("/api/v1/cases/" + id).json().getJsonObject("case");
  }

  private static JsonObject overview(ApiClient who, String query) {
    ApiClient.Response r = who.get("/api/v1/analytics/overview?" + query);
    assertEquals(200, r.status(), r.body());
    return r.json();
  }

  private static String range() {
    return "from=" + from + "&to=" + to;
  }

  /** The overview once the listener has counted the last change the setup made. */
  private static JsonObject settled() {
    JsonObject[] last = new JsonObject[1];
    assertTrue(eventually(WAIT, () -> {
      last[0] = overview(team.manager(), range());
      return last[0].getLong("casesResolved") == 3 && last[0].getJsonObject("replies").getLong("sent") == 4
          && last[0].getJsonObject("approvals").getLong("approved") == 1;
    }), () -> "settled: " + last[0].encodePrettily());
    return last[0];
  }

  @Test
  @DisplayName("every figure of the overview matches the test's own count of what it sent and did")
  void everyFigure() {
    JsonObject o = settled();
    ExpectedFigures expected = new ExpectedFigures(stored, from, to, null, null);
    assertEquals(expected.mentions, o.getLong("mentions"));
    for (String label : List.of("positive", "neutral", "negative")) {
      assertEquals(expected.sentiment.getOrDefault(label, 0L), o.getJsonObject("sentiment").getLong(label), label);
    }
    Map<String, Long> previous = ExpectedFigures.reasonsBetween(stored, from.minusDays(14), from.minusDays(1));
    Map<String, Long> reasons = new HashMap<>();
    o.getJsonArray("reasons").forEach(r -> {
      JsonObject reason = (JsonObject) r;
      reasons.put(reason.getString("code"), reason.getLong("count"));
      assertEquals(previous.getOrDefault(reason.getString("code"), 0L), reason.getLong("previous"), reason.encode());
    });
    reasons.values().removeIf(n -> n == 0);
    assertEquals(expected.reasons, new java.util.TreeMap<>(reasons));
    assertFalse(previous.isEmpty(), "the mix has mentions in the period before");
    Map<String, Long> platforms = new java.util.TreeMap<>();
    o.getJsonArray("platforms").forEach(p -> platforms.put(((JsonObject) p).getString("platform"), ((JsonObject) p).getLong("count")));
    assertEquals(expected.platforms, platforms);
    assertEquals(ExpectedFigures.hoursJson(expected.hours), o.getJsonArray("byHourOfWeek"));
    OverviewChecks checks = new OverviewChecks(stored, replied, resolved, desk, from, to);
    checks.series(o, expected);
    checks.cases(o, allCases());
    checks.wallClockTimes(o);
    checks.businessHours(o);
    checks.questions(o);
    assertEquals(new JsonObject().put("met", 0L).put("breached", 0L), o.getJsonObject("sla"),
        "no case carries an SLA state until SLAs exist");
    assertEquals(0.0, o.getDouble("avoidableContactRate"), "no case is linked to a Problem");
    assertEquals(0L, o.getJsonObject("engagement").getLong("likes"), "no engagement was measured (interval of a day)");
    assertTrue(o.getJsonObject("engagement").containsKey("quotes") && o.getJsonObject("engagement").getValue("quotes") == null,
        "no post measured quotes: null, not 0");
    assertTrue(o.getJsonObject("engagement").getValue("impressions") == null, "no post measured impressions");
  }

  @Test
  @DisplayName("the brand and platform filters and a shorter range change the figures to the matching subset")
  void filtersAndRange() {
    settled();
    JsonObject filtered = overview(marketer, range() + "&brand=acme&platform=sandbox");
    ExpectedFigures acme = new ExpectedFigures(stored, from, to, "acme", "sandbox");
    assertEquals(acme.mentions, filtered.getLong("mentions"));
    assertEquals(ExpectedFigures.hoursJson(acme.hours), filtered.getJsonArray("byHourOfWeek"));
    // Each filter shape reads its own slice of the rollups (all brands, a brand, a platform alone).
    String[][] shapes = {{null, null}, {"globex", null}, {null, "mastodon"}};
    for (String[] shape : shapes) {
      String query = range() + (shape[0] == null ? "" : "&brand=" + shape[0]) + (shape[1] == null ? "" : "&platform=" + shape[1]);
      JsonObject o = overview(marketer, query);
      ExpectedFigures expected = new ExpectedFigures(stored, from, to, shape[0], shape[1]);
      assertTrue(expected.mentions > 0, query);
      assertEquals(expected.mentions, o.getLong("mentions"), query);
      assertEquals(ExpectedFigures.hoursJson(expected.hours), o.getJsonArray("byHourOfWeek"), query);
      o.getJsonArray("platforms").forEach(p -> assertEquals(expected.platforms.get(((JsonObject) p).getString("platform")),
          ((JsonObject) p).getLong("count"), query + " " + p));
      assertEquals(expected.platforms.size(), o.getJsonArray("platforms").size(), query);
    }
    LocalDate shortFrom = to.minusDays(4);
    JsonObject recent = overview(marketer, "from=" + shortFrom + "&to=" + to);
    ExpectedFigures last5 = new ExpectedFigures(stored, shortFrom, to, null, null);
    assertEquals(last5.mentions, recent.getLong("mentions"));
    assertTrue(recent.getLong("mentions") < overview(marketer, range()).getLong("mentions"));
    assertEquals(5, recent.getJsonArray("series").size());
  }

  @Test
  @Order(1)
  @DisplayName("telling the listener every event again changes no figure")
  void replayChangesNothing() {
    JsonObject before = settled();
    EventListener again = Analytics.listeners(hub.hub().mongo(), true).get(0);
    for (List<EventEnvelope> delivery : TOLD) {
      List<EventEnvelope> accepted = delivery.stream().filter(again::accepts).toList();
      if (!accepted.isEmpty()) {
        again.handle(accepted).await();
      }
    }
    assertTrue(TOLD.stream().mapToLong(List::size).sum() > stored.size(), "the replay told every mention and more");
    sameFigures(before, overview(team.manager(), range()));
  }

  /** Equal figures, told key by key when they differ. */
  private static void sameFigures(JsonObject expected, JsonObject actual) {
    for (String key : expected.fieldNames()) {
      assertEquals(expected.getValue(key), actual.getValue(key), key);
    }
    assertEquals(expected.fieldNames(), actual.fieldNames());
  }

  @Test
  @Order(2)
  @DisplayName("a range of whole months, weeks and edge days answers from their rollups exactly as from its days, and as counted")
  void monthsAgreeWithDays() {
    settled();
    LocalDate monthsFrom = AnalyticsMix.monthsFrom();
    JsonObject o = overview(marketer, "from=" + monthsFrom + "&to=" + to);
    ExpectedFigures expected = new ExpectedFigures(stored, monthsFrom, to, null, null);
    assertEquals(expected.mentions, o.getLong("mentions"));
    assertEquals(stored.size(), expected.mentions, "every mention of the mix is in the range");
    assertEquals(ExpectedFigures.hoursJson(expected.hours), o.getJsonArray("byHourOfWeek"));
    o.getJsonArray("series").forEach(d -> assertEquals(expected.perDay.getOrDefault(((JsonObject) d).getString("day"), 0L),
        ((JsonObject) d).getLong("mentions"), ((JsonObject) d).encode()));
    sameOverview(monthsAndDays(monthsFrom, null));
    sameOverview(monthsAndDays(monthsFrom, "acme"));
    sameOverview(monthsAndDays(from, null));
    sameOverview(monthsAndDays(monthsFrom, null, "sandbox"));
    sameOverview(monthsAndDays(monthsFrom, "acme", "sandbox"));
  }

  private static Overview[] monthsAndDays(LocalDate monthsFrom, String brand) {
    return monthsAndDays(monthsFrom, brand, null);
  }

  /**
   * The overview of a range from the coarsest rollups (months, weeks, sums over brands and
   * platforms), and from the day rollups of every brand × platform alone.
   */
  private static Overview[] monthsAndDays(LocalDate monthsFrom, String brand, String platform) {
    AnalyticsService service = Analytics.service(hub.hub().mongo(),
        new BrandDirectory(new BrandStore(hub.hub().mongo()), Clock.systemUTC()));
    AnalyticsService.Filter filter = new AnalyticsService.Filter(monthsFrom, to, brand, platform);
    return new Overview[] {service.overview(filter, true).await(), service.overview(filter, false).await()};
  }

  /**
   * Every component of the two overviews equal (the hour-of-week grid by content; average
   * sentiments to 1e-9, since sums of doubles differ in their last digit with the grouping).
   */
  private static void sameOverview(Overview[] pair) {
    assertTrue(pair[0].mentions() > 0);
    for (RecordComponent c : Overview.class.getRecordComponents()) {
      try {
        Object a = c.getAccessor().invoke(pair[0]);
        Object b = c.getAccessor().invoke(pair[1]);
        if (c.getName().equals("sentimentAverage")) {
          Map<?, ?> x = (Map<?, ?>) a;
          Map<?, ?> y = (Map<?, ?>) b;
          assertEquals(x.keySet(), y.keySet());
          x.forEach((k, v) -> assertEquals(v == null, y.get(k) == null, "average " + k));
          x.forEach((k, v) -> assertEquals(v == null ? 0 : (Double) v, y.get(k) == null ? 0 : (Double) y.get(k), 1e-9, "average " + k));
          continue;
        }
        assertTrue(Objects.deepEquals(a, b), c.getName() + ": " + a + " vs " + b);
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
    }
  }

  /** Last: a rebuild's documents carry no replay keys, so the replay must come before it (see RollupRebuild). */
  @Test
  @Order(Integer.MAX_VALUE)
  @DisplayName("a rebuild from the stored mentions, cases and replies gives the same figures as the live rollups, months too")
  void rebuildAgrees() {
    JsonObject before = settled();
    String months = "from=" + AnalyticsMix.monthsFrom() + "&to=" + to;
    JsonObject monthsBefore = overview(team.manager(), months);
    RollupRebuild.Outcome outcome = Analytics.rebuild(hub.hub().mongo()).run().await();
    assertEquals(stored.size(), outcome.mentions());
    sameFigures(before, overview(team.manager(), range()));
    sameFigures(monthsBefore, overview(team.manager(), months));
    sameOverview(monthsAndDays(AnalyticsMix.monthsFrom(), null));
  }

  @Test
  @DisplayName("a bad filter answers 400 naming it")
  void badFilters() {
    assertEquals("from", field(marketer.get("/api/v1/analytics/overview?from=yesterday")));
    assertEquals("to", field(marketer.get("/api/v1/analytics/overview?to=2026-02-30")));
    assertEquals("from", field(marketer.get("/api/v1/analytics/overview?from=2026-05-02&to=2026-05-01")));
    assertEquals("brand", field(marketer.get("/api/v1/analytics/overview?brand=initech")));
    assertEquals("platform", field(marketer.get("/api/v1/analytics/overview?platform=myspace")));
    assertEquals("to", field(marketer.get("/api/v1/analytics/overview?from=2020-01-01&to=2026-01-01")));
    assertEquals("view", field(marketer.get("/api/v1/analytics/export.csv?view=everything")));
    assertEquals("view", field(marketer.get("/api/v1/analytics/export.csv")));
  }

  @Test
  @DisplayName("marketers, managers and admins read analytics; only managers and admins see agents; agents and strangers do not")
  void whoReads() {
    assertFalse(overview(marketer, range()).containsKey("agents"), "a marketer sees no per-agent activity");
    assertNotNull(overview(team.admin(), range()).getJsonArray("agents"));
    assertEquals(403, team.agent().get("/api/v1/analytics/overview").status());
    assertEquals(403, team.agent().get("/api/v1/analytics/export.csv?view=summary").status());
    assertEquals(403, marketer.get("/api/v1/analytics/export.csv?view=agents").status());
    assertEquals(200, team.manager().get("/api/v1/analytics/export.csv?view=agents").status());
    assertEquals(401, new ApiClient(hub.baseUrl(), hub.ingestToken()).get("/api/v1/analytics/overview").status());
  }

  @Test
  @DisplayName("every view exports as CSV, the table's rows as the overview answers them, formulas defused")
  void csv() {
    JsonObject o = settled();
    for (String view : List.of("summary", "series", "reasons", "platforms", "hours", "questions")) {
      ApiClient.Response r = marketer.get("/api/v1/analytics/export.csv?view=" + view + "&" + range());
      assertEquals(200, r.status(), view + ": " + r.body());
      assertTrue(r.header("Content-Type").startsWith("text/csv"), view);
      assertTrue(r.header("Content-Disposition").contains("earshot-analytics-" + view), view);
    }
    String[] reasons = marketer.get("/api/v1/analytics/export.csv?view=reasons&" + range()).body().split("\r\n");
    assertEquals(o.getJsonArray("reasons").size() + 1, reasons.length);
    JsonObject first = o.getJsonArray("reasons").getJsonObject(0);
    assertTrue(reasons[1].startsWith(first.getString("code") + "," + first.getLong("count") + ","), reasons[1]);
    String series = marketer.get("/api/v1/analytics/export.csv?view=series&" + range()).body();
    assertEquals(15, series.split("\r\n").length, "a header and 14 days");
    String questions = marketer.get("/api/v1/analytics/export.csv?view=questions&" + range()).body();
    assertTrue(questions.contains("'=1+2 how do refunds work here?"), questions);
    List<String> summary = List.of(marketer.get("/api/v1/analytics/export.csv?view=summary&" + range()).body().split("\r\n"));
    for (String figure : List.of("firstResponse", "resolution")) {
      for (String field : List.of("medianSeconds", "p90Seconds", "businessMedianSeconds", "businessP90Seconds")) {
        String row = figure + "." + field + "," + o.getJsonObject(figure).getLong(field);
        assertTrue(summary.contains(row), row + " in " + summary);
      }
    }
    assertTrue(summary.contains("engagement.quotes,") && summary.contains("engagement.impressions,"),
        "null is an empty cell: " + summary);
  }

  private static String field(ApiClient.Response r) {
    assertEquals(400, r.status(), r.body());
    return r.json().getJsonArray("validation_errors").getJsonObject(0).getString("field");
  }

  /** Keeps every delivery the hub makes, as it was made, for the replay. */
  private static final class Recorder implements EventListener {
    @Override
    public String name() {
      return "analytics-test-recorder";
    }

    @Override
    public boolean durable() {
      return false;
    }

    @Override
    public boolean accepts(EventEnvelope event) {
      return true;
    }

    @Override
    public Future<Void> handle(List<EventEnvelope> events) {
      TOLD.add(List.copyOf(events));
      return Future.succeededFuture();
    }
  }
}

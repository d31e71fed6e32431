package io.earshot.problem;

import static io.earshot.testing.ApiClient.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.model.Filters;
import io.earshot.problem.detect.DetectionEvaluator;
import io.earshot.testing.ApiClient;
import io.earshot.testing.Team;
import io.earshot.testing.TestHub;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The scripted incident: seven days of ordinary history backfilled through the ingest API (the
 * baseline), then a live burst of "charged twice" posts, then the same kind of burst written
 * during an outage and delivered late.
 */
@DisplayName("Spike detection through a real hub, in event time")
class DetectionIT {
  private static final String[] ORDINARY = {
      "Where is my parcel? Tracking has not moved for two days", "The courier left my package at the wrong door",
      "I can't log in to my account since yesterday", "Password reset email never arrives",
      "Love the new menu, great job", "The app crashes when I open the basket", "How do I change my delivery address?",
      "Thanks for the quick help yesterday!", "Is the store open on Sunday?", "My discount code does not work",
      "The product arrived broken", "Can I get an invoice for my last purchase?"};
  private static final String[] BURST = {
      "I was charged twice for my subscription this month!", "Charged twice again?! Refund me",
      "Why was my card charged twice for the subscription", "You charged me twice, fix this",
      "Double charge on my card today, charged twice for one payment"};
  private static TestHub hub;
  private static Team team;
  private static final Random RANDOM = new Random(11);
  /** Detection rounds finished so far, as the evaluator tells them. */
  private static final AtomicInteger ROUNDS = new AtomicInteger();
  private static int seq;

  @BeforeAll
  static void start() {
    hub = TestHub.start();
    hub.vertx().eventBus().<Integer>localConsumer(DetectionEvaluator.ROUNDS, m -> ROUNDS.incrementAndGet())
        .completion().await();
    team = Team.of(hub);
    assertEquals(201, team.admin().post("/api/v1/departments", new JsonObject().put("id", "billing")
        .put("name", "Billing")).status());
  }

  @AfterAll
  static void stop() {
    hub.close();
  }

  private static JsonObject mention(String text, Instant at) {
    seq++;
    return ApiClient.mention("det-" + seq, "det-cust-" + seq, text).put("createdAt", at.toString());
  }

  /** About four ordinary mentions an hour over the seven days before now, busier by day. */
  private static int backfill() {
    Instant from = Instant.now().minus(Duration.ofDays(7));
    JsonArray batch = new JsonArray();
    int total = 0;
    for (int hour = 0; hour < 7 * 24; hour++) {
      int hourOfDay = (int) ((from.getEpochSecond() / 3600 + hour) % 24);
      int n = hourOfDay >= 8 && hourOfDay < 20 ? 5 : 2;
      for (int i = 0; i < n; i++) {
        Instant at = from.plus(Duration.ofHours(hour)).plusSeconds(RANDOM.nextInt(3600));
        batch.add(mention(ORDINARY[RANDOM.nextInt(ORDINARY.length)], at));
      }
      if (batch.size() >= 400) {
        total += ingest(batch);
        batch = new JsonArray();
      }
    }
    return total + ingest(batch);
  }

  private static int ingest(JsonArray batch) {
    ApiClient.Response r = hub.api().ingest(batch);
    assertEquals(202, r.status(), r.body());
    return batch.size();
  }

  private static long facts() {
    return hub.hub().mongo().collection("detection_facts").countDocuments();
  }

  private static List<JsonObject> billingAlerts() {
    List<JsonObject> found = new ArrayList<>();
    team.agent().get("/api/v1/alerts").json().getJsonArray("items").forEach(o -> {
      JsonObject a = (JsonObject) o;
      if ("volume".equals(a.getString("kind")) && "billing".equals(a.getString("reason"))) {
        found.add(a);
      }
    });
    return found;
  }

  private static String caseOf(String mentionId) {
    Document m = hub.hub().mongo().collection("mentions").find(Filters.eq("_id", mentionId)).first();
    return m == null ? null : m.getString("caseId");
  }

  @Test
  @DisplayName("after a backfilled week, a live burst alerts within a minute naming billing; its Problem holds the burst; a late catch-up alerts once")
  void incident() throws InterruptedException {
    int history = backfill();
    assertTrue(eventually(Duration.ofSeconds(60), () -> facts() >= history), "the history reached the detector");
    assertEquals(List.of(), billingAlerts(), "ordinary history raises no billing alert");

    List<String> burst = new ArrayList<>();
    Instant first = Instant.now();
    for (int i = 0; i < 20; i++) {
      JsonObject m = mention(BURST[i % BURST.length], Instant.now());
      burst.add("sandbox:" + m.getString("externalId"));
      ingest(new JsonArray().add(m));
      Thread.sleep(2000); // the burst's own pace: a post every two seconds
    }
    assertTrue(eventually(Duration.ofSeconds(30), () -> !billingAlerts().isEmpty()), "a billing alert");
    JsonObject alert = billingAlerts().get(0);
    Duration latency = Duration.between(first, Instant.parse(alert.getString("raisedAt")));
    System.out.println("detection latency (first burst post → alert): " + latency.toMillis() + " ms; alert " + alert);
    assertTrue(latency.compareTo(Duration.ofMinutes(1)) < 0, "raised within a minute: " + latency);
    assertTrue(alert.getDouble("observed") > alert.getDouble("expected") * 3);

    assertTrue(eventually(Duration.ofSeconds(15), () -> burst.stream().allMatch(m -> caseOf(m) != null)));
    Set<String> burstCases = new HashSet<>(burst.stream().map(DetectionIT::caseOf).toList());
    ApiClient.Response made = team.agent().post("/api/v1/problems", new JsonObject().put("title", "Charged twice")
        .put("department", "billing").put("fromAlert", alert.getString("id")));
    assertEquals(201, made.status(), made.body());
    Set<String> proposed = new HashSet<>(made.json().getJsonArray("caseIds").getList());
    Set<String> right = new HashSet<>(proposed);
    right.retainAll(burstCases);
    double precision = (double) right.size() / proposed.size();
    double recall = (double) right.size() / burstCases.size();
    System.out.printf("proposed Problem: %d cases, precision %.2f, recall %.2f%n", proposed.size(), precision, recall);
    assertTrue(recall >= 0.9 && precision >= 0.9, "precision " + precision + " recall " + recall);
    assertEquals(List.of("billing"), made.json().getJsonArray("reasons").getList());

    JsonArray late = new JsonArray();
    Instant written = Instant.now().minus(Duration.ofHours(3));
    for (int i = 0; i < 20; i++) {
      late.add(mention(BURST[i % BURST.length], written.plusSeconds(3L * i)));
    }
    ingest(late);
    assertTrue(eventually(Duration.ofSeconds(30), () -> billingAlerts().size() == 2), "the catch-up alerts");
    int roundsBefore = ROUNDS.get();
    ingest(late);
    // The first round to finish may have read the facts before this delivery; the two after it have not.
    assertTrue(eventually(Duration.ofSeconds(15), () -> ROUNDS.get() >= roundsBefore + 3),
        "three detection rounds ran after the second delivery");
    List<JsonObject> alerts = billingAlerts();
    assertEquals(2, alerts.size(), "once: " + alerts);
    Instant started = alerts.stream().map(a -> Instant.parse(a.getString("startedAt"))).min(Instant::compareTo).get();
    assertTrue(Duration.between(written, started).abs().compareTo(Duration.ofMinutes(2)) < 0,
        "judged when written, not when it arrived: " + started);
  }
}

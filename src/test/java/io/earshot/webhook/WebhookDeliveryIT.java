package io.earshot.webhook;

import static io.earshot.testing.ApiClient.eventually;
import static io.earshot.webhook.Receiver.Answer.FAIL;
import static io.earshot.webhook.Receiver.Answer.HANG;
import static io.earshot.webhook.Receiver.Answer.OK;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.testing.ApiClient;
import io.earshot.testing.SandboxClient;
import io.earshot.testing.Team;
import io.earshot.testing.TestHub;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Outgoing webhook delivery")
class WebhookDeliveryIT {
  private static final String SECRET = "whsec-flow-0123456789";
  private static final List<String> SUBSCRIBED = List.of("mention.received", "case.opened", "case.assigned",
      "case.status_changed", "case.reopened", "reply.approved", "reply.sent");
  private static final Duration WAIT = Duration.ofSeconds(30);

  /** Fast retries, and a receiver that does not answer within a second counts as no answer. */
  private static Map<String, String> env(String dataDir, String connectorsDir) {
    Map<String, String> env = new HashMap<>(Map.of("EARSHOT_WEBHOOK_TIMEOUT_SECONDS", "1",
        "EARSHOT_WEBHOOK_RETRY_FIRST_SECONDS", "1", "EARSHOT_WEBHOOK_RETRY_MAX_SECONDS", "2",
        "EARSHOT_DATA_DIR", dataDir));
    if (connectorsDir != null) {
      env.put("EARSHOT_CONNECTORS_DIR", connectorsDir);
    }
    return env;
  }

  @Test
  @DisplayName("a case's life reaches the receiver once per event id, signed, across a hub restart, 500s and timeouts")
  void scriptedFlow() {
    try (SandboxClient sandbox = new SandboxClient(); Receiver receiver = new Receiver()) {
      String dataDir = TestHub.tempDir("earshot-webhooks").toString();
      Map<String, String> env = env(dataDir, sandbox.connectorsDir().toString());
      receiver.script(FAIL, HANG);
      String webhookId;
      String caseId;
      try (TestHub first = TestHub.start(env)) {
        ApiClient api = first.api().login("admin", first.adminPassword());
        webhookId = api.post("/api/v1/webhooks", new JsonObject().put("url", receiver.url("/hooks/earshot"))
            .put("secret", SECRET).put("events", new JsonArray(SUBSCRIBED))).json().getString("id");
        sandbox.postMention("hook_customer", "@ForkfulEats my order never came");
        caseId = awaitCase(api);
        api.patch("/api/v1/cases/" + caseId, new JsonObject().put("assignee", "admin"));
        String replyId = api.post("/api/v1/cases/" + caseId + "/replies",
            new JsonObject().put("text", "So sorry, a refund is coming.")).json().getString("id");
        Team.person(first, api, "mia", "manager").post("/api/v1/approvals/" + replyId,
            new JsonObject().put("decision", "approve"));
        assertTrue(eventually(WAIT, () -> acknowledgedTypes(receiver).keySet().containsAll(Set.of("mention.received",
            "case.opened", "case.assigned", "reply.sent", "case.status_changed"))),
            "before the restart: " + seen(receiver));

        receiver.otherwise(FAIL);
        api.patch("/api/v1/cases/" + caseId, new JsonObject().put("status", "resolved"));
        assertTrue(eventually(WAIT, () -> receiver.requests().stream().anyMatch(r -> r.answer() == FAIL
            && "resolved".equals(r.json().getJsonObject("data").getString("to")))), "the resolve was refused once");
      }
      receiver.script(HANG);
      receiver.otherwise(OK);
      try (TestHub second = TestHub.start(env)) {
        ApiClient api = second.api().login("admin", second.adminPassword());
        sandbox.postMention("hook_customer", "@ForkfulEats the refund has not arrived either");
        assertTrue(eventually(WAIT, () -> receiver.distinct().values().stream()
            .anyMatch(r -> r.type().equals("case.reopened"))), "after the restart: " + seen(receiver));
        assertTrue(eventually(WAIT, () -> allDelivered(api, webhookId, 9)), "the delivery log: "
            + api.get("/api/v1/webhooks/" + webhookId + "/deliveries").body());
      }

      Map<String, Long> expected = new TreeMap<>(Map.of("mention.received", 2L, "case.opened", 1L,
          "case.assigned", 1L, "case.status_changed", 2L, "reply.approved", 1L, "reply.sent", 1L, "case.reopened", 1L));
      assertEquals(expected, new TreeMap<>(receiver.distinct().values().stream()
          .collect(Collectors.groupingBy(Receiver.Request::type, Collectors.counting()))), "after dedupe by id");
      assertEquals(receiver.distinct().keySet(), Set.copyOf(receiver.acknowledged()), "each id was answered 2xx");
      assertTrue(receiver.requests().stream().allMatch(r -> r.verifies(SECRET)), "every signature verifies");
      assertTrue(receiver.requests().stream().anyMatch(r -> r.answer() == HANG), "a timeout was retried");
      assertTrue(receiver.requests().size() >= receiver.distinct().size() + 3, "the failures were retried");
      receiver.requests().forEach(r -> assertRequestShape(r, receiver.distinct().get(r.eventId())));
      assertTrue(receiver.distinct().values().stream().filter(r -> r.json().getString("subject").startsWith("case:"))
          .allMatch(r -> r.json().getString("subject").equals("case:" + caseId)));
    }
  }

  /** Id, type, occurredAt and data on top; the headers agree with the body; a retry sends the same bytes. */
  private static void assertRequestShape(Receiver.Request r, Receiver.Request first) {
    JsonObject body = r.json();
    assertTrue(body.containsKey("occurredAt") && body.getJsonObject("data") != null, body.encode());
    assertEquals(body.getString("id"), r.headers().get("x-earshot-event-id"));
    assertEquals(body.getString("type"), r.headers().get("x-earshot-event"));
    assertTrue(r.headers().get("x-earshot-timestamp").matches("\\d{10}"), r.headers().toString());
    assertEquals("application/json", r.headers().get("content-type"));
    assertArrayEquals(first.body(), r.body(), "a redelivery carries the same bytes");
  }

  @Test
  @DisplayName("a receiver that never answers holds only its own share: another endpoint gets every event meanwhile")
  void slowReceiverHoldsUpNoOne() {
    try (Receiver silent = new Receiver(); Receiver prompt = new Receiver()) {
      silent.otherwise(HANG);
      Map<String, String> env = env(TestHub.tempDir("earshot-webhooks").toString(), null);
      env.put("EARSHOT_WEBHOOK_TIMEOUT_SECONDS", "20");
      try (TestHub hub = TestHub.start(env)) {
        ApiClient api = hub.api().login("admin", hub.adminPassword());
        JsonArray mentions = new JsonArray().add("mention.received");
        api.post("/api/v1/webhooks", new JsonObject().put("url", silent.url("/slow")).put("secret", SECRET)
            .put("events", mentions));
        api.post("/api/v1/webhooks", new JsonObject().put("url", prompt.url("/fast")).put("secret", SECRET)
            .put("events", mentions));
        JsonArray batch = new JsonArray();
        for (int i = 0; i < 20; i++) {
          batch.add(ApiClient.mention("slow-" + i, "slow-customer-" + i, "@Brand where is order " + i));
        }
        assertEquals(20, api.ingest(batch).json().getInteger("accepted"));
        assertTrue(eventually(Duration.ofSeconds(18), () -> prompt.acknowledged().size() == 20),
            "all 20 reached the prompt receiver before the silent one's first timeout: " + prompt.requests().size());
        assertTrue(silent.requests().size() <= WebhookDeliverer.PER_ENDPOINT,
            "the silent receiver holds at most its share of open requests: " + silent.requests().size());
      }
    }
  }

  @Test
  @DisplayName("a delivery that keeps failing is given up and logged; the replay button sends the same event again")
  void giveUpThenReplay() {
    try (Receiver receiver = new Receiver()) {
      receiver.otherwise(FAIL);
      Map<String, String> env = env(TestHub.tempDir("earshot-webhooks").toString(), null);
      env.put("EARSHOT_WEBHOOK_GIVE_UP_SECONDS", "3");
      try (TestHub hub = TestHub.start(env)) {
        ApiClient api = hub.api().login("admin", hub.adminPassword());
        String id = api.post("/api/v1/webhooks", new JsonObject().put("url", receiver.url("/h")).put("secret", SECRET)
            .put("events", new JsonArray().add("case.opened"))).json().getString("id");
        api.ingest(new JsonArray().add(ApiClient.mention("giveup-1", "giveup-customer", "@Brand charged twice")));
        String log = "/api/v1/webhooks/" + id + "/deliveries";
        assertTrue(eventually(WAIT, () -> api.get(log + "?state=failed").json().getInteger("total") == 1),
            api.get(log).body());
        JsonObject failed = api.get(log).json().getJsonArray("items").getJsonObject(0);
        assertEquals(500, failed.getInteger("lastStatus"));
        assertTrue(failed.getInteger("attempts") >= 2, failed.encode());
        assertEquals(null, failed.getString("nextAttemptAt"));

        receiver.otherwise(OK);
        ApiClient.Response replayed = api.post(log + "/" + failed.getString("id") + "/replay", new JsonObject());
        assertEquals(202, replayed.status(), replayed.body());
        assertEquals("pending", replayed.json().getString("state"));
        assertTrue(eventually(WAIT, () -> receiver.acknowledged().contains(failed.getString("eventId"))));
        Map<String, List<Receiver.Request>> byId = receiver.requests().stream()
            .collect(Collectors.groupingBy(Receiver.Request::eventId));
        assertEquals(Set.of(failed.getString("eventId")), byId.keySet(), "one event, sent again with the same id");
        byId.values().iterator().next().forEach(r -> assertArrayEquals(receiver.requests().get(0).body(), r.body()));
        assertTrue(eventually(WAIT, () -> "delivered".equals(api.get(log).json().getJsonArray("items").getJsonObject(0)
            .getString("state"))));
        assertEquals(1, api.get(log).json().getJsonArray("items").getJsonObject(0).getInteger("replays"));
        assertEquals(404, api.post(log + "/no-such-delivery/replay", new JsonObject()).status());
        assertTrue(eventually(WAIT, () -> new io.earshot.store.AuditLog(hub.hub().mongo())
            .count("webhook.replayed", "webhook:" + id).await() == 1), "the replay is audited");
      }
    }
  }

  @Test
  @DisplayName("an event handed over again, as the relay does after a crash, is one delivery and one request")
  void handedOverTwice() {
    try (Receiver receiver = new Receiver()) {
      try (TestHub hub = TestHub.start(env(TestHub.tempDir("earshot-webhooks").toString(), null))) {
        ApiClient api = hub.api().login("admin", hub.adminPassword());
        String id = api.post("/api/v1/webhooks", new JsonObject().put("url", receiver.url("/h")).put("secret", SECRET)
            .put("events", new JsonArray().add("user.updated"))).json().getString("id");
        var event = new io.earshot.domain.event.DomainEvent.AccountChanged(
            io.earshot.domain.event.EventType.USER_UPDATED, "ada", "admin", "role agent", java.time.Instant.now());
        var envelopes = io.earshot.events.Change.of("none", "none", List.of(event)).envelopes();
        hub.hub().events().deliverDurable("twice-1", envelopes).await();
        hub.hub().events().deliverDurable("twice-1", envelopes).await();
        String log = "/api/v1/webhooks/" + id + "/deliveries";
        assertEquals(1, api.get(log).json().getInteger("total"), "one delivery for the one event id");
        assertTrue(eventually(WAIT, () -> "delivered".equals(api.get(log).json().getJsonArray("items").getJsonObject(0)
            .getString("state"))));
        assertEquals(List.of(envelopes.get(0).id()),
            receiver.requests().stream().map(Receiver.Request::eventId).toList());

        hub.hub().events().deliverDurable("twice-1", envelopes).await();
        var due = hub.hub().mongo().collection(io.earshot.store.MongoStore.WEBHOOK_DUE);
        assertTrue(eventually(WAIT, () -> hub.hub().mongo().run(due::countDocuments).await() == 0),
            "the entry a late handover left for a delivered event is dropped");
        assertEquals(1, receiver.requests().size(), "and nothing was sent again");
        assertEquals("delivered", api.get(log).json().getJsonArray("items").getJsonObject(0).getString("state"));
      }
    }
  }

  private static boolean allDelivered(ApiClient api, String webhookId, int count) {
    JsonObject log = api.get("/api/v1/webhooks/" + webhookId + "/deliveries").json();
    return log.getInteger("total") == count && log.getJsonArray("items").stream()
        .allMatch(d -> "delivered".equals(((JsonObject) d).getString("state")));
  }

  private static Map<String, Long> acknowledgedTypes(Receiver receiver) {
    Set<String> acked = Set.copyOf(receiver.acknowledged());
    return receiver.distinct().values().stream().filter(r -> acked.contains(r.eventId()))
        .collect(Collectors.groupingBy(Receiver.Request::type, Collectors.counting()));
  }

  private static String seen(Receiver receiver) {
    return receiver.requests().stream().map(r -> r.type() + "=" + r.answer()).collect(Collectors.joining(", "));
  }

  private static String awaitCase(ApiClient api) {
    String[] id = new String[1];
    assertTrue(eventually(WAIT, () -> {
      JsonArray items = api.get("/api/v1/cases").json().getJsonArray("items");
      id[0] = items.isEmpty() ? null : items.getJsonObject(0).getString("id");
      return id[0] != null;
    }), "the mention became a case");
    return id[0];
  }
}

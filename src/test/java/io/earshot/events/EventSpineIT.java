package io.earshot.events;

import static io.earshot.testing.ApiClient.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.testing.Team;
import io.earshot.testing.ApiClient;
import io.earshot.testing.SandboxClient;
import io.earshot.testing.TestHub;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The event spine")
class EventSpineIT {

  @Test
  @DisplayName("a listener added at the composition root sees every event of a case's life (open, assign, reply, approve, send, resolve, reopen), in order, with no writer changed")
  void scriptedCaseLife() {
    try (SandboxClient sandbox = new SandboxClient();
         TestHub hub = TestHub.start(Map.of("EARSHOT_CONNECTORS_DIR", sandbox.connectorsDir().toString()))) {
      RecordingListener listener = new RecordingListener("test-recorder");
      hub.hub().events().register(listener);
      ApiClient api = hub.api().login("admin", hub.adminPassword());

      sandbox.postMention("spine_customer", "@ForkfulEats my order never came");
      String caseId = awaitCase(api);
      api.patch("/api/v1/cases/" + caseId, new JsonObject().put("assignee", "admin"));
      String replyId = api.post("/api/v1/cases/" + caseId + "/replies",
          new JsonObject().put("text", "So sorry, a refund is on its way.")).json().getString("id");
      // The default policy holds a reply that promises a refund; a manager approves it.
      ApiClient manager = Team.person(hub, api, "mia", "manager");
      assertEquals("queued", manager.post("/api/v1/approvals/" + replyId, new JsonObject().put("decision", "approve"))
          .json().getString("state"));
      assertTrue(eventually(Duration.ofSeconds(10), () -> listener.typesAbout("reply:" + replyId).contains("reply.sent")));
      api.patch("/api/v1/cases/" + caseId, new JsonObject().put("status", "resolved"));
      sandbox.postMention("spine_customer", "@ForkfulEats the refund has not arrived either");
      assertTrue(eventually(Duration.ofSeconds(10), () -> listener.typesAbout("case:" + caseId).contains("case.reopened")));

      assertEquals(List.of("case.opened", "case.assigned", "case.responded", "case.status_changed",
          "case.status_changed", "case.reopened", "case.mention_added"), listener.typesAbout("case:" + caseId));
      assertEquals(List.of("reply.submitted", "reply.approved", "reply.sent"), listener.typesAbout("reply:" + replyId),
          "a durable listener gets recorded events only; progress signals (reply.attempted) stay live");
      List<String> order = listener.seen().stream().map(e -> e.type() + " " + e.subject()).toList();
      assertTrue(order.indexOf("reply.submitted reply:" + replyId) > order.indexOf("case.assigned case:" + caseId));
      assertTrue(order.indexOf("case.responded case:" + caseId) < order.indexOf("reply.sent reply:" + replyId),
          "the case knows it was answered before the reply shows sent");
      assertEquals(listener.seen().size(), listener.seen().stream().map(EventEnvelope::id).distinct().count(),
          "every event has its own id");
    }
  }

  @Test
  @DisplayName("a durable listener that is down gets the events again later, each once it recovers")
  void failingListenerRedelivered() {
    try (TestHub hub = TestHub.start()) {
      RecordingListener flaky = new RecordingListener("flaky");
      flaky.failNext(2);
      hub.hub().events().register(flaky);
      ApiClient api = hub.api().login("admin", hub.adminPassword());
      api.ingest(new JsonArray().add(ApiClient.mention("spine-2", "flaky-customer", "@Brand where is my parcel")));
      String caseId = awaitCase(api);
      api.patch("/api/v1/cases/" + caseId, new JsonObject().put("status", "open"));
      api.patch("/api/v1/cases/" + caseId, new JsonObject().put("assignee", "admin"));
      assertTrue(eventually(Duration.ofSeconds(20), () -> listener(flaky, caseId).containsAll(
          Set.of("case.opened", "case.status_changed", "case.assigned"))), "redelivered: " + flaky.seen());
      assertEquals(1, flaky.seen().stream().filter(e -> e.type().equals("mention.received")).count(),
          "the ingest batch's events too, once");
      assertEquals(1, flaky.typesAbout("case:" + caseId).stream().filter("case.assigned"::equals).count());
    }
  }

  private static Set<String> listener(RecordingListener l, String caseId) {
    return l.typesAbout("case:" + caseId).stream().collect(Collectors.toSet());
  }

  private static String awaitCase(ApiClient api) {
    String[] id = new String[1];
    assertTrue(eventually(Duration.ofSeconds(15), () -> {
      JsonArray items = api.get("/api/v1/cases").json().getJsonArray("items");
      id[0] = items.isEmpty() ? null : items.getJsonObject(0).getString("id");
      return id[0] != null;
    }), "the mention became a case");
    return id[0];
  }
}

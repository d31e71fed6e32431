package io.earshot.publish;

import static io.earshot.testing.ApiClient.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.testing.ApiClient;
import io.earshot.testing.SandboxClient;
import io.earshot.testing.TestHub;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Publishing through the outbox")
class PublishOnceIT {

  @Test
  @DisplayName("a reply is published exactly once when the hub stops between sending and recording")
  void exactlyOnceAcrossCrash() {
    try (SandboxClient sandbox = new SandboxClient()) {
      Map<String, String> env = Map.of("EARSHOT_DATA_DIR", TestHub.tempDir("earshot-data").toString(),
          "EARSHOT_CONNECTORS_DIR", sandbox.connectorsDir().toString(),
          "EARSHOT_PUBLISH_LEASE_SECONDS", "2", "EARSHOT_CONNECTOR_LEASE_SECONDS", "3");
      sandbox.postMention("grumpy_flyer", "@NimbusAir my bag has been lost for 3 days, no answer");
      String caseId;
      String replyId;
      try (TestHub first = TestHub.start(env)) {
        ApiClient api = first.api().login("admin", first.adminPassword());
        caseId = awaitCase(api);
        sandbox.armPublishHold();
        JsonObject reply = api.post("/api/v1/cases/" + caseId + "/replies",
            new JsonObject().put("text", "So sorry! Please DM us your file reference.")).json();
        replyId = reply.getString("id");
        assertTrue(eventually(Duration.ofSeconds(10), () -> sandbox.brandPosts().size() == 1),
            "the platform accepted the post before the hub stopped");
        assertEquals("sending", stateOf(api, caseId, replyId).getString("state"));
      }
      sandbox.releasePublishHold();
      try (TestHub second = TestHub.start(env)) {
        ApiClient api = second.api().login("admin", second.adminPassword());
        assertTrue(eventually(Duration.ofSeconds(20),
            () -> "sent".equals(stateOf(api, caseId, replyId).getString("state"))), "the restarted hub recorded the send");
        JsonArray posts = sandbox.brandPosts();
        assertEquals(1, posts.size(), "posted once: " + posts.encode());
        JsonObject reply = stateOf(api, caseId, replyId);
        assertEquals(posts.getJsonObject(0).getString("id"), reply.getString("externalId"));
        assertEquals(2, reply.getInteger("attempts"));
      }
    }
  }

  @Test
  @DisplayName("a reply goes out with the case's platform id, and the case shows it as sent")
  void replySentAndVisible() {
    try (SandboxClient sandbox = new SandboxClient();
         TestHub hub = TestHub.start(Map.of("EARSHOT_CONNECTORS_DIR", sandbox.connectorsDir().toString()))) {
      sandbox.postMention("happy_eater", "@ForkfulEats where is my order? it's been an hour");
      ApiClient api = hub.api().login("admin", hub.adminPassword());
      String caseId = awaitCase(api);
      String replyId = api.post("/api/v1/cases/" + caseId + "/replies",
          new JsonObject().put("text", "On its way, sorry for the wait!")).json().getString("id");
      assertTrue(eventually(Duration.ofSeconds(10), () -> "sent".equals(stateOf(api, caseId, replyId).getString("state"))));
      JsonObject post = sandbox.brandPosts().getJsonObject(0);
      assertEquals(stateOf(api, caseId, replyId).getString("externalId"), post.getString("id"));
      assertEquals("On its way, sorry for the wait!", post.getString("text"));
      assertEquals("pending", api.get("/api/v1/cases/" + caseId).json().getJsonObject("case").getString("status"));

      sandbox.postReply("other_eater", "@ForkfulEats same for me, nothing arrived", post.getString("id"));
      assertTrue(eventually(Duration.ofSeconds(10), () -> api.get("/api/v1/cases/" + caseId).json()
          .getJsonObject("case").getInteger("mentionCount") == 2), "another customer answering our reply joins the case through the brand post");
      assertEquals("open", api.get("/api/v1/cases/" + caseId).json().getJsonObject("case").getString("status"),
          "a customer answering reopens the pending case");
    }
  }

  @Test
  @DisplayName("a reply longer than the platform allows is refused before anything is queued")
  void tooLongReplyRefused() {
    try (SandboxClient sandbox = new SandboxClient();
         TestHub hub = TestHub.start(Map.of("EARSHOT_CONNECTORS_DIR", sandbox.connectorsDir().toString()))) {
      sandbox.postMention("wordy_one", "@StreamBox the app keeps crashing");
      ApiClient api = hub.api().login("admin", hub.adminPassword());
      String caseId = awaitCase(api);
      ApiClient.Response refused = api.post("/api/v1/cases/" + caseId + "/replies",
          new JsonObject().put("text", "x".repeat(5000)));
      assertEquals(422, refused.status());
      assertTrue(refused.json().getString("message").startsWith("text:"), refused.body());
      assertEquals(0, api.get("/api/v1/cases/" + caseId).json().getJsonArray("thread").stream()
          .filter(o -> "reply".equals(((JsonObject) o).getString("kind"))).count());
    }
  }

  static String awaitCase(ApiClient api) {
    String[] id = new String[1];
    assertTrue(eventually(Duration.ofSeconds(15), () -> {
      JsonArray items = api.get("/api/v1/cases").json().getJsonArray("items");
      id[0] = items.isEmpty() ? null : items.getJsonObject(0).getString("id");
      return id[0] != null;
    }), "the sandbox mention became a case");
    return id[0];
  }

  static JsonObject stateOf(ApiClient api, String caseId, String replyId) {
    return api.get("/api/v1/cases/" + caseId).json().getJsonArray("thread").stream().map(o -> (JsonObject) o)
        .filter(o -> replyId.equals(o.getString("id"))).findFirst().orElseThrow();
  }

}

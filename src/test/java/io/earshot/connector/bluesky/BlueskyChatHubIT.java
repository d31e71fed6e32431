package io.earshot.connector.bluesky;

import static io.earshot.connector.HubAccounts.await;
import static io.earshot.testing.ApiClient.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.connector.HubAccounts;
import io.earshot.demo.emulator.bluesky.BlueskyEmulator;
import io.earshot.testing.ApiClient;
import io.earshot.testing.TestHub;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Bluesky chat through a real hub: a Bluesky account with {@code "chat": true} against its emulator. */
@DisplayName("Bluesky direct messages in the hub")
class BlueskyChatHubIT {
  private static final String ACCOUNT = "brand-bluesky-chat";

  @Test
  @DisplayName("a Bluesky chat message threads into the customer's case, and a private answer goes out once as a chat message")
  void chatHandOff() {
    Vertx vertx = Vertx.vertx();
    BlueskyEmulator bluesky = new BlueskyEmulator(vertx);
    await(bluesky.start(0));
    Path connectors = TestHub.tempDir("earshot-connectors");
    HubAccounts.write(connectors, ACCOUNT, "bluesky", bluesky.baseUrl(),
        Map.of("identifier", BlueskyEmulator.HANDLE, "password", "${BLUESKY_PASSWORD}"), 1, Map.of("chat", true));
    try (TestHub hub = TestHub.start(Map.of("EARSHOT_CONNECTORS_DIR", connectors.toString(),
        "BLUESKY_PASSWORD", BlueskyEmulator.APP_PASSWORD))) {
      ApiClient api = hub.api().login("admin", hub.adminPassword());
      bluesky.seedMention("@brand my invoice is wrong");
      String post = bluesky.mentionUris().get(0);
      String messageId = bluesky.seedChatFrom(post, "invoice 2026-118, billed twice");
      String[] cases = new String[2];
      assertTrue(eventually(Duration.ofSeconds(15), () -> {
        Map<String, Document> stored = HubAccounts.stored(hub, ACCOUNT);
        Document p = stored.get(post);
        Document m = stored.values().stream().filter(d -> d.getString("externalId").endsWith("/" + messageId))
            .findFirst().orElse(null);
        cases[0] = p == null ? null : p.getString("caseId");
        cases[1] = m == null ? null : m.getString("caseId");
        return cases[0] != null && cases[1] != null;
      }));
      assertEquals(cases[0], cases[1], "the chat message joins the case of the customer's post");
      String caseId = cases[0];
      assertTrue(eventually(Duration.ofSeconds(15), () -> api.get("/api/v1/cases/" + caseId).status() == 200));
      assertTrue(api.get("/api/v1/cases/" + caseId).json().getBoolean("privateReplies"));

      JsonObject reply = api.post("/api/v1/cases/" + caseId + "/replies",
          new JsonObject().put("text", "Corrected, the second charge is void.")).json();
      assertEquals("private", reply.getString("visibility"), "an answer to a private message stays private");
      assertTrue(eventually(Duration.ofSeconds(15), () -> "sent".equals(state(api, caseId, reply.getString("id")))));
      assertEquals(1, bluesky.chatSent().size());
      assertEquals("Corrected, the second charge is void.", bluesky.chatSent().get(0).getString("text"));
      assertTrue(bluesky.created().isEmpty(), "nothing was posted in public");
    } finally {
      await(bluesky.stop());
      await(vertx.close());
    }
  }

  private static String state(ApiClient api, String caseId, String replyId) {
    return api.get("/api/v1/cases/" + caseId).json().getJsonArray("thread").stream().map(o -> (JsonObject) o)
        .filter(o -> replyId.equals(o.getString("id"))).findFirst().orElse(new JsonObject()).getString("state");
  }
}

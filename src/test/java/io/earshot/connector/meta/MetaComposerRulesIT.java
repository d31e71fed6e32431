package io.earshot.connector.meta;

import static io.earshot.connector.HubAccounts.await;
import static io.earshot.testing.ApiClient.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.connector.HubAccounts;
import io.earshot.demo.emulator.meta.MetaEmulator;
import io.earshot.testing.ApiClient;
import io.earshot.testing.TestHub;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Instagram's comment rules on a real hub: what the composer's check says and what a reply the
 * platform would refuse gets (422 naming {@code text}, nothing queued or posted).
 */
@DisplayName("Meta's reply rules in the composer and on the server")
class MetaComposerRulesIT {
  private static Vertx vertx;
  private static MetaEmulator instagram;
  private static TestHub hub;
  private static ApiClient api;
  private static String caseId;
  private static List<JsonObject> thread;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    instagram = new MetaEmulator(vertx, true);
    await(instagram.start(0));
    Path connectors = TestHub.tempDir("earshot-connectors");
    HubAccounts.write(connectors, "acme-instagram", "instagram", instagram.baseUrl(),
        Map.of("accessToken", MetaEmulator.PAGE_TOKEN), 1, Map.of());
    hub = TestHub.start(Map.of("EARSHOT_CONNECTORS_DIR", connectors.toString()));
    api = hub.api().login("admin", hub.adminPassword());
    instagram.seedMentions(2, 2); // a comment and the customer's reply to it: one case
    assertTrue(eventually(Duration.ofSeconds(15), () -> {
      JsonArray items = api.get("/api/v1/cases").json().getJsonArray("items");
      if (items.isEmpty()) {
        return false;
      }
      caseId = items.getJsonObject(0).getString("id");
      thread = api.get("/api/v1/cases/" + caseId).json().getJsonArray("thread").stream().map(o -> (JsonObject) o)
          .filter(o -> "mention".equals(o.getString("kind"))).toList();
      return thread.size() == 2;
    }), "the comment and its reply are one case");
  }

  @AfterAll
  static void stop() {
    hub.close();
    await(instagram.stop());
    await(vertx.close());
  }

  private static JsonObject check(String text, String inReplyTo) {
    JsonObject body = new JsonObject().put("text", text);
    if (inReplyTo != null) {
      body.put("inReplyTo", inReplyTo);
    }
    ApiClient.Response r = api.post("/api/v1/cases/" + caseId + "/reply-check", body);
    assertEquals(200, r.status(), r.body());
    return r.json();
  }

  @Test
  @DisplayName("31 hashtags or 6 @mentions are refused with 422 naming text, and nothing reaches Instagram")
  void refusedOnTheServer() {
    String hashtags = "Thanks! " + IntStream.range(0, 31).mapToObj(i -> "#t" + i).collect(Collectors.joining(" "));
    for (String text : List.of(hashtags, "@a @b @c @d @e @f see you", "x".repeat(2_201))) {
      ApiClient.Response r = api.post("/api/v1/cases/" + caseId + "/replies", new JsonObject().put("text", text));
      assertEquals(422, r.status(), r.body());
      assertEquals("text", r.json().getJsonArray("validation_errors").getJsonObject(0).getString("field"), r.body());
      assertEquals(false, check(text, null).getBoolean("ok"));
    }
    assertEquals(List.of(), instagram.posted(), "nothing posted");
  }

  @Test
  @DisplayName("the check notes a link (Instagram may hide it) and that a reply to a reply goes under the top-level comment")
  void notes() {
    JsonObject link = check("Details at acme.com/help", thread.get(0).getString("id"));
    assertTrue(link.getBoolean("ok"));
    assertEquals(1, link.getJsonArray("notes").size(), link.encode());
    assertTrue(link.getJsonArray("notes").getString(0).contains("links"), link.encode());
    JsonObject nested = check("On it", thread.get(1).getString("id"));
    assertTrue(nested.getJsonArray("notes").getString(0).startsWith("Instagram shows one level of replies"),
        nested.encode());
    assertEquals(new JsonArray(), check("On it", thread.get(0).getString("id")).getJsonArray("notes"));
  }
}

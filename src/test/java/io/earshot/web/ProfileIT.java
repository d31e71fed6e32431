package io.earshot.web;

import static io.earshot.testing.ApiClient.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.testing.ApiClient;
import io.earshot.testing.SandboxClient;
import io.earshot.testing.Team;
import io.earshot.testing.TestHub;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What customers see of a person (display name, a signature per brand) and an admin's flag:
 * who may set them, how they are checked, and where they show (templated replies, approval rules).
 */
@DisplayName("People's display names, signatures and flags")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProfileIT {
  private static SandboxClient sandbox;
  private static TestHub hub;
  private static Team team;

  @BeforeAll
  static void start() {
    sandbox = new SandboxClient();
    hub = TestHub.start(Map.of("EARSHOT_CONNECTORS_DIR", sandbox.connectorsDir().toString()));
    team = Team.of(hub);
  }

  @AfterAll
  static void stop() {
    hub.close();
    sandbox.close();
  }

  @Test
  @Order(1)
  @DisplayName("a display name and signatures are checked field by field; an unknown brand is named")
  void validation() {
    String brand = firstBrand();
    assertEquals("displayName", field(team.admin().patch("/api/v1/users/ann",
        new JsonObject().put("displayName", "x".repeat(101)))));
    assertEquals("displayName", field(team.admin().patch("/api/v1/users/ann",
        new JsonObject().put("displayName", "Ann\u0007Bell"))));
    assertEquals("signatures." + brand, field(team.admin().patch("/api/v1/users/ann",
        new JsonObject().put("signatures", new JsonObject().put(brand, "y".repeat(281))))));
    assertEquals("signatures.no-such-brand", field(team.admin().patch("/api/v1/users/ann",
        new JsonObject().put("signatures", new JsonObject().put("no-such-brand", "Ann")))));
    assertEquals("signatures", field(team.admin().patch("/api/v1/users/ann",
        new JsonObject().put("signatures", "Ann"))));
    assertEquals("flagged", field(team.admin().patch("/api/v1/users/ann", new JsonObject().put("flagged", "yes"))));
    JsonObject ann = person("ann");
    assertNull(ann.getString("displayName"), "nothing refused was stored: " + ann.encode());
    assertEquals(new JsonObject(), ann.getJsonObject("signatures"));
    assertFalse(ann.getBoolean("flagged"));
  }

  @Test
  @Order(2)
  @DisplayName("people set their own display name and signatures, nothing else of theirs, and nobody else's")
  void selfEdit() {
    String brand = firstBrand();
    ApiClient.Response own = team.agent().patch("/api/v1/users/ann", new JsonObject().put("displayName", " Ann Bell ")
        .put("signatures", new JsonObject().put(brand, "Ann, care team")));
    assertEquals(200, own.status(), own.body());
    assertEquals("Ann Bell", own.json().getString("displayName"));
    assertEquals("Ann, care team", own.json().getJsonObject("signatures").getString(brand));
    assertEquals(403, team.agent().patch("/api/v1/users/ann", new JsonObject().put("flagged", false)).status());
    assertEquals(403, team.agent().patch("/api/v1/users/ann", new JsonObject().put("displayName", "A")
        .put("skills", new JsonArray().add("billing"))).status(), "a profile change does not carry an admin-only one");
    assertEquals(403, team.agent().patch("/api/v1/users/mia", new JsonObject().put("displayName", "Not Mia")).status());
    assertEquals(403, team.agent().get("/api/v1/users").status());
    JsonObject ann = person("ann");
    assertEquals("Ann Bell", ann.getString("displayName"));
    assertEquals(new JsonArray(), ann.getJsonArray("skills"));
    assertNull(person("mia").getString("displayName"));
    JsonObject removed = team.agent().patch("/api/v1/users/ann",
        new JsonObject().put("signatures", new JsonObject().put(brand, ""))).json();
    assertEquals(new JsonObject(), removed.getJsonObject("signatures"), "an empty text removes a signature");
    assertEquals("Ann Bell", removed.getString("displayName"), "the name given before stays");
  }

  @Test
  @Order(3)
  @DisplayName("a template's {{agent.name}} and {{agent.signature}} sign a sent reply with the case's brand's signature")
  void signedReply() {
    sandbox.postMention("late_lunch", "@ForkfulEats my order never came");
    String caseId = Team.awaitCase(team.agent());
    String brand = team.agent().get("/api/v1/cases/" + caseId).json().getJsonObject("case").getString("brand");
    String other = otherBrand(brand);
    assertEquals(200, team.admin().patch("/api/v1/users/ann", new JsonObject().put("signatures", new JsonObject()
        .put(brand, "Ann from " + brand).put(other, "Ann from " + other))).status());
    JsonObject reply = team.agent().post("/api/v1/cases/" + caseId + "/replies",
        new JsonObject().put("template", "signed")).json();
    assertEquals("queued", reply.getString("state"), reply.encode());
    assertTrue(eventually(Duration.ofSeconds(15), () -> !sandbox.brandPosts().isEmpty()), "published");
    String text = sandbox.brandPosts().getJsonObject(0).getString("text");
    assertTrue(text.endsWith("Ann Bell · Ann from " + brand), text);
    assertFalse(text.contains("Ann from " + other), text);
    assertEquals(200, team.agent().patch("/api/v1/users/ann", new JsonObject().put("displayName", null)).status());
    JsonObject bare = team.agent().post("/api/v1/cases/" + caseId + "/replies",
        new JsonObject().put("template", "thanks").put("confirm", true)).json(); // a second reply to the mention
    assertTrue(bare.getString("text").endsWith("^ann"), "older templates still sign with the username: " + bare.encode());
  }

  @Test
  @Order(4)
  @DisplayName("an authorFlagged rule holds a flagged agent's plain reply and lets an unflagged one go; only admins flag")
  void flaggedAuthorHeld() {
    JsonObject policy = new JsonObject().put("rules", new JsonArray().add(new JsonObject().put("id", "flagged")
        .put("when", new JsonObject().put("authorFlagged", true))));
    JsonObject saved = team.admin().put("/api/v1/policies/approval", policy).json();
    assertEquals(true, saved.getJsonArray("rules").getJsonObject(0).getJsonObject("when").getBoolean("authorFlagged"),
        saved.encode());
    ApiClient bob = Team.person(hub, team.admin(), "bob", "agent");
    assertEquals(403, team.manager().patch("/api/v1/users/ann", new JsonObject().put("flagged", true)).status());
    JsonObject flagged = team.admin().patch("/api/v1/users/ann", new JsonObject().put("flagged", true)).json();
    assertTrue(flagged.getBoolean("flagged"), flagged.encode());
    sandbox.postMention("cold_soup", "@ForkfulEats the soup was cold");
    String caseId = Team.awaitCase(team.agent());
    JsonObject held = team.agent().post("/api/v1/cases/" + caseId + "/replies",
        new JsonObject().put("text", "Sorry about that!").put("confirm", true)).json(); // the case may be answered already
    assertEquals("pending_approval", held.getString("state"), held.encode());
    assertEquals("flagged", held.getString("heldBy"));
    JsonObject free = bob.post("/api/v1/cases/" + caseId + "/replies", new JsonObject().put("text", "Sorry!")
        .put("confirm", true)).json(); // ann's held reply answers the same mention
    assertEquals("queued", free.getString("state"), free.encode());
  }

  private static String firstBrand() {
    return team.admin().get("/api/v1/brands").json().getJsonArray("items").getJsonObject(0).getString("id");
  }

  /** A second brand, so the signature chosen is seen to be the case's brand's. */
  private static String otherBrand(String brand) {
    ApiClient.Response created = team.admin().post("/api/v1/brands",
        new JsonObject().put("id", "other-" + brand).put("name", "Other Brand"));
    assertEquals(201, created.status(), created.body());
    return created.json().getString("id");
  }

  private static JsonObject person(String username) {
    return team.admin().get("/api/v1/users").json().getJsonArray("items").stream().map(o -> (JsonObject) o)
        .filter(p -> username.equals(p.getString("username"))).findFirst().orElseThrow();
  }

  private static String field(ApiClient.Response r) {
    assertEquals(400, r.status(), r.body());
    return r.json().getJsonArray("validation_errors").getJsonObject(0).getString("field");
  }
}

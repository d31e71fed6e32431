package io.earshot.web;

import static io.earshot.testing.ApiClient.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.testing.ApiClient;
import io.earshot.testing.SandboxClient;
import io.earshot.testing.Team;
import io.earshot.testing.TestHub;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Saved replies over the API: the template files imported as shared ones, who may write them,
 * how a body is checked, the preview filled with a case's real values, and what the platform
 * receives when a reply made from one is sent (as the sandbox platform received it).
 */
@DisplayName("Saved replies")
class SavedRepliesIT {
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
  @DisplayName("the template files are imported once as shared saved replies, in the old answer's shape")
  void filesImported() {
    JsonArray all = list(team.agent());
    JsonObject thanks = named(all, "thanks").orElseThrow();
    assertEquals("thanks", thanks.getString("id"));
    assertTrue(thanks.getString("body").contains("{{customer.handle}}"), thanks.encode());
    assertTrue(thanks.getBoolean("shared"));
    assertTrue(thanks.containsKey("uses"));
  }

  @Test
  @DisplayName("a body that does not compile is a 422 naming body with the parser's message; other fields are named too")
  void validation() {
    ApiClient.Response broken = team.manager().post("/api/v1/templates", draft("Broken", "Hi {{#if customer.name}} there"));
    assertEquals(422, broken.status(), broken.body());
    JsonObject error = broken.json().getJsonArray("validation_errors").getJsonObject(0);
    assertEquals("body", error.getString("field"));
    assertTrue(error.getString("message").contains("does not compile: line 1"), error.encode());
    assertEquals("body", field(422, team.manager().post("/api/v1/templates", draft("Partial", "{{> logback}}"))));
    assertEquals("name", field(team.manager().post("/api/v1/templates", draft(" ", "Hi"))));
    assertEquals("brand", field(team.manager().post("/api/v1/templates", draft("Elsewhere", "Hi")
        .put("brand", "no-such-brand"))));
    assertFalse(named(list(team.agent()), "Broken").isPresent(), "nothing refused was stored");
  }

  @Test
  @DisplayName("managers and admins write saved replies, agents and marketers only read them")
  void roles() {
    ApiClient marketer = Team.person(hub, team.admin(), "max", "marketer");
    assertEquals(403, team.agent().post("/api/v1/templates", draft("Mine", "Hi")).status());
    ApiClient.Response created = team.manager().post("/api/v1/templates", draft("Apology", "Sorry, {{customer.firstName}}."));
    assertEquals(201, created.status(), created.body());
    String id = created.json().getString("id");
    assertEquals(403, team.agent().patch("/api/v1/templates/" + id, new JsonObject().put("name", "Mine")).status());
    assertEquals(403, marketer.delete("/api/v1/templates/" + id).status());
    assertTrue(named(list(marketer), "Apology").isPresent());
    JsonObject renamed = team.admin().patch("/api/v1/templates/" + id, new JsonObject().put("name", "Apology (short)")).json();
    assertEquals("Apology (short)", renamed.getString("name"));
    assertEquals(2, renamed.getLong("version"));
    assertEquals(204, team.manager().delete("/api/v1/templates/" + id).status());
    assertFalse(named(list(team.agent()), "Apology (short)").isPresent());
    assertEquals(404, team.manager().patch("/api/v1/templates/" + id, new JsonObject().put("name", "x")).status());
    JsonArray audit = team.admin().get("/api/v1/audit?action=template.deleted").json().getJsonArray("items");
    assertEquals(1, audit.size(), audit.encode());
  }

  @Test
  @DisplayName("a template of one brand is offered only for that brand's cases; shared ones for every brand")
  void brandScope() {
    String brand = caseOf("scope_check", "Scope Check", "@ForkfulEats a question").getString("brand");
    String other = otherBrand(brand);
    String id = team.manager().post("/api/v1/templates", draft("Other brand only", "Hi").put("brand", other))
        .json().getString("id");
    assertFalse(ids(team.agent().get("/api/v1/templates?brand=" + brand)).contains(id));
    assertTrue(ids(team.agent().get("/api/v1/templates?brand=" + brand)).contains("thanks"));
    assertTrue(ids(team.agent().get("/api/v1/templates?brand=" + other)).contains(id));
    String caseId = caseOf("scope_check", "Scope Check", null).getString("id");
    assertEquals("template", field(team.agent().post("/api/v1/cases/" + caseId + "/template-preview",
        new JsonObject().put("template", id))));
  }

  @Test
  @DisplayName("the preview fills the customer's real name, handle, case reference, agent and brand, and counts it")
  void previewFilled() {
    JsonObject c = caseOf("tom_jerry", "Tom & Jerry", "@ForkfulEats my order is late");
    JsonObject brand = team.agent().get("/api/v1/brands/" + c.getString("brand")).json();
    assertEquals(200, team.admin().patch("/api/v1/users/ann", new JsonObject().put("displayName", "Ann Bell")
        .put("signatures", new JsonObject().put(c.getString("brand"), "Care team"))).status());
    JsonObject preview = team.agent().post("/api/v1/cases/" + c.getString("id") + "/template-preview",
        new JsonObject().put("body", "Hi {{customer.firstName}} ({{customer.name}}, @{{customer.handle}}), "
            + "re {{case.reference}}: {{brand.name}} is on it. {{agent.name}} · {{agent.signature}}")).json();
    String reference = "#" + c.getString("id").replace("-", "").substring(0, 8).toUpperCase();
    assertEquals("Hi Tom (Tom & Jerry, @tom_jerry), re " + reference + ": " + brand.getString("name")
        + " is on it. Ann Bell · Care team", preview.getString("text"));
    assertEquals(preview.getString("text").length(), preview.getInteger("length"));
    assertTrue(preview.getBoolean("ok"));
    assertTrue(preview.getInteger("limit") > 0);
    JsonObject raw = team.agent().post("/api/v1/cases/" + c.getString("id") + "/template-preview",
        new JsonObject().put("template", "thanks")).json();
    assertTrue(raw.getString("text").contains("@tom_jerry"), raw.encode());
    assertFalse(raw.getString("text").contains("{{"), raw.encode());
    assertEquals("body", field(422, team.agent().post("/api/v1/cases/" + c.getString("id") + "/template-preview",
        new JsonObject().put("body", "{{#each}"))));
    assertEquals("template", field(team.agent().post("/api/v1/cases/" + c.getString("id") + "/template-preview",
        new JsonObject())));
  }

  @Test
  @DisplayName("a customer named <script>… is filled in as text, not markup and not HTML-encoded")
  void hostileName() {
    JsonObject c = caseOf("hostile_one", "<script>alert(1)</script>", "@ForkfulEats hello");
    JsonObject preview = team.agent().post("/api/v1/cases/" + c.getString("id") + "/template-preview",
        new JsonObject().put("body", "Hi {{customer.name}}!")).json();
    assertEquals("Hi <script>alert(1)</script>!", preview.getString("text"));
  }

  @Test
  @DisplayName("a reply from a saved reply reaches the platform with Tom & Jerry unchanged; an edited one as edited; both count")
  void sentReply() {
    String id = team.manager().post("/api/v1/templates", draft("Greeting", "Hello {{customer.name}}, we are on it."))
        .json().getString("id");
    String caseId = caseOf("tom_sent", "Tom & Jerry", "@ForkfulEats where is my order").getString("id");
    String otherCase = caseOf("tom_edit", "Tom & Jerry", "@ForkfulEats my order is missing").getString("id");
    int before = sandbox.brandPosts().size();
    JsonObject filled = team.agent().post("/api/v1/cases/" + caseId + "/replies", new JsonObject().put("template", id)).json();
    assertEquals("Hello Tom & Jerry, we are on it.", filled.getString("text"), filled.encode());
    JsonObject edited = team.agent().post("/api/v1/cases/" + otherCase + "/replies", new JsonObject().put("template", id)
        .put("text", "Hello Tom & Jerry, we are on it; a courier is on the way.")).json();
    assertEquals("Hello Tom & Jerry, we are on it; a courier is on the way.", edited.getString("text"));
    assertTrue(eventually(Duration.ofSeconds(15), () -> sandbox.brandPosts().size() >= before + 2),
        () -> "both published: " + sandbox.brandPosts().encode());
    JsonArray posts = sandbox.brandPosts();
    assertTrue(posts.stream().map(p -> ((JsonObject) p).getString("text"))
        .anyMatch("Hello Tom & Jerry, we are on it."::equals), posts.encode());
    assertTrue(posts.stream().map(p -> ((JsonObject) p).getString("text"))
        .anyMatch("Hello Tom & Jerry, we are on it; a courier is on the way."::equals), posts.encode());
    assertTrue(eventually(Duration.ofSeconds(5), () -> named(list(team.agent()), "Greeting").orElseThrow()
        .getLong("uses") == 2), "each reply from it counted");
  }

  private static JsonObject draft(String name, String body) {
    return new JsonObject().put("name", name).put("body", body);
  }

  private static JsonArray list(ApiClient api) {
    return new JsonArray(api.get("/api/v1/templates").body());
  }

  private static java.util.List<String> ids(ApiClient.Response answer) {
    return new JsonArray(answer.body()).stream().map(o -> ((JsonObject) o).getString("id")).toList();
  }

  private static Optional<JsonObject> named(JsonArray all, String name) {
    return all.stream().map(o -> (JsonObject) o).filter(t -> name.equals(t.getString("name"))).findFirst();
  }

  private static String field(ApiClient.Response answer) {
    return field(400, answer);
  }

  private static String field(int status, ApiClient.Response answer) {
    assertEquals(status, answer.status(), answer.body());
    return answer.json().getJsonArray("validation_errors").getJsonObject(0).getString("field");
  }

  /** The case of the customer {@code handle}, posting {@code text} first when given. */
  private static JsonObject caseOf(String handle, String name, String text) {
    if (text != null) {
      sandbox.postMention(handle, name, text);
    }
    JsonObject[] found = new JsonObject[1];
    assertTrue(eventually(Duration.ofSeconds(15), () -> {
      found[0] = team.agent().get("/api/v1/cases?limit=500").json().getJsonArray("items").stream()
          .map(o -> (JsonObject) o).filter(c -> handle.equals(c.getJsonObject("customer").getString("handle")))
          .findFirst().orElse(null);
      return found[0] != null;
    }), "the case of @" + handle);
    return found[0];
  }

  /** A second brand, so a template of another brand is seen to be left out. */
  private static String otherBrand(String brand) {
    ApiClient.Response created = team.admin().post("/api/v1/brands",
        new JsonObject().put("id", "other-" + brand).put("name", "Other Brand"));
    assertEquals(201, created.status(), created.body());
    return created.json().getString("id");
  }
}

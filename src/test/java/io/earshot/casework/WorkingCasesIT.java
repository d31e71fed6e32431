package io.earshot.casework;

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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Replies to a chosen mention, a customer's last seen, merging two cases of one customer and bulk
 * actions, through a real hub and the sandbox platform. The reopen window is 0, so each new post
 * (not a reply) of a customer opens a case of its own: two cases of one customer.
 */
@DisplayName("Working cases: reply target, merge, bulk actions")
class WorkingCasesIT {
  private static SandboxClient sandbox;
  private static TestHub hub;
  private static Team team;

  @BeforeAll
  static void start() {
    sandbox = new SandboxClient();
    hub = TestHub.start(Map.of("EARSHOT_CONNECTORS_DIR", sandbox.connectorsDir().toString(),
        "EARSHOT_REOPEN_WINDOW_HOURS", "0"));
    team = Team.of(hub);
  }

  @AfterAll
  static void stop() {
    hub.close();
    sandbox.close();
  }

  /** The case the sandbox post {@code postId} landed in. */
  private static String caseOf(String postId) {
    String[] id = new String[1];
    assertTrue(eventually(Duration.ofSeconds(20), () -> {
      team.agent().get("/api/v1/mentions?platform=sandbox&limit=500").json().getJsonArray("items").stream()
          .map(o -> (JsonObject) o).filter(o -> postId.equals(o.getString("externalId"))).findFirst()
          .ifPresent(o -> id[0] = o.getString("caseId"));
      // The case is written just after its mention: wait until its thread lists the mention.
      return id[0] != null && listed(team.agent(), id[0], postId);
    }), "post " + postId + " was stored");
    return id[0];
  }

  private static JsonObject open(String caseId) {
    return team.agent().get("/api/v1/cases/" + caseId).json();
  }

  private static Set<String> threadIds(String caseId) {
    return open(caseId).getJsonArray("thread").stream().map(o -> ((JsonObject) o).getString("id")).collect(Collectors.toSet());
  }

  private static String field(ApiClient.Response r) {
    return r.json().getJsonArray("validation_errors").getJsonObject(0).getString("field");
  }

  @Test
  @DisplayName("a reply answers the mention the agent chose, not the newest; a mention of another case is a 422 naming inReplyTo")
  void replyToAChosenMention() {
    String first = sandbox.postMention("picker", "@ForkfulEats my soup was cold").getString("id");
    String caseId = caseOf(first);
    String second = sandbox.postReply("picker", "and the bread was missing", first).getString("id");
    assertEquals(caseId, caseOf(second));
    JsonObject reply = team.agent().post("/api/v1/cases/" + caseId + "/replies", new JsonObject()
        .put("text", "Sorry about the soup, we are on it").put("inReplyTo", "sandbox:" + first)).json();
    assertEquals("queued", reply.getString("state"), reply.encode());
    assertTrue(eventually(Duration.ofSeconds(15), () -> sandbox.brandPosts().stream().map(o -> (JsonObject) o)
        .anyMatch(p -> p.getString("text").equals("Sorry about the soup, we are on it"))), "published");
    JsonObject post = sandbox.brandPosts().stream().map(o -> (JsonObject) o)
        .filter(p -> p.getString("text").equals("Sorry about the soup, we are on it")).findFirst().orElseThrow();
    assertEquals(first, post.getString("in_reply_to_id"), "the chosen mention is answered: " + post.encode());

    String other = caseOf(sandbox.postMention("someone_else", "@ForkfulEats hello").getString("id"));
    for (String wrong : List.of("sandbox:" + otherMention(other), "sandbox:no-such-post")) {
      ApiClient.Response r = team.agent().post("/api/v1/cases/" + caseId + "/replies",
          new JsonObject().put("text", "Wrong target").put("inReplyTo", wrong));
      assertEquals(422, r.status(), r.body());
      assertEquals("inReplyTo", field(r));
    }
  }

  private static String otherMention(String caseId) {
    return open(caseId).getJsonArray("thread").getJsonObject(0).getString("externalId");
  }

  @Test
  @DisplayName("a customer's last seen moves with their newest post")
  void lastSeenMoves() {
    String first = sandbox.postMention("returning", "@ForkfulEats first try").getString("id");
    String caseId = caseOf(first);
    String firstSeen = open(caseId).getJsonObject("customer").getString("lastSeen");
    String second = sandbox.postReply("returning", "second try", first).getString("id");
    caseOf(second);
    JsonObject newest = open(caseId).getJsonArray("thread").stream().map(o -> (JsonObject) o)
        .filter(o -> o.getString("id").equals("sandbox:" + second)).findFirst().orElseThrow();
    assertTrue(eventually(Duration.ofSeconds(10), () ->
        newest.getString("createdAt").equals(open(caseId).getJsonObject("customer").getString("lastSeen"))),
        "last seen " + open(caseId).getJsonObject("customer").getString("lastSeen") + " is the newest post "
            + newest.getString("createdAt") + " (was " + firstSeen + ")");
  }

  @Test
  @DisplayName("merging a customer's other case keeps every mention, reply and note in one case; the other is resolved")
  void mergeKeepsEverything() {
    String older = sandbox.postMention("twocases", "@ForkfulEats the app crashed at checkout").getString("id");
    String from = caseOf(older);
    String olderReply = sandbox.postReply("twocases", "it crashed again", older).getString("id");
    assertEquals(from, caseOf(olderReply));
    team.agent().post("/api/v1/cases/" + from + "/notes", new JsonObject().put("text", "crash logged as BUG-1"));
    String replyId = team.agent().post("/api/v1/cases/" + from + "/replies",
        new JsonObject().put("text", "Thanks, our engineers are looking")).json().getString("id");
    assertTrue(eventually(Duration.ofSeconds(15), () -> "sent".equals(Team.replyIn(team.agent(), from, replyId)
        .getString("state"))));
    String newer = sandbox.postMention("twocases", "@ForkfulEats still cannot pay").getString("id");
    String into = caseOf(newer);
    assertFalse(into.equals(from), "two cases of one customer");

    ApiClient.Response merged = team.agent().post("/api/v1/cases/" + into + "/merge", new JsonObject().put("from", from));
    assertEquals(200, merged.status(), merged.body());
    assertEquals(3, merged.json().getInteger("mentionCount"));
    assertEquals(Set.of("sandbox:" + older, "sandbox:" + olderReply, "sandbox:" + newer, replyId), threadIds(into));
    assertEquals("crash logged as BUG-1", open(into).getJsonArray("notes").getJsonObject(0).getString("text"));
    JsonObject source = open(from).getJsonObject("case");
    assertEquals("resolved", source.getString("status"));
    assertEquals(0, source.getInteger("mentionCount"));
    assertTrue(eventually(Duration.ofSeconds(10), () -> team.admin().get("/api/v1/audit?action=case.merged").json()
        .getJsonArray("items").stream().map(o -> (JsonObject) o).anyMatch(e -> ("case:" + into).equals(e.getString("target")))));
    assertTrue(team.admin().get("/api/v1/audit?target=case:" + from).json().getInteger("total") > 0,
        "the merged case's history stays");

    String later = sandbox.postReply("twocases", "any news?", older).getString("id");
    assertEquals(into, caseOf(later), "an answer in the merged thread joins the case it was merged into");
  }

  @Test
  @DisplayName("a merge is refused for another customer's case (422), the case itself (400) or no case (422), naming from")
  void mergeRefusals() {
    String a = caseOf(sandbox.postMention("merge_a", "@ForkfulEats one").getString("id"));
    String b = caseOf(sandbox.postMention("merge_b", "@ForkfulEats two").getString("id"));
    ApiClient.Response other = team.agent().post("/api/v1/cases/" + a + "/merge", new JsonObject().put("from", b));
    assertEquals(422, other.status(), other.body());
    assertEquals("from", field(other));
    ApiClient.Response itself = team.agent().post("/api/v1/cases/" + a + "/merge", new JsonObject().put("from", a));
    assertEquals(400, itself.status());
    assertEquals("from", field(itself));
    assertEquals(422, team.agent().post("/api/v1/cases/" + a + "/merge", new JsonObject().put("from", "nope")).status());
    assertEquals(400, team.agent().post("/api/v1/cases/" + a + "/merge", new JsonObject()).status());
    assertEquals("new", open(b).getJsonObject("case").getString("status"), "nothing moved");
  }

  @Test
  @DisplayName("a bulk action applies to the good ids and names each failing id and why")
  void bulk() {
    String one = caseOf(sandbox.postMention("bulk_one", "@ForkfulEats late again").getString("id"));
    String two = caseOf(sandbox.postMention("bulk_two", "@ForkfulEats wrong order").getString("id"));
    JsonObject answer = team.agent().post("/api/v1/cases/bulk", new JsonObject()
        .put("ids", new JsonArray().add(one).add("no-such-case").add(two)).put("action", "resolve")).json();
    assertEquals(2, answer.getInteger("succeeded"), answer.encode());
    JsonArray items = answer.getJsonArray("items");
    assertEquals(List.of(one, "no-such-case", two), items.stream().map(o -> ((JsonObject) o).getString("id")).toList());
    assertEquals(404, items.getJsonObject(1).getInteger("status"));
    assertTrue(items.getJsonObject(1).getString("message").contains("no-such-case"));
    assertEquals("resolved", open(one).getJsonObject("case").getString("status"));
    assertEquals("resolved", open(two).getJsonObject("case").getString("status"));

    JsonObject tagged = team.agent().post("/api/v1/cases/bulk", new JsonObject()
        .put("ids", new JsonArray().add(one).add(two)).put("action", "tag").put("value", "Late")).json();
    assertEquals(2, tagged.getInteger("succeeded"));
    assertEquals(List.of("late"), open(two).getJsonObject("case").getJsonArray("tags").getList());
    JsonObject badTag = team.agent().post("/api/v1/cases/bulk", new JsonObject()
        .put("ids", new JsonArray().add(one)).put("action", "tag").put("value", "two words")).json();
    assertEquals("tags", badTag.getJsonArray("items").getJsonObject(0).getString("field"));

    String three = caseOf(sandbox.postMention("bulk_three", "@ForkfulEats buy followers cheap").getString("id"));
    JsonObject spam = team.agent().post("/api/v1/cases/bulk", new JsonObject()
        .put("ids", new JsonArray().add(three)).put("action", "spam")).json();
    assertEquals(1, spam.getInteger("succeeded"), spam.encode());
    JsonObject opened = open(three);
    assertEquals("resolved", opened.getJsonObject("case").getString("status"));
    assertEquals(List.of("spam"), opened.getJsonObject("case").getJsonArray("tags").getList());
    assertEquals(List.of("spam"), opened.getJsonObject("customer").getJsonArray("tags").getList(), "the customer is flagged");

    JsonObject assigned = team.agent().post("/api/v1/cases/bulk", new JsonObject()
        .put("ids", new JsonArray().add(one)).put("action", "assign").put("value", "mia")).json();
    assertEquals("mia", assigned.getJsonArray("items").getJsonObject(0).getJsonObject("case").getString("assignee"));
    String four = caseOf(sandbox.postMention("bulk_four", "@ForkfulEats call me tomorrow").getString("id"));
    JsonObject snoozed = team.agent().post("/api/v1/cases/bulk", new JsonObject().put("ids", new JsonArray().add(four)
        .add(two)).put("action", "snooze").put("value", java.time.Instant.now().plus(Duration.ofDays(1)).toString())).json();
    assertEquals("pending", snoozed.getJsonArray("items").getJsonObject(0).getJsonObject("case").getString("status"));
    assertEquals("snoozedUntil", snoozed.getJsonArray("items").getJsonObject(1).getString("field"),
        "a resolved case is not snoozed: " + snoozed.encode());
    assertNull(open(two).getJsonObject("case").getString("snoozedUntil"));
  }

  @Test
  @DisplayName("a bulk request that is wrong as a whole is refused naming ids, action or value")
  void bulkRefusals() {
    record Bad(JsonObject body, String field) { }
    for (Bad bad : List.of(new Bad(new JsonObject().put("action", "resolve"), "ids"),
        new Bad(new JsonObject().put("ids", new JsonArray()).put("action", "resolve"), "ids"),
        new Bad(new JsonObject().put("ids", new JsonArray().add("x")).put("action", "explode"), "action"),
        new Bad(new JsonObject().put("ids", new JsonArray().add("x")), "action"),
        new Bad(new JsonObject().put("ids", new JsonArray().add("x")).put("action", "snooze").put("value", "soon"), "value"),
        new Bad(new JsonObject().put("ids", new JsonArray().add("x")).put("action", "tag"), "value"))) {
      ApiClient.Response r = team.agent().post("/api/v1/cases/bulk", bad.body());
      assertEquals(400, r.status(), bad.body().encode() + " → " + r.body());
      assertEquals(bad.field(), field(r));
    }
  }

  private static boolean listed(ApiClient reader, String caseId, String externalId) {
    ApiClient.Response r = reader.get("/api/v1/cases/" + caseId);
    return r.status() == 200 && r.json().getJsonArray("thread").stream()
        .anyMatch(o -> externalId.equals(((JsonObject) o).getString("externalId")));
  }
}

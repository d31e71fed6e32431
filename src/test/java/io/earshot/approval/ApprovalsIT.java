package io.earshot.approval;

import static io.earshot.testing.ApiClient.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.model.Filters;
import io.earshot.store.MongoStore;
import io.earshot.testing.ApiClient;
import io.earshot.testing.SandboxClient;
import io.earshot.testing.Team;
import io.earshot.testing.TestHub;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Replies a policy holds wait for a manager, who approves (editing or not), rejects or sends
 * back; what went out is exactly what was approved, once; the audit log keeps both texts.
 */
@DisplayName("Approvals")
class ApprovalsIT {

  @Test
  @DisplayName("a reply saying 'refund' is held, the manager edits and approves it, and the edited text is published once")
  void heldEditedApproved() {
    try (SandboxClient sandbox = new SandboxClient();
         TestHub hub = TestHub.start(Map.of("EARSHOT_CONNECTORS_DIR", sandbox.connectorsDir().toString()))) {
      Team team = Team.of(hub);
      sandbox.postMention("charged_twice", "@ForkfulEats I was charged twice for one order");
      String caseId = Team.awaitCase(team.agent());
      JsonObject held = team.agent().post("/api/v1/cases/" + caseId + "/replies",
          new JsonObject().put("text", "So sorry! A refund is on its way.")).json();
      assertEquals("pending_approval", held.getString("state"), held.encode());
      assertEquals("refund", held.getString("heldBy"));
      assertEquals("refund", held.getJsonObject("approval").getString("matched"));
      String replyId = held.getString("id");

      assertEquals(403, team.agent().get("/api/v1/approvals").status(), "agents do not approve");
      JsonObject item = team.manager().get("/api/v1/approvals").json().getJsonArray("items").getJsonObject(0);
      assertEquals(replyId, item.getJsonObject("reply").getString("id"));
      assertEquals(caseId, item.getJsonObject("case").getString("id"));
      assertEquals("charged_twice", item.getJsonObject("case").getString("customerHandle"));
      assertTrue(sandbox.brandPosts().isEmpty(), "nothing goes out while held");

      String edited = "So sorry! The second charge is refunded today; it shows within 3 days.";
      JsonObject approved = team.manager().post("/api/v1/approvals/" + replyId,
          new JsonObject().put("decision", "approve").put("text", edited)).json();
      assertEquals("queued", approved.getString("state"), approved.encode());
      assertTrue(eventually(Duration.ofSeconds(15), () -> sandbox.brandPosts().size() == 1), "published");
      assertEquals(edited, sandbox.brandPosts().getJsonObject(0).getString("text"));
      JsonObject sent = Team.replyIn(team.agent(), caseId, replyId);
      assertTrue(eventually(Duration.ofSeconds(10), () -> "sent".equals(Team.replyIn(team.agent(), caseId, replyId).getString("state"))));
      assertEquals("So sorry! A refund is on its way.", sent.getJsonObject("approval").getString("submittedText"));
      assertEquals("mia", sent.getJsonObject("approval").getString("decidedBy"));
      assertEquals(0, team.manager().get("/api/v1/approvals").json().getInteger("total"));

      assertTrue(eventually(Duration.ofSeconds(10), () -> audit(hub, "reply:" + replyId).size() >= 3), "audited");
      List<Document> trail = audit(hub, "reply:" + replyId);
      assertEquals(List.of("reply.submitted", "reply.approved"), trail.stream().map(d -> d.getString("action"))
          .filter(a -> !a.equals("reply.sent")).toList());
      assertTrue(trail.get(1).getString("detail").contains("A refund is on its way.")
          && trail.get(1).getString("detail").contains(edited), "both texts: " + trail.get(1).toJson());
      assertTrue(eventually(Duration.ofSeconds(10), () -> audit(hub, "reply:" + replyId).stream()
          .anyMatch(d -> "reply.sent".equals(d.getString("action")))));
    }
  }

  @Test
  @DisplayName("a rejected reply never reaches the platform and its author sees why; a returned one comes back with a note")
  void rejectedAndReturned() {
    try (SandboxClient sandbox = new SandboxClient();
         TestHub hub = TestHub.start(Map.of("EARSHOT_CONNECTORS_DIR", sandbox.connectorsDir().toString()))) {
      Team team = Team.of(hub);
      sandbox.postMention("angry_one", "@ForkfulEats my food was cold, I want my money back");
      String caseId = Team.awaitCase(team.agent());
      String rejectedId = team.agent().post("/api/v1/cases/" + caseId + "/replies",
          new JsonObject().put("text", "We will see you in court, our lawyer says so.")).json().getString("id");
      ApiClient.Response noReason = team.manager().post("/api/v1/approvals/" + rejectedId,
          new JsonObject().put("decision", "reject"));
      assertEquals(400, noReason.status());
      assertTrue(noReason.json().getString("message").startsWith("reason:"), noReason.body());
      assertEquals("rejected", team.manager().post("/api/v1/approvals/" + rejectedId,
          new JsonObject().put("decision", "reject").put("reason", "Never threaten customers")).json().getString("state"));
      JsonObject seen = Team.replyIn(team.agent(), caseId, rejectedId);
      assertEquals("Never threaten customers", seen.getJsonObject("approval").getString("note"));
      assertEquals(409, team.manager().post("/api/v1/approvals/" + rejectedId,
          new JsonObject().put("decision", "approve")).status(), "a rejected reply cannot be approved later");

      String returnedId = team.agent().post("/api/v1/cases/" + caseId + "/replies",
          new JsonObject().put("text", "Here is your refund")).json().getString("id");
      assertEquals("draft", team.manager().post("/api/v1/approvals/" + returnedId,
          new JsonObject().put("decision", "return").put("reason", "Say which order")).json().getString("state"));
      JsonObject again = team.agent().post("/api/v1/cases/" + caseId + "/replies",
          new JsonObject().put("text", "Your refund for order 77 is done").put("draft", returnedId)).json();
      assertEquals(returnedId, again.getString("id"));
      assertEquals("pending_approval", again.getString("state"), "held again by the policy");
      assertEquals("Your refund for order 77 is done", again.getJsonObject("approval").getString("submittedText"));

      assertEquals(400, team.manager().post("/api/v1/approvals/" + returnedId,
          new JsonObject().put("decision", "maybe")).status());
      // A reply no rule holds goes out after them: once it is posted, the publisher has passed the others by.
      team.agent().post("/api/v1/cases/" + caseId + "/replies", new JsonObject().put("text", "Thanks for your patience")
          .put("confirm", true)); // the held one answers the same mention
      assertTrue(eventually(Duration.ofSeconds(15), () -> !sandbox.brandPosts().isEmpty()), "the free reply went out");
      assertEquals(1, sandbox.brandPosts().size(), "nothing held, rejected or returned went out: " + sandbox.brandPosts());
      assertEquals("Thanks for your patience", sandbox.brandPosts().getJsonObject(0).getString("text"));
    }
  }

  @Test
  @DisplayName("nobody approves their own reply, and a manager cannot change the policy")
  void selfApprovalAndPolicyRights() {
    try (SandboxClient sandbox = new SandboxClient();
         TestHub hub = TestHub.start(Map.of("EARSHOT_CONNECTORS_DIR", sandbox.connectorsDir().toString()))) {
      Team team = Team.of(hub);
      sandbox.postMention("someone", "@ForkfulEats missing fries");
      String caseId = Team.awaitCase(team.agent());
      String own = team.manager().post("/api/v1/cases/" + caseId + "/replies",
          new JsonObject().put("text", "Refund sent")).json().getString("id");
      ApiClient.Response self = team.manager().post("/api/v1/approvals/" + own, new JsonObject().put("decision", "approve"));
      assertEquals(403, self.status(), self.body());
      assertEquals("queued", team.admin().post("/api/v1/approvals/" + own,
          new JsonObject().put("decision", "approve")).json().getString("state"), "another approver may");
      assertEquals(403, team.manager().put("/api/v1/policies/approval", new JsonObject().put("rules", new JsonArray())).status());
      assertEquals(200, team.manager().get("/api/v1/policies/approval").status());
      assertEquals(403, team.agent().get("/api/v1/policies/approval").status());
    }
  }

  @Test
  @DisplayName("the admin's policy is validated field by field, then holds what it says (reach, platform) and nothing else")
  void policyReplaced() {
    try (SandboxClient sandbox = new SandboxClient();
         TestHub hub = TestHub.start(Map.of("EARSHOT_CONNECTORS_DIR", sandbox.connectorsDir().toString()))) {
      Team team = Team.of(hub);
      JsonObject initial = team.admin().get("/api/v1/policies/approval").json();
      assertEquals(0, initial.getLong("version"));
      assertEquals("refund", initial.getJsonArray("rules").getJsonObject(0).getString("id"));
      JsonObject bad = new JsonObject().put("rules", new JsonArray().add(new JsonObject().put("id", "big")
          .put("when", new JsonObject().put("followersAtLeast", "many"))));
      ApiClient.Response refused = team.admin().put("/api/v1/policies/approval", bad);
      assertEquals(400, refused.status());
      assertTrue(refused.json().getString("message").startsWith("rules[0].when.followersAtLeast:"), refused.body());
      JsonObject policy = new JsonObject().put("rules", new JsonArray().add(new JsonObject().put("id", "all-sandbox")
          .put("when", new JsonObject().put("platforms", new JsonArray().add("sandbox"))).put("escalateAfterMinutes", 5)));
      JsonObject saved = team.admin().put("/api/v1/policies/approval", policy).json();
      assertEquals(1, saved.getLong("version"), saved.encode());
      sandbox.postMention("plain", "@ForkfulEats hello");
      String caseId = Team.awaitCase(team.agent());
      JsonObject held = team.agent().post("/api/v1/cases/" + caseId + "/replies", new JsonObject().put("text", "Hi there!")).json();
      assertEquals("all-sandbox", held.getString("heldBy"), "held by the new rule, not by words");
      assertNotNull(held.getJsonObject("approval").getString("escalateAt"));
      JsonObject none = new JsonObject().put("rules", new JsonArray());
      assertEquals(2, team.admin().put("/api/v1/policies/approval", none).json().getLong("version"));
      assertEquals("queued", team.agent().post("/api/v1/cases/" + caseId + "/replies",
          new JsonObject().put("text", "Refund? Sure.").put("confirm", true)).json().getString("state"),
          "no rules: nothing held");
    }
  }

  private static List<Document> audit(TestHub hub, String target) {
    MongoStore mongo = hub.hub().mongo();
    return mongo.run(() -> mongo.collection(MongoStore.AUDIT).find(Filters.eq("target", target))
        .sort(new Document("at", 1)).into(new ArrayList<>())).await();
  }

}

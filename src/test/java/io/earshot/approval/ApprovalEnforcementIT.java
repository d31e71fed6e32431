package io.earshot.approval;

import static io.earshot.testing.ApiClient.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.earshot.redis.EmbeddedRedis;
import io.earshot.store.EmbeddedMongo;
import io.earshot.store.MongoStore;
import io.earshot.testing.SandboxClient;
import io.earshot.testing.Team;
import io.earshot.testing.TestHub;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What needed approval and lacks it is never published, whatever brings it to the outbox: a
 * restart, a second instance draining the same outbox, or a reply moved to {@code queued} behind
 * the lifecycle's back (written straight into the database), and a text changed after approval.
 */
@DisplayName("Approval is enforced")
class ApprovalEnforcementIT {

  @Test
  @DisplayName("across a restart and a second instance, and against replies queued without approval, nothing held is published")
  void neverPublishedWithoutApproval() throws Exception {
    try (EmbeddedMongo mongo = EmbeddedMongo.start(TestHub.tempDir("shared-mongo"), false);
         EmbeddedRedis redis = EmbeddedRedis.start(TestHub.tempDir("shared-redis"));
         SandboxClient sandbox = new SandboxClient()) {
      Map<String, String> shared = new HashMap<>(Map.of("MONGO_URL", mongo.connectionString(), "REDIS_URL", redis.url(),
          "EARSHOT_CONNECTORS_DIR", sandbox.connectorsDir().toString()));
      String caseId;
      String held;
      String forged;
      String changed;
      try (TestHub first = TestHub.start(shared)) {
        Team team = Team.of(first);
        sandbox.postMention("charged_twice", "@ForkfulEats charged twice again");
        caseId = Team.awaitCase(team.agent());
        held = reply(team, caseId, "A refund is coming");
        forged = reply(team, caseId, "Compensation: a free meal");
        changed = reply(team, caseId, "Your refund: 10 EUR");
        assertEquals("queued", team.manager().post("/api/v1/approvals/" + changed,
            new JsonObject().put("decision", "approve")).json().getString("state"));
        assertTrue(eventually(Duration.ofSeconds(15), () -> sandbox.brandPosts().size() == 1), "the approved one went out");
      }
      try (TestHub second = TestHub.start(shared); TestHub third = TestHub.start(shared)) {
        MongoStore store = second.hub().mongo();
        // Behind the lifecycle's back: one held reply queued without approval; the approved one re-queued with new text.
        store.write(() -> store.collection(MongoStore.REPLIES).updateOne(Filters.eq("_id", forged),
            Updates.combine(Updates.set("state", "queued"), Updates.set("nextAttemptAt", new java.util.Date())))).await();
        store.write(() -> store.collection(MongoStore.REPLIES).updateOne(Filters.eq("_id", changed),
            Updates.combine(Updates.set("state", "queued"), Updates.set("text", "Your refund: 1000 EUR"),
                Updates.set("nextAttemptAt", new java.util.Date())))).await();
        Team team = new Team(second.api().login("admin", second.adminPassword()),
            second.api().login("ann", "ann-password-1"), second.api().login("mia", "mia-password-1"));
        assertTrue(eventually(Duration.ofSeconds(20), () -> "failed".equals(Team.replyIn(team.agent(), caseId, forged)
            .getString("state")) && "failed".equals(Team.replyIn(team.agent(), caseId, changed).getString("state"))),
            "the outbox refuses both for good");
        assertTrue(Team.replyIn(team.agent(), caseId, forged).getString("lastError").contains("not approved"));
        assertEquals("pending_approval", Team.replyIn(team.agent(), caseId, held).getString("state"));
        assertEquals(1, sandbox.brandPosts().size(), "only the approved text ever went out");
        assertEquals("Your refund: 10 EUR", sandbox.brandPosts().getJsonObject(0).getString("text"));
      }
    }
  }

  private static String reply(Team team, String caseId, String text) {
    // Every reply answers the same mention: past the first, the collision check asks for confirm.
    JsonObject r = team.agent().post("/api/v1/cases/" + caseId + "/replies", new JsonObject().put("text", text)
        .put("confirm", true)).json();
    assertEquals("pending_approval", r.getString("state"), r.encode());
    return r.getString("id");
  }
}

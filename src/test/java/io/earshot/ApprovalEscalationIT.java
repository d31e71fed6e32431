package io.earshot;

import static io.earshot.testing.ApiClient.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.testing.LiveListener;
import io.earshot.testing.SandboxClient;
import io.earshot.testing.Team;
import io.earshot.testing.TestHub;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Approval escalation")
class ApprovalEscalationIT {

  @Test
  @DisplayName("a reply held past its rule's escalation time is escalated once, live to every approver, and stays held")
  void escalatedOnce() {
    try (SandboxClient sandbox = new SandboxClient();
         TestHub hub = TestHub.start(Map.of("EARSHOT_CONNECTORS_DIR", sandbox.connectorsDir().toString()))) {
      Team team = Team.of(hub);
      sandbox.postMention("waiting_one", "@ForkfulEats I want my money back");
      String caseId = Team.awaitCase(team.agent());
      String replyId = team.agent().post("/api/v1/cases/" + caseId + "/replies",
          new JsonObject().put("text", "A refund is coming")).json().getString("id");
      try (LiveListener approver = new LiveListener(hub.hub().port(), team.admin().sessionCookie())) {
        assertEquals(0, hub.hub().escalateApprovals(Instant.now().plus(Duration.ofMinutes(29))).await(),
            "the default rule escalates after 30 minutes");
        assertEquals(1, hub.hub().escalateApprovals(Instant.now().plus(Duration.ofMinutes(31))).await());
        assertEquals(0, hub.hub().escalateApprovals(Instant.now().plus(Duration.ofHours(2))).await(), "only once");
        assertTrue(eventually(Duration.ofSeconds(5), () -> approver.events().stream()
            .anyMatch(e -> "reply.escalated".equals(e.getString("type")))), "told live");
      }
      JsonObject item = team.manager().get("/api/v1/approvals").json().getJsonArray("items").getJsonObject(0);
      assertEquals(replyId, item.getJsonObject("reply").getString("id"));
      assertEquals("pending_approval", item.getJsonObject("reply").getString("state"));
      assertTrue(item.getJsonObject("reply").getJsonObject("approval").getBoolean("escalated"));
    }
  }
}

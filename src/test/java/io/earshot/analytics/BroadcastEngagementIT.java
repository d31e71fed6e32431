package io.earshot.analytics;

import static io.earshot.testing.ApiClient.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.testing.ApiClient;
import io.earshot.testing.SandboxClient;
import io.earshot.testing.Team;
import io.earshot.testing.TestHub;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The engagement a broadcast's public post earns on the platform reaches the analytics: the
 * sandbox platform's own counts of the post are the independent figure the overview, its CSV
 * export and a rebuild must each show.
 */
@DisplayName("Analytics: engagement of broadcast posts")
class BroadcastEngagementIT {
  // A reading at every second of a post's first half minute, so each round measures it.
  private static final String SECONDS = IntStream.rangeClosed(1, 30).mapToObj(String::valueOf)
      .collect(Collectors.joining(","));
  private static SandboxClient sandbox;
  private static TestHub hub;
  private static Team team;
  private static ApiClient marketer;

  @BeforeAll
  static void start() {
    sandbox = new SandboxClient();
    hub = TestHub.start(Map.of("EARSHOT_CONNECTORS_DIR", sandbox.connectorsDir().toString(),
        "EARSHOT_ENGAGEMENT_INTERVAL_SECONDS", "1", "EARSHOT_ENGAGEMENT_SCHEDULE", SECONDS));
    team = Team.of(hub);
    marketer = Team.person(hub, team.admin(), "max", "marketer");
  }

  @AfterAll
  static void stop() {
    hub.close();
    sandbox.close();
  }

  @Test
  @DisplayName("a broadcast post's likes, reposts and replies on the platform show in broadcasts.engagement, the CSV and after a rebuild, and nowhere else")
  void postEngagementRollsUp() {
    String postId = sentBroadcastPost("Our stores open an hour later on Sunday for the inventory.");
    sandbox.postReply("be_ana", "@ForkfulEats does that include the airport store?", postId);
    JsonObject platform = sandbox.react(postId, 5, 2);
    assertEquals(1, platform.getLong("replies"), "the platform counts the customer's reply: " + platform.encode());
    JsonObject expected = new JsonObject().put("posts", 1L).put("likes", platform.getLong("likes"))
        .put("reposts", platform.getLong("reposts")).put("replies", platform.getLong("replies"))
        .put("quotes", null).put("impressions", null);

    assertTrue(eventually(Duration.ofSeconds(20), () -> expected.equals(broadcastEngagement(""))),
        () -> "the overview: " + overview("").encode() + " expected " + expected.encode());
    assertEquals(0L, overview("").getJsonObject("engagement").getLong("posts"), "not counted as a reply in a case");
    assertEquals(0L, broadcastEngagement("platform=sandbox").getLong("posts"),
        "a broadcast counts under no real platform, its post too");
    String csv = marketer.get("/api/v1/analytics/export.csv?view=summary").body();
    assertTrue(csv.contains("broadcasts.engagement.posts,1") && csv.contains("broadcasts.engagement.likes,5")
        && csv.contains("broadcasts.engagement.reposts,2") && csv.contains("broadcasts.engagement.replies,1"), csv);

    Analytics.rebuild(hub.hub().mongo()).run().await();
    assertEquals(expected, broadcastEngagement(""), "a rebuild reads the same from the post's outbox row");
  }

  /** Posts a broadcast on the sandbox account, approved by a manager; answers the post's platform id once sent. */
  private static String sentBroadcastPost(String text) {
    String id = team.agent().post("/api/v1/broadcasts", new JsonObject().put("text", text)
        .put("accounts", new JsonArray().add("sandbox"))).json().getString("id");
    assertEquals(200, team.manager().post("/api/v1/approvals/" + id, new JsonObject().put("decision", "approve")).status());
    assertTrue(eventually(Duration.ofSeconds(30), () -> "sent".equals(view(id).getString("state"))), view(id).encode());
    return view(id).getJsonArray("posts").getJsonObject(0).getString("externalId");
  }

  private static JsonObject view(String id) {
    return team.agent().get("/api/v1/broadcasts/" + id).json();
  }

  private static JsonObject overview(String query) {
    return marketer.get("/api/v1/analytics/overview?" + query).json();
  }

  private static JsonObject broadcastEngagement(String query) {
    return overview(query).getJsonObject("broadcasts").getJsonObject("engagement");
  }
}

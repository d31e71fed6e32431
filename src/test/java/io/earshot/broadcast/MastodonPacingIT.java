package io.earshot.broadcast;

import static io.earshot.testing.ApiClient.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.connector.HubAccounts;
import io.earshot.demo.emulator.mastodon.MastodonEmulator;
import io.earshot.testing.ApiClient;
import io.earshot.testing.Team;
import io.earshot.testing.TestHub;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Personal notices against the Mastodon emulator enforcing its per-account limit as strictly as
 * a real server (fixed windows, 429 with {@code X-RateLimit-*} headers past the limit): the
 * pacing keeps every window under it, so no request is ever refused, and each customer is told
 * once.
 */
@DisplayName("Broadcast pacing against a strict Mastodon limit")
class MastodonPacingIT {
  private static final int LIMIT = 20;
  private static final Duration WINDOW = Duration.ofSeconds(10);
  private static final int CUSTOMERS = 14;

  @Test
  @DisplayName("the emulator refuses the request past its limit with 429 and the rate-limit headers")
  void emulatorIsStrict() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      MastodonEmulator emu = new MastodonEmulator(vertx);
      emu.start(0).await();
      emu.enforceRateLimit(3, Duration.ofMinutes(5));
      HttpClient http = HttpClient.newHttpClient();
      HttpRequest verify = HttpRequest.newBuilder(URI.create(emu.baseUrl() + "/api/v1/accounts/verify_credentials"))
          .header("Authorization", "Bearer " + MastodonEmulator.TOKEN).build();
      for (int i = 0; i < 3; i++) {
        HttpResponse<String> ok = http.send(verify, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ok.statusCode());
        assertEquals(String.valueOf(2 - i), ok.headers().firstValue("X-RateLimit-Remaining").orElseThrow());
      }
      HttpResponse<String> refused = http.send(verify, HttpResponse.BodyHandlers.ofString());
      assertEquals(429, refused.statusCode());
      assertEquals("0", refused.headers().firstValue("X-RateLimit-Remaining").orElseThrow());
      assertEquals("3", refused.headers().firstValue("X-RateLimit-Limit").orElseThrow());
      assertTrue(Instant.parse(refused.headers().firstValue("X-RateLimit-Reset").orElseThrow()).isAfter(Instant.now()));
      assertEquals(1, emu.rateLimitRefusals());
    } finally {
      vertx.close().await();
    }
  }

  @Test
  @DisplayName("notices to 14 customers on one account never trip a 20-per-10-s limit, and each arrives once")
  void pacedUnderTheLimit() {
    Vertx vertx = Vertx.vertx();
    MastodonEmulator emu = new MastodonEmulator(vertx);
    emu.start(0).await();
    Path dir = TestHub.tempDir("earshot-connectors");
    HubAccounts.write(dir, "masto", "mastodon", emu.baseUrl(), Map.of("accessToken", MastodonEmulator.TOKEN), 5, Map.of());
    for (int i = 0; i < CUSTOMERS; i++) {
      emu.seedMention("@ForkfulEats my order page shows an error " + i);
    }
    // 12 notices per 10 s at most, leaving room for the account's own polling under the 20.
    try (TestHub hub = TestHub.start(Map.of("EARSHOT_CONNECTORS_DIR", dir.toString(),
        "EARSHOT_BROADCAST_PACING", "mastodon=12/10", "EARSHOT_ENGAGEMENT_INTERVAL_SECONDS", "3600"))) {
      Team team = Team.of(hub);
      assertTrue(eventually(Duration.ofSeconds(30), () -> team.agent().get("/api/v1/cases?limit=100").json()
          .getInteger("total") >= CUSTOMERS), "every mention read");
      emu.enforceRateLimit(LIMIT, WINDOW);
      List<String> caseIds = team.agent().get("/api/v1/cases?limit=100").json().getJsonArray("items").stream()
          .map(o -> ((JsonObject) o).getString("id")).toList();
      String problem = new ProblemFixture(hub).create("Order page errors", "Fixed within the hour.", caseIds);
      String id = team.agent().post("/api/v1/broadcasts", new JsonObject().put("problemId", problem)
          .put("text", "Some order pages show an error; a fix is coming within the hour.")
          .put("accounts", new JsonArray().add("masto")).put("notifyAffected", true)
          .put("noticeText", "@{{customer.handle}} sorry about the order page error: a fix is coming within the hour."))
          .json().getString("id");
      team.manager().post("/api/v1/approvals/" + id, new JsonObject().put("decision", "approve"));
      assertTrue(eventually(Duration.ofSeconds(60), () -> "sent".equals(view(team.agent(), id).getString("state"))),
          view(team.agent(), id).encode());
      assertEquals(CUSTOMERS, view(team.agent(), id).getJsonObject("notices").getInteger("sent"));
      List<JsonObject> notices = emu.posted().stream().filter(p -> p.getString("in_reply_to_id") != null).toList();
      assertEquals(CUSTOMERS, notices.size(), "one notice per customer");
      assertEquals(CUSTOMERS, notices.stream().map(p -> p.getString("in_reply_to_id")).collect(Collectors.toSet()).size());
      assertEquals(0, emu.rateLimitRefusals(), "the limit was never tripped");
      assertTrue(emu.mostRequestsInAWindow() <= LIMIT);
      List<Instant> at = emu.posted().stream().map(p -> Instant.parse(p.getString("created_at"))).sorted().toList();
      int most = mostIn(at, WINDOW);
      System.out.println("mastodon pacing: posts=" + at.size() + " mostPostsIn10s=" + most + " mostRequestsInAWindow="
          + emu.mostRequestsInAWindow() + " over " + Duration.between(at.get(0), at.get(at.size() - 1)).toMillis() + " ms");
      assertTrue(most <= 12, "at most 12 posts in any 10 s, was " + most);
    } finally {
      vertx.close().await();
    }
  }

  private static int mostIn(List<Instant> sorted, Duration window) {
    int most = 0;
    for (int i = 0, j = 0; i < sorted.size(); i++) {
      while (Duration.between(sorted.get(j), sorted.get(i)).compareTo(window) >= 0) {
        j++;
      }
      most = Math.max(most, i - j + 1);
    }
    return most;
  }

  private static JsonObject view(ApiClient api, String id) {
    return api.get("/api/v1/broadcasts/" + id).json();
  }
}

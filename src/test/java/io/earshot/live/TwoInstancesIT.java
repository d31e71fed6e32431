package io.earshot.live;

import static io.earshot.testing.ApiClient.eventually;
import static io.earshot.testing.ApiClient.mention;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.redis.EmbeddedRedis;
import io.earshot.store.EmbeddedMongo;
import io.earshot.testing.ApiClient;
import io.earshot.testing.LiveListener;
import io.earshot.testing.TestHub;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Two hub instances sharing one MongoDB and one Redis")
class TwoInstancesIT {

  @Test
  @DisplayName("a mention ingested through one instance appears live on a dashboard connected to the other")
  void liveUpdatesCrossInstances() {
    try (EmbeddedMongo mongo = EmbeddedMongo.start(TestHub.tempDir("shared-mongo"), false);
         EmbeddedRedis redis = EmbeddedRedis.start(TestHub.tempDir("shared-redis"))) {
      Map<String, String> shared = Map.of("MONGO_URL", mongo.connectionString(), "REDIS_URL", redis.url());
      try (TestHub a = TestHub.start(shared); TestHub b = TestHub.start(shared)) {
        ApiClient onB = b.api().login("admin", b.adminPassword());
        try (LiveListener dashboardOnB = new LiveListener(b.hub().port(), onB.sessionCookie())) {
          JsonObject body = a.api().ingest(new JsonArray().add(mention("cross-1", "cross-author",
              "@VoltMobile no signal since 8am, still nothing"))).json();
          assertEquals(1, body.getInteger("accepted"));
          assertTrue(eventually(Duration.ofSeconds(5), () -> dashboardOnB.saw("mention.received", "mention", "externalId", "cross-1")),
              "instance B's dashboard got the mention ingested on A: " + dashboardOnB.events());
          assertTrue(eventually(Duration.ofSeconds(5), () -> dashboardOnB.events().stream()
              .anyMatch(e -> "case.opened".equals(e.getString("type")))), "and the case it opened");
          JsonArray casesOnB = onB.get("/api/v1/cases").json().getJsonArray("items");
          assertEquals("handle_cross-author", casesOnB.getJsonObject(0).getJsonObject("customer").getString("handle"));
        }
        JsonObject again = b.api().ingest(new JsonArray().add(mention("cross-1", "cross-author", "dup"))).json();
        assertEquals(1, again.getInteger("duplicates"), "a mention stored via A is a duplicate via B");
      }
    }
  }
}

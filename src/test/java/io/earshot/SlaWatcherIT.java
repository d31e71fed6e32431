package io.earshot;

import static io.earshot.testing.ApiClient.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.redis.EmbeddedRedis;
import io.earshot.store.EmbeddedMongo;
import io.earshot.testing.ApiClient;
import io.earshot.testing.LiveListener;
import io.earshot.testing.TestHub;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The SLA watcher")
class SlaWatcherIT {

  @Test
  @DisplayName("with two instances, a policy set on one starts clocks on the other; a 1-minute target warns live and breaches exactly once each, and never again")
  void warnsAndBreachesOnce() {
    try (EmbeddedMongo mongo = EmbeddedMongo.start(TestHub.tempDir("shared-mongo"), false);
         EmbeddedRedis redis = EmbeddedRedis.start(TestHub.tempDir("shared-redis"))) {
      Map<String, String> shared = Map.of("MONGO_URL", mongo.connectionString(), "REDIS_URL", redis.url(),
          "EARSHOT_SLA_WATCH_SECONDS", "1");
      try (TestHub a = TestHub.start(shared); TestHub b = TestHub.start(shared)) {
        ApiClient admin = a.api().login("admin", a.adminPassword());
        JsonObject band = new JsonObject().put("name", "fast").put("minPriority", 0).put("firstResponseMinutes", 1);
        assertEquals(200, admin.put("/api/v1/policies/sla", new JsonObject().put("warnAtPercent", 1)
            .put("brands", new JsonArray().add(new JsonObject().put("brand", "default")
                .put("bands", new JsonArray().add(band))))).status());
        ApiClient adminB = b.api().login("admin", b.adminPassword());
        try (LiveListener live = new LiveListener(b.hub().port(), adminB.sessionCookie())) {
          // Set through A, in force on B at once: B's ingest starts the clock.
          assertEquals(202, b.api().ingest(new JsonArray().add(ApiClient.mention("w1", "slow", "hello?"))).status());
          assertTrue(eventually(Duration.ofSeconds(15), () -> {
            var items = adminB.get("/api/v1/cases").json().getJsonArray("items");
            return !items.isEmpty() && items.getJsonObject(0).getJsonObject("sla") != null;
          }), "the clock started on B: " + adminB.get("/api/v1/cases").body());
          // 1 % of a minute: the periodic watcher (every second, on whichever instance holds the lease) warns at once.
          assertTrue(eventually(Duration.ofSeconds(30), () -> live.saw("case.sla_warning", "case", "status", "new")),
              "the warning reached the dashboards of the other instance: " + adminB.get("/api/v1/cases").body());
          Instant late = Instant.now().plus(Duration.ofSeconds(61));
          int told = Future.all(a.hub().watchSlas(late), b.hub().watchSlas(late)).map(all ->
              all.<Integer>resultAt(0) + all.<Integer>resultAt(1)).await();
          assertEquals(1, told, "of two instances checking at once, one tells the breach");
          assertTrue(eventually(Duration.ofSeconds(10), () -> live.saw("case.sla_breached", "case", "status", "new")));
        }
        Instant later = Instant.now().plus(Duration.ofMinutes(5));
        assertEquals(0, (int) a.hub().watchSlas(later).await());
        assertEquals(0, (int) b.hub().watchSlas(later).await());
        assertEquals(1, audited(admin, "case.sla_warning"));
        assertEquals(1, audited(admin, "case.sla_breached"));
        JsonObject c = admin.get("/api/v1/cases").json().getJsonArray("items").getJsonObject(0);
        assertEquals("breached", c.getJsonObject("sla").getString("state"));
        assertTrue(c.getJsonObject("sla").getJsonObject("firstResponse").getBoolean("breached"));
      }
    }
  }

  private static int audited(ApiClient admin, String action) {
    return admin.get("/api/v1/audit?action=" + action).json().getJsonArray("items").size();
  }
}

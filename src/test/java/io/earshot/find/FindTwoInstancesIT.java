package io.earshot.find;

import static io.earshot.testing.ApiClient.eventually;
import static io.earshot.testing.ApiClient.mention;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.earshot.redis.EmbeddedRedis;
import io.earshot.store.EmbeddedMongo;
import io.earshot.store.MongoStore;
import io.earshot.testing.ApiClient;
import io.earshot.testing.TestHub;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Two hub instances on one MongoDB and Redis: each one's index sees the other's changes")
class FindTwoInstancesIT {
  private static final Duration FEW_SECONDS = Duration.ofSeconds(5);

  @Test
  @DisplayName("a case opened and assigned through A is found through B; a change no event told reaches B by catch-up")
  void changesCrossInstances() {
    try (EmbeddedMongo mongo = EmbeddedMongo.start(TestHub.tempDir("find-shared-mongo"), false);
         EmbeddedRedis redis = EmbeddedRedis.start(TestHub.tempDir("find-shared-redis"))) {
      Map<String, String> shared = Map.of("MONGO_URL", mongo.connectionString(), "REDIS_URL", redis.url());
      try (TestHub a = TestHub.start(shared); TestHub b = TestHub.start(shared)) {
        ApiClient onA = a.api().login("admin", a.adminPassword());
        ApiClient onB = b.api().login("admin", b.adminPassword());
        assertEquals(1, onA.ingest(new JsonArray().add(mention("two-1", "two-author", "@brand my kettle is broken")))
            .json().getInteger("accepted"));
        assertTrue(eventually(FEW_SECONDS, () -> onB.get("/api/v1/cases?q=kettle").json().getLong("total") == 1),
            "B finds the case A opened");
        String id = onB.get("/api/v1/cases?q=kettle").json().getJsonArray("items").getJsonObject(0).getString("id");
        assertEquals(200, onA.patch("/api/v1/cases/" + id, new JsonObject().put("assignee", "admin")).status());
        assertTrue(eventually(FEW_SECONDS, () -> onB.get("/api/v1/cases?assignee=admin").json().getLong("total") == 1),
            "B lists the case under its new assignee");
        a.hub().mongo().collection(MongoStore.CASES).updateOne(Filters.eq("_id", id),
            Updates.combine(Updates.set("tags", List.of("quiet")), Updates.set("updatedAt", new Date())));
        assertTrue(eventually(FEW_SECONDS, () -> onB.get("/api/v1/cases?tag=quiet").json().getLong("total") == 1),
            "B's catch-up found a change told by no event");
        assertTrue(eventually(FEW_SECONDS, () -> onA.get("/api/v1/cases?tag=quiet").json().getLong("total") == 1),
            "and so did A's");
      }
    }
  }
}

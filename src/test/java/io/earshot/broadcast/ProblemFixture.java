package io.earshot.broadcast;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.earshot.store.MongoStore;
import io.earshot.testing.ApiClient;
import io.earshot.testing.TestHub;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.Document;

import static io.earshot.testing.ApiClient.eventually;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Problems as the problems part stores them ({@code problems}: {@code _id, title, brand, status,
 * publicSummary, caseIds}; a linked case carries {@code problemId}), written through our own
 * store into the hub's real MongoDB until that part is merged.
 */
final class ProblemFixture {
  private final MongoStore mongo;

  ProblemFixture(TestHub hub) {
    this.mongo = hub.hub().mongo();
  }

  String create(String title, String summary, List<String> caseIds) {
    String id = "prob-" + UUID.randomUUID();
    mongo.write(() -> {
      mongo.collection("problems").insertOne(new Document("_id", id).append("title", title).append("brand", "default")
          .append("status", "identified").append("publicSummary", summary).append("caseIds", caseIds));
      return null;
    }).await();
    caseIds.forEach(c -> markCase(c, id));
    return id;
  }

  /** Links one more case, as the problems part does (the case changes; a case event follows from the hub). */
  void link(String problemId, String caseId) {
    mongo.write(() -> mongo.collection("problems").updateOne(Filters.eq("_id", problemId),
        Updates.addToSet("caseIds", caseId))).await();
    markCase(caseId, problemId);
  }

  private void markCase(String caseId, String problemId) {
    mongo.write(() -> mongo.collection(MongoStore.CASES).updateOne(Filters.eq("_id", caseId),
        Updates.set("problemId", problemId))).await();
  }

  /** The case id of each handle's mention, waiting for the sandbox's mentions to be read. */
  static List<String> casesOf(ApiClient api, List<String> handles) {
    List<String> ids = new ArrayList<>();
    assertTrue(eventually(Duration.ofSeconds(20), () -> {
      ids.clear();
      var items = api.get("/api/v1/cases?limit=100").json().getJsonArray("items");
      for (String h : handles) {
        items.stream().map(o -> (JsonObject) o).filter(c -> h.equals(c.getJsonObject("customer").getString("handle")))
            .findFirst().ifPresent(c -> ids.add(c.getString("id")));
      }
      return ids.size() == handles.size();
    }), "every customer's mention became a case");
    return ids;
  }
}

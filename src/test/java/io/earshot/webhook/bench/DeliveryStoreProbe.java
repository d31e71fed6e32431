package io.earshot.webhook.bench;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import io.earshot.domain.WebhookDelivery;
import io.earshot.store.EmbeddedMongo;
import io.earshot.store.MongoStore;
import io.earshot.store.WebhookDeliveryStore;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Callable;
import org.bson.Document;

/**
 * Measures, on the embedded MongoDB, what the webhook deliverer pays per claim as the delivery
 * log grows: a claim when nothing is due, and a claim plus its recorded outcome, beside a keyed
 * read by {@code _id} and a read by {@code _id} plus one more field (which the embedded server
 * answers by scanning). Prints one JSON line per log size. Run with
 * {@code mvn -B -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * -Dmdep.includeScope=test && java -cp target/test-classes:target/classes:$(cat target/cp.txt)
 * io.earshot.webhook.bench.DeliveryStoreProbe}.
 */
public final class DeliveryStoreProbe {
  private static final String BODY = "{\"id\":\"e\",\"data\":{\"text\":\"" + "x".repeat(800) + "\"}}";

  private DeliveryStoreProbe() {
  }

  public static void main(String[] args) throws Exception {
    Vertx vertx = Vertx.vertx();
    EmbeddedMongo embedded = EmbeddedMongo.start(io.earshot.testing.TestDirs.create("earshot-probe"), true);
    MongoStore mongo = new MongoStore(vertx, embedded.connectionString(), "earshot",
        MongoStore.writeConcern("majority", true), embedded.durability());
    try {
      mongo.createIndexes().await();
      WebhookDeliveryStore store = new WebhookDeliveryStore(mongo);
      int logged = 0;
      for (int size : new int[] {1_000, 10_000, 50_000}) {
        logged = fillLog(mongo, logged, size);
        System.out.println(measure(mongo, store, size).encode());
      }
    } finally {
      mongo.close();
      embedded.close();
      vertx.close().await();
    }
  }

  /** Delivered entries written straight into the log, as weeks of traffic would leave them. */
  private static int fillLog(MongoStore mongo, int from, int to) {
    for (int next = from; next < to; ) {
      List<Document> batch = new ArrayList<>();
      for (int i = 0; i < 1000 && next < to; i++, next++) {
        batch.add(new Document("_id", "old-" + next).append("webhookId", "w1").append("eventId", "e" + next)
            .append("type", "mention.received").append("body", BODY).append("state", "delivered")
            .append("attempts", 1).append("createdAt", new Date()));
      }
      mongo.write(() -> mongo.collection(MongoStore.WEBHOOK_DELIVERIES).insertMany(batch)).await();
    }
    return to;
  }

  private static JsonObject measure(MongoStore mongo, WebhookDeliveryStore store, int size) throws Exception {
    double idle = millis(20, () -> store.claim(List.of("w1"), Instant.now(), Instant.now().plusSeconds(30)).await());
    List<WebhookDelivery> fresh = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      fresh.add(WebhookDelivery.of("w1", "fresh-" + size + "-" + i, "mention.received", BODY, Instant.now()));
    }
    store.insertNew(fresh).await();
    double send = millis(10, () -> {
      var claimed = store.claim(List.of("w1"), Instant.now(), Instant.now().plusSeconds(30)).await();
      return store.record(claimed, claimed.delivery().delivered(200, Instant.now())).await();
    });
    var log = mongo.collection(MongoStore.WEBHOOK_DELIVERIES);
    double byId = millis(10, () -> mongo.run(() -> log.find(eq("_id", "old-7")).first()).await());
    double byIdAndField = millis(10, () -> mongo.run(() -> log.find(and(eq("_id", "old-7"), eq("state", "delivered")))
        .first()).await());
    return new JsonObject().put("logEntries", size).put("claimNothingDueMs", round(idle))
        .put("claimAndRecordMs", round(send)).put("findByIdMs", round(byId))
        .put("findByIdAndStateMs", round(byIdAndField));
  }

  private static double millis(int times, Callable<?> call) throws Exception {
    long start = System.nanoTime();
    for (int i = 0; i < times; i++) {
      call.call();
    }
    return (System.nanoTime() - start) / 1e6 / times;
  }

  private static double round(double ms) {
    return Math.round(ms * 10) / 10.0;
  }
}

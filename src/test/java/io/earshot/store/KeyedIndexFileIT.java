package io.earshot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.earshot.testing.TestHub;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A data file written by the plain H2 backend (every hub before the faster key comparison) is
 * read through the same indexes by today's embedded server, and a file it writes reads back in the
 * plain backend: the order and the bytes of index keys did not change.
 */
@DisplayName("The embedded server's index files across the key comparison change")
class KeyedIndexFileIT {
  private static final int DOCS = 1_000;

  @Test
  @DisplayName("a file of the plain backend is found by _id and by its unique index, and its duplicates are refused")
  void plainFileReadByKeyedIndexes() {
    Path dir = TestHub.tempDir("earshot-keyed-index");
    MVStore store = new MVStore.Builder().fileName(dir.resolve("mongo.mv").toString()).open();
    MongoServer plain = new MongoServer(new H2Backend(store));
    try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + plain.bind().getPort())) {
      fill(client.getDatabase("earshot").getCollection("probe"));
    } finally {
      plain.shutdown();
      store.close();
    }
    try (EmbeddedMongo embedded = EmbeddedMongo.start(dir, false);
         MongoClient client = MongoClients.create(embedded.connectionString())) {
      assertReadable(client.getDatabase("earshot").getCollection("probe"));
      client.getDatabase("earshot").getCollection("probe").insertOne(new Document("_id", "later").append("platform", "x")
          .append("externalId", "later"));
    }
    MVStore again = new MVStore.Builder().fileName(dir.resolve("mongo.mv").toString()).open();
    MongoServer plainAgain = new MongoServer(new H2Backend(again));
    try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + plainAgain.bind().getPort())) {
      MongoCollection<Document> probe = client.getDatabase("earshot").getCollection("probe");
      assertReadable(probe);
      assertEquals(1, probe.countDocuments(Filters.eq("_id", "later")));
    } finally {
      plainAgain.shutdown();
      again.close();
    }
  }

  private static void fill(MongoCollection<Document> probe) {
    probe.createIndex(Indexes.ascending("platform", "externalId"), new IndexOptions().unique(true));
    List<Document> docs = new ArrayList<>();
    for (int i = 0; i < DOCS; i++) {
      docs.add(new Document("_id", "m-" + i).append("platform", i % 2 == 0 ? "x" : "bluesky")
          .append("externalId", "e" + (i * 7919 % 100_003)).append("n", i));
    }
    probe.insertMany(docs);
  }

  private static void assertReadable(MongoCollection<Document> probe) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < DOCS; i += 37) {
      ids.add("m-" + i);
    }
    assertEquals(ids.size(), probe.countDocuments(Filters.in("_id", ids)), "found by _id");
    assertEquals(123, probe.find(Filters.eq("_id", "m-123")).first().getInteger("n"));
    MongoWriteException twice = assertThrows(MongoWriteException.class, () -> probe.insertOne(
        new Document("_id", "other").append("platform", "x").append("externalId", "e" + (10 * 7919 % 100_003))));
    assertEquals(ErrorCategory.DUPLICATE_KEY, ErrorCategory.fromErrorCode(twice.getCode()), "the unique index holds");
    MongoWriteException sameId = assertThrows(MongoWriteException.class, () -> probe.insertOne(
        new Document("_id", "m-999").append("platform", "mastodon").append("externalId", "new")));
    assertEquals(ErrorCategory.DUPLICATE_KEY, ErrorCategory.fromErrorCode(sameId.getCode()));
  }
}

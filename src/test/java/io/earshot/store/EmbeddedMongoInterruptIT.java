package io.earshot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.earshot.testing.TestHub;
import java.nio.file.Path;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The embedded server's data file")
class EmbeddedMongoInterruptIT {

  @Test
  @DisplayName("a commit on an interrupted thread does not close the file for every later write")
  void interruptedCommitKeepsTheStoreUsable() throws Exception {
    Path dir = TestHub.tempDir("earshot-interrupt");
    try (EmbeddedMongo embedded = EmbeddedMongo.start(dir, true);
        MongoClient client = MongoClients.create(embedded.connectionString())) {
      MongoCollection<Document> probe = client.getDatabase("earshot").getCollection("probe");
      embedded.durability().stage(() -> probe.insertOne(new Document("_id", "before")));
      // A worker pool shut down with shutdownNow() interrupts its threads, one maybe mid-commit.
      Thread.currentThread().interrupt();
      try {
        embedded.durability().barrier();
      } finally {
        Thread.interrupted(); // H2's retrying file clears it while reopening; this thread goes on either way
      }
      embedded.durability().write(() -> probe.insertOne(new Document("_id", "after")));
    }
    try (EmbeddedMongo reopened = EmbeddedMongo.start(dir, true);
        MongoClient client = MongoClients.create(reopened.connectionString())) {
      assertEquals(2, client.getDatabase("earshot").getCollection("probe").countDocuments(),
          "both writes are on disk");
    }
  }
}

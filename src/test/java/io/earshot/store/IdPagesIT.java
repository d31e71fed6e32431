package io.earshot.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.earshot.testing.TestHub;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.h2.mvstore.MVStore;

/**
 * The embedded server's walk of an {@code _id} range answers exactly what the library's own scan
 * answers (the plain H2 backend, same documents): the rebuild's passes rely on it to meet every
 * document once.
 */
@DisplayName("The embedded server's _id ranges, and a pass over a collection in _id pages")
class IdPagesIT {
  private static final int DOCS = 1_200;
  private static EmbeddedMongo embedded;
  private static MongoClient ours;
  private static MVStore plainStore;
  private static MongoServer plain;
  private static MongoClient theirs;

  @BeforeAll
  static void start() {
    embedded = EmbeddedMongo.start(TestHub.tempDir("earshot-id-pages"), false);
    ours = MongoClients.create(embedded.connectionString());
    plainStore = new MVStore.Builder().open();
    plain = new MongoServer(new H2Backend(plainStore));
    theirs = MongoClients.create("mongodb://127.0.0.1:" + plain.bind().getPort());
    List<Document> docs = documents();
    ours.getDatabase("earshot").getCollection("probe").insertMany(docs);
    theirs.getDatabase("earshot").getCollection("probe").insertMany(docs);
  }

  @AfterAll
  static void stop() {
    ours.close();
    embedded.close();
    theirs.close();
    plain.shutdown();
    plainStore.close();
  }

  /** Random string ids (some beyond ASCII), inserted out of order, and a few ids that are not strings. */
  private static List<Document> documents() {
    SplittableRandom random = new SplittableRandom(11);
    List<Document> docs = new ArrayList<>();
    for (int i = 0; i < DOCS; i++) {
      String id = "x:" + Long.toString(random.nextLong(1L << 40), 36) + (i % 50 == 0 ? "é" + i : "") + (i % 97 == 0 ? "-" : "");
      docs.add(new Document("_id", id).append("n", i).append("text", "mention " + i));
    }
    docs.add(new Document("_id", 42).append("n", -1));
    docs.add(new Document("_id", new ObjectId()).append("n", -2));
    docs.add(new Document("_id", "").append("n", -3));
    return docs;
  }

  private static List<Document> both(Function<MongoCollection<Document>, FindIterable<Document>> query) {
    List<Document> expected = query.apply(theirs.getDatabase("earshot").getCollection("probe")).into(new ArrayList<>());
    List<Document> actual = query.apply(probe()).into(new ArrayList<>());
    assertEquals(expected, actual);
    return actual;
  }

  private static MongoCollection<Document> probe() {
    return ours.getDatabase("earshot").getCollection("probe");
  }

  @Test
  @DisplayName("$gt and $gte of a string id, sorted by _id or not, limited or not, answer as the library's scan")
  void rangesAnswerAsTheScan() {
    List<String> ids = both(c -> c.find(gte("_id", "")).sort(Sorts.ascending("_id"))).stream()
        .map(d -> d.getString("_id")).toList();
    assertEquals(DOCS + 1, ids.size(), "every string id, and only those");
    for (String bound : List.of("", ids.get(1), ids.get(DOCS / 2), ids.get(DOCS), "x:", "x:zzzzzzzz", "y")) {
      both(c -> c.find(gt("_id", bound)).sort(Sorts.ascending("_id")).limit(37));
      both(c -> c.find(gte("_id", bound)).sort(Sorts.ascending("_id")).limit(37));
      both(c -> c.find(gt("_id", bound)));
      both(c -> c.find(gt("_id", bound)).sort(Sorts.ascending("_id")).skip(5).limit(10));
      both(c -> c.find(and(gt("_id", bound), lt("n", 300))).sort(Sorts.ascending("_id")).limit(20));
      both(c -> c.find(gt("_id", bound)).sort(Sorts.ascending("_id")).limit(15).projection(Projections.include("n")));
    }
    both(c -> c.find().sort(Sorts.ascending("_id")).limit(25));
    both(c -> c.find(gt("_id", ids.get(7))).sort(Sorts.descending("_id")).limit(5));
  }

  @Test
  @DisplayName("a pass in _id pages meets every document with a string id once, in _id order, across page boundaries")
  void passMeetsEveryDocumentOnce() {
    List<String> seen = new ArrayList<>();
    List<Integer> pageSizes = new ArrayList<>();
    long count = IdPages.forEach(probe(), Projections.include("_id"), 50, page -> {
      pageSizes.add(page.size());
      page.forEach(d -> seen.add(String.valueOf(d.get("_id"))));
    });
    List<String> expected = theirs.getDatabase("earshot").getCollection("probe").find(gte("_id", ""))
        .sort(Sorts.ascending("_id")).map(d -> d.getString("_id")).into(new ArrayList<>());
    // The pass starts with {} in _id order: the number and the ObjectId come first and last there.
    List<String> strings = seen.stream().filter(expected::contains).toList();
    assertEquals(expected, strings);
    assertEquals(seen.size(), count);
    assertEquals(DOCS + 1, strings.size());
    assertEquals(List.of(50), pageSizes.subList(0, pageSizes.size() - 1).stream().distinct().toList());
  }
}

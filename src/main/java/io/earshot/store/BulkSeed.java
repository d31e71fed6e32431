package io.earshot.store;

import com.mongodb.client.model.InsertManyOptions;
import io.earshot.domain.CareCase;
import io.earshot.domain.Mention;
import io.vertx.core.Future;
import java.util.List;
import org.bson.Document;

/**
 * Bulk inserts of mentions, cases and customers as ingest would have left them, for
 * {@code earshot bench inbox}: a year of history is seeded in minutes instead of replayed
 * through threading. Durable through {@link MongoStore#write} like every write. Futures fail
 * with the store's errors (a duplicate id among them: seed into an empty database).
 */
public final class BulkSeed {
  private final MongoStore mongo;

  public BulkSeed(MongoStore mongo) {
    this.mongo = mongo;
  }

  public Future<Void> mentions(List<Mention> mentions) {
    List<Document> docs = mentions.stream().map(MentionDocs::toDoc).toList();
    return insert(MongoStore.MENTIONS, docs);
  }

  /** A case with the ids of its mentions, as {@code cases} holds it after ingest and agents' changes. */
  public record SeedCase(CareCase careCase, List<String> mentionIds) {
  }

  public Future<Void> cases(List<SeedCase> cases) {
    return insert(MongoStore.CASES, cases.stream().map(BulkSeed::caseDoc).toList());
  }

  /** Customers' profiles by {@code _id} ({@code platform:authorId}): the handle and name a search finds. */
  public Future<Void> customers(List<Mention> latestOfEach) {
    return insert(MongoStore.CUSTOMERS, latestOfEach.stream().map(m -> new Document("_id", m.customerId())
        .append("platform", m.platform().code()).append("authorId", m.author().id())
        .append("handle", m.author().handle()).append("name", m.author().name())
        .append("followers", m.author().followers()).append("verified", m.author().verified())
        .append("currentCases", new Document(m.brand(), m.caseId()))).toList());
  }

  private Future<Void> insert(String collection, List<Document> docs) {
    if (docs.isEmpty()) {
      return Future.succeededFuture();
    }
    return mongo.write(() -> {
      mongo.collection(collection).insertMany(docs, new InsertManyOptions().ordered(false));
      return null;
    });
  }

  private static Document caseDoc(SeedCase seed) {
    CareCase c = seed.careCase();
    Document d = new Document("_id", c.id()).append("platform", c.platform().code()).append("account", c.account())
        .append("brand", c.brand()).append("customerId", c.customerId()).append("customerHandle", c.customerHandle())
        .append("subject", c.subject()).append("tags", c.tags()).append("createdAt", Dates.of(c.createdAt()))
        .append("lastText", c.lastText()).append("triage", TriageDocs.triage(c.triage()))
        .append("priority", TriageDocs.priority(c.priority())).append("updatedAt", Dates.of(c.updatedAt()))
        .append("lastMentionAt", Dates.of(c.lastMentionAt())).append("mentionCount", c.mentionCount())
        .append("mentionIds", seed.mentionIds()).append("version", c.version()).append("status", c.status().code());
    if (c.assignee() != null) {
      d.append("assignee", c.assignee());
    }
    if (c.firstResponseAt() != null) {
      d.append("firstResponseAt", Dates.of(c.firstResponseAt()));
    }
    if (c.resolvedAt() != null) {
      d.append("resolvedAt", Dates.of(c.resolvedAt()));
    }
    if (c.previousCaseAt() != null) {
      d.append("previousCaseAt", Dates.of(c.previousCaseAt()));
    }
    return d;
  }
}

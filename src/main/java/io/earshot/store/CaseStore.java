package io.earshot.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.earshot.domain.CareCase;
import io.earshot.domain.CaseStatus;
import io.earshot.domain.Mention;
import io.earshot.domain.Priority;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The {@code cases} collection. Ingest writes are idempotent-leaning upserts in one bulk write
 * per batch; agent changes are single-document updates. No multi-document transactions: the
 * embedded server has none, and none are needed.
 */
public final class CaseStore {
  private final MongoStore mongo;
  private final MongoCollection<Document> cases;

  public CaseStore(MongoStore mongo) {
    this.mongo = mongo;
    this.cases = mongo.collection(MongoStore.CASES);
  }

  public Future<Map<String, CareCase>> byIds(Collection<String> ids) {
    if (ids.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    return mongo.run(() -> {
      Map<String, CareCase> found = new HashMap<>();
      ByIds.forEach(cases, ids, null, d -> found.put(d.getString("_id"), CaseDocs.fromDoc(d)));
      return found;
    });
  }

  /** A case and the ids of its mentions, read together. */
  public record WithThread(CareCase careCase, List<String> mentionIds) {
  }

  /**
   * A case with the ids of its mentions (null when it does not exist), in one read. The ids live
   * on the case document because the embedded server cannot index {@code mentions.caseId}, so a
   * thread is then read by key instead of by a scan.
   */
  public Future<WithThread> getWithThread(String id) {
    return mongo.run(() -> {
      Document d = cases.find(eq("_id", id)).first();
      return d == null ? null
          : new WithThread(CaseDocs.fromDoc(d), d.getList("mentionIds", String.class, List.of()));
    });
  }


  public Future<CareCase> get(String id) {
    return mongo.run(() -> {
      Document d = cases.find(eq("_id", id)).first();
      return d == null ? null : CaseDocs.fromDoc(d);
    });
  }

  /** Applies one batch's case changes in a single unordered bulk write. */
  public Future<Void> apply(List<CaseWrite> writes, Instant now) {
    if (writes.isEmpty()) {
      return Future.succeededFuture();
    }
    return mongo.write(() -> {
      List<UpdateOneModel<Document>> models = writes.stream()
          .map(w -> new UpdateOneModel<Document>(eq("_id", w.caseId()), update(w, now),
              new UpdateOptions().upsert(true)))
          .toList();
      cases.bulkWrite(models, new BulkWriteOptions().ordered(false));
      return null;
    });
  }

  private static Bson update(CaseWrite w, Instant now) {
    Mention m = w.latest();
    List<Bson> parts = new ArrayList<>(List.of(
        Updates.setOnInsert("platform", m.platform().code()),
        Updates.setOnInsert("account", m.account()),
        Updates.setOnInsert("brand", w.brand()),
        Updates.setOnInsert("customerId", m.customerId()),
        Updates.setOnInsert("customerHandle", m.author().handle()),
        Updates.setOnInsert("subject", m.text()),
        Updates.setOnInsert("tags", List.of()),
        Updates.setOnInsert("createdAt", Dates.of(now)),
        Updates.set("lastText", m.text()),
        Updates.set("triage", TriageDocs.triage(m.triage())),
        Updates.set("priority", TriageDocs.priority(w.priority())),
        Updates.max("updatedAt", Dates.of(now)),
        Updates.max("lastMentionAt", Dates.of(m.createdAt())),
        Updates.inc("mentionCount", w.addedMentions()),
        Updates.addEachToSet("mentionIds", w.mentionIds()),
        Updates.inc("version", 1L)));
    if (w.created()) {
      parts.add(Updates.setOnInsert("status", CaseStatus.NEW.code()));
      if (w.previousCaseAt() != null) {
        parts.add(Updates.setOnInsert("previousCaseAt", Dates.of(w.previousCaseAt())));
      }
    } else if (w.reopen()) {
      parts.add(Updates.set("status", CaseStatus.OPEN.code()));
      parts.add(Updates.unset("resolvedAt"));
      // The customer wrote: a snoozed case returns now, not when its snooze would have ended.
      parts.add(Updates.unset("snoozedUntil"));
    }
    return Updates.combine(parts);
  }

  /** Sets each case's mention count from the mention ids it holds (each added once). */
  public Future<Void> recount(Collection<String> caseIds) {
    return mongo.write(() -> {
      for (String id : caseIds) {
        Document d = cases.find(eq("_id", id)).first();
        if (d != null) {
          cases.updateOne(eq("_id", id), Updates.combine(Updates.inc("version", 1L),
              Updates.set("mentionCount", d.getList("mentionIds", String.class, List.of()).size())));
        }
      }
      return null;
    });
  }

  public Future<Page<CareCase>> list(CaseQuery query) {
    return mongo.run(() -> {
      Bson filter = filter(query);
      Bson sort = query.byPriority()
          ? Sorts.orderBy(Sorts.descending("priority.value"), Sorts.descending("lastMentionAt"))
          : Sorts.descending("lastMentionAt");
      List<CareCase> items = cases.find(filter).sort(sort).limit(query.limit())
          .map(CaseDocs::fromDoc).into(new ArrayList<>());
      return new Page<>(items, cases.countDocuments(filter));
    });
  }

  private static Bson filter(CaseQuery query) {
    List<Bson> parts = new ArrayList<>();
    if (query.status() != null) {
      parts.add(eq("status", query.status().code()));
    }
    if (query.brand() != null) {
      parts.add(eq("brand", query.brand()));
    }
    return parts.isEmpty() ? new Document() : parts.size() == 1 ? parts.get(0) : and(parts);
  }

  public Future<List<CareCase>> ofCustomer(String customerId, int limit) {
    return mongo.run(() -> cases.find(eq("customerId", customerId))
        .sort(Sorts.descending("lastMentionAt")).limit(limit)
        .map(CaseDocs::fromDoc).into(new ArrayList<>()));
  }

  /**
   * Stores what a lifecycle decided about a case read at {@code expectedVersion}: the fields agents
   * and the publisher change (ingest's fields are left alone). Answers the stored case; fails with
   * {@link StaleWrite} when the case moved on meanwhile (re-read and decide again).
   */
  public Future<CareCase> save(CareCase decided, long expectedVersion, String changeId) {
    return mongo.write(() -> {
      List<Bson> parts = new ArrayList<>(List.of(
          Updates.set("status", decided.status().code()),
          Updates.set("tags", decided.tags()),
          Updates.set("priority", TriageDocs.priority(decided.priority())),
          Updates.set("updatedAt", Dates.of(decided.updatedAt())),
          Versioned.advance(decided.version(), changeId)));
      setOrUnset(parts, "assignee", decided.assignee());
      setOrUnset(parts, "team", decided.team());
      setOrUnset(parts, "firstResponseAt", Dates.of(decided.firstResponseAt()));
      setOrUnset(parts, "resolvedAt", Dates.of(decided.resolvedAt()));
      setOrUnset(parts, "snoozedUntil", Dates.of(decided.snoozedUntil()));
      setOrUnset(parts, "problemId", decided.problemId());
      Document d = cases.findOneAndUpdate(Versioned.at(decided.id(), expectedVersion), Updates.combine(parts),
          new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
      if (d == null) {
        throw new StaleWrite("case " + decided.id());
      }
      return CaseDocs.fromDoc(d);
    });
  }

  /**
   * Stores the SLA clocks the SLA lifecycle decided for a case read at {@code expectedVersion},
   * and nothing else of it; {@link StaleWrite} when the case moved on meanwhile.
   */
  public Future<CareCase> saveSla(CareCase decided, long expectedVersion, String changeId) {
    return mongo.write(() -> {
      Document sla = SlaDocs.toDoc(decided.sla());
      Bson update = Updates.combine(sla == null ? Updates.unset("sla") : Updates.set("sla", sla),
          Versioned.advance(decided.version(), changeId));
      Document d = cases.findOneAndUpdate(Versioned.at(decided.id(), expectedVersion), update,
          new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
      if (d == null) {
        throw new StaleWrite("case " + decided.id());
      }
      return CaseDocs.fromDoc(d);
    });
  }

  /** Whether change {@code changeId} is among the last changes stored on the case. */
  public Future<Boolean> hasApplied(String id, String changeId) {
    return mongo.run(() -> {
      // By _id alone: the embedded server would scan for any other filter.
      Document d = cases.find(eq("_id", id)).projection(Projections.include("changeIds")).first();
      return d != null && d.getList("changeIds", String.class, List.of()).contains(changeId);
    });
  }

  private static void setOrUnset(List<Bson> parts, String field, Object value) {
    parts.add(value == null ? Updates.unset(field) : Updates.set(field, value));
  }

  /**
   * Unanswered cases, least recently changed first, asked of {@code cases} itself: a real MongoDB
   * answers it from an index, the embedded server by a scan that holds the collection for
   * seconds at scale, so the hub asks the inbox index ({@code find/WaitingCases}); kept for
   * {@code bench inbox}'s "today" figure and as the tests' independent answer.
   */
  public Future<List<CareCase>> waiting(int limit) {
    return mongo.run(() -> cases.find(in("status", List.of(CaseStatus.NEW.code(), CaseStatus.OPEN.code())))
        .sort(Sorts.ascending("updatedAt")).limit(limit).map(CaseDocs::fromDoc).into(new ArrayList<>()));
  }
}

package io.earshot.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import io.earshot.domain.Brand;
import io.earshot.domain.CaseStatus;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Moves part of a reply chain from one case to another: the replies a late parent adopts, when
 * that parent already belongs to a case through its own parent (the stored parent's case wins),
 * or a chain found split on a re-send. A move takes the given root mentions and every reply
 * beneath them inside the source case; a source left empty is resolved as merged and its
 * customers and brand posts are pointed at the target, so nothing threads into it again.
 * Idempotent, so recovery can apply it again after a crash; on the embedded server one move is
 * one write and a group commit never persists half of it. Fails with the driver's error.
 */
public final class ThreadMoves {
  /** Move {@code roots} and their replies from case {@code from} to case {@code to}. */
  public record Move(String from, String to, List<String> roots) {
  }

  /**
   * Every change to a case moves its version on, like ingest's own case writes: a decision an
   * agent made on the case as it was (say, reopening it) must not land on a case merged away.
   */
  private static final Bson NEXT_VERSION = Updates.inc("version", 1L);
  private final MongoStore mongo;
  private final MongoCollection<Document> mentions;
  private final MongoCollection<Document> cases;

  public ThreadMoves(MongoStore mongo) {
    this.mongo = mongo;
    this.mentions = mongo.collection(MongoStore.MENTIONS);
    this.cases = mongo.collection(MongoStore.CASES);
  }

  /** The mention ids each of these cases lists (cases that do not exist are left out). */
  public Future<Map<String, Set<String>>> listedIn(java.util.Collection<String> caseIds) {
    if (caseIds.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    return mongo.run(() -> {
      Map<String, Set<String>> listed = new HashMap<>();
      cases.find(in("_id", caseIds)).projection(Projections.include("mentionIds")).forEach(d -> listed.put(
          d.getString("_id"), new HashSet<>(d.getList("mentionIds", String.class, List.of()))));
      return listed;
    });
  }

  /** Applies the moves in order, durably; answers how many mentions changed case. */
  public Future<Integer> apply(List<Move> moves, Instant now) {
    if (moves.isEmpty()) {
      return Future.succeededFuture(0);
    }
    return mongo.write(() -> {
      int moved = 0;
      for (Move m : moves) {
        moved += applyOne(m, Dates.of(now));
      }
      return moved;
    });
  }

  private int applyOne(Move move, Date now) {
    if (move.from().equals(move.to())) {
      return 0;
    }
    Document source = cases.find(eq("_id", move.from())).first();
    List<String> sourceIds = source == null ? List.of() : source.getList("mentionIds", String.class, List.of());
    Set<String> moving = subtree(move.roots(), sourceIds);
    List<String> ids = new ArrayList<>(moving);
    Moved moved = moved(ids);
    // Target first: a crash between the steps may list a mention twice, never in no case.
    cases.updateOne(eq("_id", move.to()), Updates.combine(Updates.addEachToSet("mentionIds", ids),
        Updates.max("lastMentionAt", moved.latest()), Updates.set("updatedAt", now), NEXT_VERSION));
    mentions.updateMany(in("_id", ids), Updates.set("caseId", move.to()));
    cases.updateOne(eq("_id", move.from()), Updates.combine(Updates.pullAll("mentionIds", ids), NEXT_VERSION));
    recount(move.to());
    if (recount(move.from()) == 0 && source != null) {
      moved.customers().add(source.getString("customerId"));
      retire(move.from(), moved.customers(), move.to(), now);
    }
    return ids.size();
  }

  private record Moved(Date latest, Set<String> customers) {
  }

  /** The roots and every mention of {@code caseIds} answering one of them, however deep. */
  private Set<String> subtree(List<String> roots, List<String> caseIds) {
    Map<String, List<String>> repliesTo = new HashMap<>();
    if (!caseIds.isEmpty()) {
      mentions.find(in("_id", caseIds)).projection(Projections.include("platform", "inReplyTo")).forEach(d -> {
        String parent = d.getString("inReplyTo");
        if (parent != null) {
          repliesTo.computeIfAbsent(d.getString("platform") + ":" + parent, k -> new ArrayList<>())
              .add(d.getString("_id"));
        }
      });
    }
    Set<String> moving = new LinkedHashSet<>();
    Deque<String> next = new ArrayDeque<>(roots);
    while (!next.isEmpty()) {
      String id = next.pop();
      if (moving.add(id)) {
        next.addAll(repliesTo.getOrDefault(id, List.of()));
      }
    }
    return moving;
  }

  private Moved moved(List<String> ids) {
    Date latest = new Date(0);
    Set<String> customers = new HashSet<>();
    for (Document d : mentions.find(in("_id", ids)).projection(Projections.include("createdAt", "customerId"))) {
      Date at = d.getDate("createdAt");
      if (at != null && at.after(latest)) {
        latest = at;
      }
      customers.add(d.getString("customerId"));
    }
    return new Moved(latest, customers);
  }

  private int recount(String caseId) {
    Document d = cases.find(eq("_id", caseId)).projection(Projections.include("mentionIds")).first();
    if (d == null) {
      return -1;
    }
    int count = d.getList("mentionIds", String.class, List.of()).size();
    cases.updateOne(eq("_id", caseId), Updates.set("mentionCount", count));
    return count;
  }

  /**
   * A case emptied by a move is resolved as merged into its target, and what still points at it
   * (its customers' current case with its brand, the brand's replies in it) points at the target
   * instead; when the target is another brand's case, the customers' current case with this
   * brand is forgotten, so their next post to it opens a case of that brand.
   */
  private void retire(String id, Set<String> customers, String target, Date now) {
    cases.updateOne(eq("_id", id), Updates.combine(Updates.set("status", CaseStatus.RESOLVED.code()),
        Updates.set("resolvedAt", now), Updates.set("mergedInto", target), Updates.set("updatedAt", now), NEXT_VERSION));
    customers.remove(null);
    String brand = brandOf(id);
    if (Brand.isValidId(brand)) {
      String field = CustomerStore.CURRENT_CASES + "." + brand;
      mongo.collection(MongoStore.CUSTOMERS).updateMany(and(in("_id", customers), eq(field, id)),
          brand.equals(brandOf(target)) ? Updates.set(field, target) : Updates.unset(field));
    }
    // brand_posts is not keyed by case: this scan happens only when a case is merged away.
    mongo.collection(MongoStore.BRAND_POSTS).updateMany(eq("caseId", id), Updates.set("caseId", target));
  }

  private String brandOf(String caseId) {
    Document d = cases.find(eq("_id", caseId)).projection(Projections.include("brand")).first();
    return d == null ? Brand.DEFAULT_ID : MentionDocs.brandOf(d);
  }
}

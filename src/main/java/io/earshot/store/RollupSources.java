package io.earshot.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.earshot.analytics.Facts.BroadcastFact;
import io.earshot.analytics.Facts.CaseFact;
import io.earshot.analytics.Facts.MentionFact;
import io.earshot.analytics.Facts.ReplyFact;
import io.earshot.domain.broadcast.Notice;
import io.earshot.domain.sla.BusinessCalendars;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.bson.Document;

/**
 * The system of record as the analytics rollups read it: cases by id (their {@code sla.state}
 * and {@code problemId}, which events do not carry), the brands' business hours (from the SLA
 * policy in force), which replies are a broadcast's notices, the brand of each broadcast's
 * public post, and, for a rebuild, every mention,
 * case, reply and sent broadcast in one pass each. A scan runs on the Mongo worker pool; on the embedded server it reads
 * the whole collection (its only index is {@code _id}).
 */
public final class RollupSources {
  /**
   * How long one scan may take, its first answer included. The embedded server computes a whole
   * query before it answers the first batch: a scan of 1,000,000 mentions outlasts the driver's
   * 30 s read timeout (which then reads MongoDB as down), so the scans carry their own operation
   * timeout, which the driver applies to their reads instead. Scans run for a rebuild only.
   */
  static final long SCAN_MINUTES = 60;
  private final MongoStore mongo;
  private final SlaPolicyStore policy;

  public RollupSources(MongoStore mongo) {
    this.mongo = mongo;
    this.policy = new SlaPolicyStore(mongo);
  }

  /** Each brand's business hours as the SLA policy in force gives them (one read by {@code _id}). */
  public Future<BusinessCalendars> calendars() {
    return policy.get().map(BusinessCalendars::of);
  }

  public Future<Map<String, CaseFact>> cases(Collection<String> ids) {
    return mongo.run(() -> {
      Map<String, CaseFact> found = new HashMap<>();
      mongo.collection(MongoStore.CASES).find(Filters.in("_id", ids)).forEach(d -> found.put(d.getString("_id"), caseFact(d)));
      return found;
    });
  }

  public Future<Void> eachMention(Consumer<MentionFact> sink) {
    MongoCollection<Document> mentions = scan(MongoStore.MENTIONS);
    return mongo.run(() -> {
      // Only the triage the rollups count: the whole scan is held by the embedded server at once,
      // and a triage's cues and priority signals would make 1,000,000 of them outgrow the heap.
      mentions.find().projection(Projections.include("platform", "brand", "createdAt", "triage.label",
              "triage.sentiment", "triage.reasons", "text", "visibility"))
          .batchSize(2000).forEach(d -> sink.accept(mentionFact(d)));
      return null;
    });
  }

  public Future<Void> eachCase(Consumer<CaseFact> sink) {
    return mongo.run(() -> {
      scan(MongoStore.CASES).find().batchSize(2000).forEach(d -> sink.accept(caseFact(d)));
      return null;
    });
  }

  public Future<Void> eachReply(Consumer<ReplyFact> sink) {
    return mongo.run(() -> {
      scan(MongoStore.REPLIES).find().batchSize(2000).forEach(d -> sink.accept(replyFact(d)));
      return null;
    });
  }

  /** Which of these replies are a broadcast's personal notices (a notice's id is its reply's). */
  public Future<Set<String>> notices(Collection<String> replyIds) {
    return mongo.run(() -> {
      Set<String> found = new HashSet<>();
      mongo.collection(MongoStore.BROADCAST_NOTICES).find(Filters.in("_id", replyIds))
          .projection(Projections.include("_id")).forEach(d -> found.add(d.getString("_id")));
      return found;
    });
  }

  /** The reply ids of every broadcast notice, for a rebuild. */
  public Future<Set<String>> allNotices() {
    return mongo.run(() -> {
      Set<String> found = new HashSet<>();
      scan(MongoStore.BROADCAST_NOTICES).find().projection(Projections.include("_id"))
          .forEach(d -> found.add(d.getString("_id")));
      return found;
    });
  }

  /**
   * Every broadcast that finished as sent, for a rebuild: dated by its {@code updatedAt}, which a
   * sent broadcast keeps from the change that finished it.
   */
  public Future<Void> eachSentBroadcast(Consumer<BroadcastFact> sink) {
    return mongo.run(() -> {
      scan(MongoStore.BROADCASTS).find(Filters.eq("state", "sent")).projection(Projections.include("brand", "updatedAt"))
          .forEach(d -> sink.accept(new BroadcastFact(d.getString("_id"), MentionDocs.brandOf(d),
              Dates.instant(d.get("updatedAt")))));
      return null;
    });
  }

  /**
   * The brand of each broadcast's public post, by the post's outbox id (which is derived from the
   * broadcast and the account, {@code Notice.postIdOf}): a post answers no case, so its brand is
   * its broadcast's. Reads every broadcast (brand and accounts only): they number hundreds.
   */
  public Future<Map<String, String>> brandsOfPosts() {
    return mongo.run(() -> {
      Map<String, String> brands = new HashMap<>();
      scan(MongoStore.BROADCASTS).find().projection(Projections.include("brand", "accounts")).forEach(d ->
          d.getList("accounts", String.class, List.of()).forEach(account ->
              brands.put(Notice.postIdOf(d.getString("_id"), account), MentionDocs.brandOf(d))));
      return brands;
    });
  }

  private MongoCollection<Document> scan(String collection) {
    return mongo.collection(collection).withTimeout(SCAN_MINUTES, TimeUnit.MINUTES);
  }

  static MentionFact mentionFact(Document d) {
    Document triage = d.get("triage", Document.class);
    String label = triage == null ? null : triage.getString("label");
    double sentiment = triage == null || triage.get("sentiment") == null ? 0 : ((Number) triage.get("sentiment")).doubleValue();
    List<String> reasons = new ArrayList<>();
    if (triage != null) {
      triage.getList("reasons", Document.class, List.of()).forEach(r -> reasons.add(r.getString("code")));
    }
    return new MentionFact(d.getString("platform"), MentionDocs.brandOf(d), Dates.instant(d.get("createdAt")), label,
        sentiment, reasons, "private".equals(d.getString("visibility")) ? null : d.getString("text"));
  }

  static CaseFact caseFact(Document d) {
    Document sla = d.get("sla", Document.class);
    return new CaseFact(d.getString("_id"), d.getString("platform"), MentionDocs.brandOf(d), d.getString("customerId"),
        d.getString("assignee"), Dates.instant(d.get("createdAt")), Dates.instant(d.get("firstResponseAt")),
        Dates.instant(d.get("lastMentionAt")), Dates.instant(d.get("resolvedAt")),
        sla == null ? null : sla.getString("state"), d.getString("problemId"), d.getString("mergedInto") != null,
        Dates.instant(d.get("previousCaseAt")));
  }

  static ReplyFact replyFact(Document d) {
    Document approval = d.get("approval", Document.class);
    Document e = d.get("engagement", Document.class);
    boolean sent = "sent".equals(d.getString("state"));
    return new ReplyFact(d.getString("_id"), d.getString("caseId"), d.getString("platform"), d.getString("author"),
        sent ? Dates.instant(d.get("sentAt")) : null,
        approval == null ? null : Dates.instant(approval.get("heldAt")),
        approval == null ? null : Dates.instant(approval.get("decidedAt")),
        approval == null ? null : approval.getString("decidedBy"),
        approval != null && approval.getString("approvedSha256") != null,
        count(e, "likes"), count(e, "reposts"), count(e, "replies"), optional(e, "quotes"), optional(e, "impressions"),
        e == null ? null : Dates.instant(e.get("measuredAt")));
  }

  /** A count a platform may not give: null then, never 0. */
  private static Long optional(Document d, String field) {
    return d == null || d.get(field) == null ? null : ((Number) d.get(field)).longValue();
  }

  private static long count(Document d, String field) {
    return d == null || d.get(field) == null ? 0 : ((Number) d.get(field)).longValue();
  }
}

package io.earshot.store;

import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.bson.Document;

/**
 * Reads cases for the inbox read model ({@code find/}): by id with their mentions' text (keyed
 * reads only: the case holds {@code mentionIds}, a customer is read by {@code _id}), the cases
 * changed since a moment (by {@code updatedAt}, which a real MongoDB answers from its index), and
 * every case once for a rebuild ({@link InboxHistory}). Notes are read from {@code notes} by {@code caseId}. Futures fail
 * with the store's errors ({@link io.earshot.error.DomainError.Unavailable} when it is down).
 */
public final class InboxEntries {
  /** How many characters of a case's text the index keeps: a long thread is found by its start. */
  static final int TEXT_LIMIT = 32_000;
  public static final String NOTES = "notes";
  private final MongoStore mongo;
  private final MongoCollection<Document> cases;
  private final MongoCollection<Document> mentions;
  private final MongoCollection<Document> customers;
  private final MongoCollection<Document> notes;

  public InboxEntries(MongoStore mongo) {
    this.mongo = mongo;
    this.cases = mongo.collection(MongoStore.CASES);
    this.mentions = mongo.collection(MongoStore.MENTIONS);
    this.customers = mongo.collection(MongoStore.CUSTOMERS);
    this.notes = mongo.collection(NOTES);
  }

  /** A case id and when it last changed. */
  public record Changed(String id, Instant updatedAt) {
  }

  /** The entries of these cases; ids without a case are left out (answered as {@code missing}). */
  public record Read(List<InboxEntry> entries, List<String> missing) {
  }

  public Future<Read> byIds(Collection<String> ids) {
    if (ids.isEmpty()) {
      return Future.succeededFuture(new Read(List.of(), List.of()));
    }
    return mongo.run(() -> {
      List<Document> found = ByIds.find(cases, ids, null);
      List<InboxEntry> entries = entries(found, notesOf(ids));
      List<String> missing = new ArrayList<>(ids);
      entries.forEach(e -> missing.remove(e.id()));
      return new Read(entries, missing);
    });
  }

  /**
   * Cases whose {@code updatedAt} is at or after {@code since}, oldest change first, at most
   * {@code limit}. On a real MongoDB this reads the {@code updatedAt} index; the embedded server
   * scans (it serves one process, where every change is also told on the event spine).
   */
  public Future<List<Changed>> changedSince(Instant since, int limit) {
    return mongo.run(() -> cases.find(gte("updatedAt", Dates.of(since)))
        .projection(Projections.include("_id", "updatedAt")).sort(Sorts.ascending("updatedAt")).limit(limit)
        .map(d -> new Changed(d.getString("_id"), Dates.instant(d.get("updatedAt")))).into(new ArrayList<>()));
  }

  /**
   * Mentions received at or after {@code since}, at most {@code limit} (a real MongoDB reads its
   * {@code receivedAt} index; the hub asks only there).
   */
  public Future<List<MentionEntry>> mentionsSince(Instant since, int limit) {
    return mongo.run(() -> mentions.find(gte("receivedAt", Dates.of(since)))
        .projection(Projections.include("_id", "platform", "receivedAt")).limit(limit)
        .map(InboxEntries::mentionEntry).into(new ArrayList<>()));
  }

  static MentionEntry mentionEntry(Document d) {
    return new MentionEntry(d.getString("_id"), d.getString("platform"), Dates.instant(d.get("receivedAt")));
  }

  /**
   * Every case and mention once, for a rebuild ({@link InboxHistory}: passes over the collections
   * in {@code _id} pages, joined in memory): the mentions in chunks of {@code chunk} to
   * {@code mentionSink}, then the cases to {@code caseSink}, on the store's worker thread.
   */
  public Future<InboxHistory.Totals> all(int chunk, Consumer<List<MentionEntry>> mentionSink,
                                         Consumer<List<InboxEntry>> caseSink) {
    return new InboxHistory(mongo, cases, mentions, customers, notes).read(chunk, mentionSink, caseSink);
  }

  /** Reads the mentions and customers of these cases by key and makes their entries. */
  private List<InboxEntry> entries(List<Document> found, Map<String, StringBuilder> notesByCase) {
    List<String> mentionIds = new ArrayList<>();
    List<String> customerIds = new ArrayList<>();
    found.forEach(d -> {
      mentionIds.addAll(d.getList("mentionIds", String.class, List.of()));
      if (d.getString("customerId") != null) {
        customerIds.add(d.getString("customerId"));
      }
    });
    Map<String, StringBuilder> texts = new LinkedHashMap<>();
    if (!mentionIds.isEmpty()) {
      ByIds.forEach(mentions, mentionIds, Projections.include("caseId", "text"),
          m -> append(texts.computeIfAbsent(m.getString("caseId"), k -> new StringBuilder()), m.getString("text")));
    }
    Map<String, String> names = new HashMap<>();
    if (!customerIds.isEmpty()) {
      ByIds.forEach(customers, customerIds, Projections.include("handle", "name"),
          c -> names.put(c.getString("_id"), c.getString("handle") + " " + c.getString("name")));
    }
    List<InboxEntry> out = new ArrayList<>(found.size());
    for (Document d : found) {
      out.add(entry(d, texts.get(d.getString("_id")), names.get(d.getString("customerId")),
          notesByCase.get(d.getString("_id"))));
    }
    return out;
  }

  /** A case's entry: its searchable text is the customer, the subject, its mentions' text (else its last text), its notes. */
  static InboxEntry entry(Document d, CharSequence mentionsText, String customerName, CharSequence notesText) {
    StringBuilder text = new StringBuilder();
    append(text, d.getString("customerHandle"));
    append(text, customerName);
    append(text, d.getString("subject"));
    append(text, mentionsText != null ? mentionsText.toString() : d.getString("lastText"));
    append(text, notesText != null ? notesText.toString() : null);
    return InboxEntryDocs.entry(d, text.toString());
  }

  private Map<String, StringBuilder> notesOf(Collection<String> caseIds) {
    Map<String, StringBuilder> found = new HashMap<>();
    // A scan on the embedded server (it has no index on caseId); notes are few beside mentions.
    notes.find(in("caseId", caseIds)).projection(Projections.include("caseId", "text"))
        .forEach(n -> append(found.computeIfAbsent(n.getString("caseId"), k -> new StringBuilder()),
            n.getString("text")));
    return found;
  }

  static void append(StringBuilder into, String text) {
    if (text != null && !text.isBlank() && into.length() < TEXT_LIMIT) {
      into.append(text, 0, Math.min(text.length(), TEXT_LIMIT - into.length())).append('\n');
    }
  }
}

package io.earshot.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.bson.Document;

/**
 * Every case and mention once, for a rebuild of the inbox read model: one pass over each of
 * {@code mentions}, {@code customers}, {@code notes} and {@code cases} in {@code _id} pages
 * ({@link IdPages}), joined in memory. Before, the pass over {@code cases} read each page's
 * mentions and customers by key; on the embedded server those keyed reads decode a whole H2 page
 * per document not in its cache, and matched every document against the whole {@code $in} list
 * (at 300,000 mentions the cases' pass took 145 s, and a single unpaged pass over {@code mentions}
 * outlasted the driver's 30 s timeout). Here each stored page is decoded once per pass. What is
 * held meanwhile is each case's text (at most {@link InboxEntries#TEXT_LIMIT} characters; about
 * 100 MB per million mentions of the bench's size) and each customer's handle and name; a thread's
 * text is its mentions' in {@code _id} order (the platforms' ids grow with time).
 */
public final class InboxHistory {
  /** Documents per query: one query holds the embedded server's collection lock for one page only. */
  static final int PAGE = 5_000;
  private final MongoStore mongo;
  private final MongoCollection<Document> cases;
  private final MongoCollection<Document> mentions;
  private final MongoCollection<Document> customers;
  private final MongoCollection<Document> notes;

  /** How many cases and mentions a rebuild read. */
  public record Totals(long cases, long mentions) {
  }

  InboxHistory(MongoStore mongo, MongoCollection<Document> cases, MongoCollection<Document> mentions,
               MongoCollection<Document> customers, MongoCollection<Document> notes) {
    this.mongo = mongo;
    this.cases = cases;
    this.mentions = mentions;
    this.customers = customers;
    this.notes = notes;
  }

  /** The mentions to {@code mentionSink} as they are read, then every case's entry to {@code caseSink}. */
  Future<Totals> read(int chunk, Consumer<List<MentionEntry>> mentionSink, Consumer<List<InboxEntry>> caseSink) {
    Map<String, StringBuilder> texts = new HashMap<>();
    Map<String, String> names = new HashMap<>();
    Map<String, StringBuilder> notesByCase = new HashMap<>();
    return mongo.run(() -> mentionTexts(chunk, mentionSink, texts))
        .compose(mentionCount -> mongo.run(() -> {
          customerNames(names);
          caseNotes(notesByCase);
          return null;
        }).compose(v -> mongo.run(() -> caseEntries(chunk, caseSink, texts, names, notesByCase)))
            .map(caseCount -> new Totals(caseCount, mentionCount)));
  }

  private long mentionTexts(int chunk, Consumer<List<MentionEntry>> sink, Map<String, StringBuilder> texts) {
    return IdPages.forEach(mentions, Projections.include("caseId", "text", "platform", "receivedAt"),
        Math.max(chunk, 1), page -> {
          List<MentionEntry> entries = new ArrayList<>(page.size());
          for (Document m : page) {
            entries.add(InboxEntries.mentionEntry(m));
            if (m.getString("caseId") != null) {
              InboxEntries.append(texts.computeIfAbsent(m.getString("caseId"), k -> new StringBuilder()),
                  m.getString("text"));
            }
          }
          sink.accept(entries);
        });
  }

  private void customerNames(Map<String, String> names) {
    IdPages.forEach(customers, Projections.include("handle", "name"), PAGE, page -> page.forEach(c ->
        names.put(c.getString("_id"), c.getString("handle") + " " + c.getString("name"))));
  }

  private void caseNotes(Map<String, StringBuilder> notesByCase) {
    IdPages.forEach(notes, Projections.include("caseId", "text"), PAGE, page -> page.forEach(n ->
        InboxEntries.append(notesByCase.computeIfAbsent(n.getString("caseId"), k -> new StringBuilder()),
            n.getString("text"))));
  }

  private long caseEntries(int chunk, Consumer<List<InboxEntry>> sink, Map<String, StringBuilder> texts,
                           Map<String, String> names, Map<String, StringBuilder> notesByCase) {
    return IdPages.forEach(cases, null, Math.max(chunk, 1), page -> {
      List<InboxEntry> entries = new ArrayList<>(page.size());
      for (Document d : page) {
        String id = d.getString("_id");
        entries.add(InboxEntries.entry(d, texts.remove(id), names.get(d.getString("customerId")),
            notesByCase.get(id)));
      }
      sink.accept(entries);
    });
  }
}

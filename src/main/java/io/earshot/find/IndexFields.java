package io.earshot.find;

import io.earshot.store.InboxEntry;
import io.earshot.store.MentionEntry;
import java.time.Instant;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;

/**
 * The inbox index's fields and the one Lucene document of a case. Exact-match criteria are
 * untokenized terms; times are milliseconds (points to filter, doc values to sort); the text is
 * analyzed for search and never stored (MongoDB holds it). Every sort key is always present, a
 * missing time as {@link Long#MAX_VALUE}, so "no SLA" or "not waiting" sorts last.
 */
final class IndexFields {
  static final String ID = "id";
  static final String STATUS = "status";
  static final String RANK = "rank";
  static final String BRAND = "brand";
  static final String PLATFORM = "platform";
  static final String ASSIGNEE = "assignee";
  static final String ASSIGNED = "assigned";
  static final String TEAM = "team";
  static final String TAG = "tag";
  static final String SENTIMENT = "sentiment";
  static final String REASON = "reason";
  static final String PROBLEM = "problem";
  static final String SLA = "sla";
  static final String CUSTOMER = "customer";
  static final String PRIORITY = "priority";
  static final String CREATED = "createdAt";
  static final String LAST = "lastMentionAt";
  static final String WAITING = "waitingSince";
  static final String SLA_DUE = "slaDueAt";
  static final String SNOOZED = "snoozedUntil";
  static final String TEXT = "text";
  static final String UPDATED = "updatedAt";
  /** Which record a document is: {@link #CASE} or {@link #MENTION} (the one index holds both). */
  static final String KIND = "kind";
  static final String CASE = "case";
  static final String MENTION = "mention";
  static final String RECEIVED = "receivedAt";

  private IndexFields() {
  }

  /** Open work first: new and open, then pending, then resolved (and anything else). */
  static long rank(String status) {
    if ("new".equals(status) || "open".equals(status)) {
      return 0;
    }
    return "pending".equals(status) ? 1 : 2;
  }

  static Document document(InboxEntry e) {
    Document d = new Document();
    d.add(new StringField(KIND, CASE, Field.Store.NO));
    d.add(new StringField(ID, e.id(), Field.Store.YES));
    d.add(new SortedDocValuesField(ID, new BytesRef(e.id())));
    term(d, STATUS, e.status());
    d.add(new NumericDocValuesField(RANK, rank(e.status())));
    term(d, BRAND, e.brand());
    term(d, PLATFORM, e.platform());
    term(d, ASSIGNEE, e.assignee());
    d.add(new StringField(ASSIGNED, e.assignee() == null ? "no" : "yes", Field.Store.NO));
    term(d, TEAM, e.team());
    e.tags().forEach(t -> term(d, TAG, t));
    term(d, SENTIMENT, e.sentiment());
    e.reasons().forEach(r -> term(d, REASON, r));
    term(d, PROBLEM, e.problemId());
    term(d, SLA, e.slaState());
    term(d, CUSTOMER, e.customerId());
    number(d, PRIORITY, e.priority());
    number(d, CREATED, millis(e.createdAt()));
    number(d, LAST, millis(e.lastMentionAt()));
    number(d, WAITING, millis(waitingSince(e)));
    number(d, SLA_DUE, millis(e.slaDueAt()));
    number(d, SNOOZED, millis(e.snoozedUntil()));
    // Sorted on by the waiting cases the refresher and the auto-assigner read (find/WaitingCases).
    d.add(new NumericDocValuesField(UPDATED, millis(e.updatedAt())));
    d.add(new TextField(TEXT, e.text() == null ? "" : e.text(), Field.Store.NO));
    return d;
  }

  /** A mention, for the newest-first mention list: its id, platform and when it was received. */
  static Document mention(MentionEntry m) {
    Document d = new Document();
    d.add(new StringField(KIND, MENTION, Field.Store.NO));
    d.add(new StringField(ID, m.id(), Field.Store.YES));
    d.add(new SortedDocValuesField(ID, new BytesRef(m.id())));
    term(d, PLATFORM, m.platform());
    number(d, RECEIVED, millis(m.receivedAt()));
    return d;
  }

  /**
   * Since when a case waits for the brand: a case never answered waits since it opened; an
   * answered one that is new or open again waits since its latest mention. Pending and resolved
   * cases wait for nobody (null).
   */
  static Instant waitingSince(InboxEntry e) {
    if (rank(e.status()) != 0) {
      return null;
    }
    return e.firstResponseAt() == null ? e.createdAt() : e.lastMentionAt();
  }

  static long millis(Instant at) {
    return at == null ? Long.MAX_VALUE : at.toEpochMilli();
  }

  private static void term(Document d, String field, String value) {
    if (value != null && !value.isEmpty()) {
      d.add(new StringField(field, value, Field.Store.NO));
    }
  }

  private static void number(Document d, String field, long value) {
    d.add(new LongPoint(field, value));
    d.add(new NumericDocValuesField(field, value));
  }

  static List<String> statuses() {
    return List.of("new", "open", "pending", "resolved");
  }
}

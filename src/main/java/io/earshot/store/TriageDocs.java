package io.earshot.store;

import io.earshot.domain.Priority;
import io.earshot.domain.PrioritySignal;
import io.earshot.domain.Reason;
import io.earshot.domain.SentimentLabel;
import io.earshot.domain.Triage;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/** Maps triage results (and the priority explanation stored with them) to documents. */
final class TriageDocs {
  private TriageDocs() {
  }

  static Document triage(Triage t) {
    if (t == null) {
      return null;
    }
    List<Document> reasons = t.reasons().stream()
        .map(r -> new Document("code", r.code()).append("score", r.score())).toList();
    return new Document("sentiment", t.sentiment())
        .append("label", t.label().code())
        .append("confidence", t.confidence())
        .append("cues", t.cues())
        .append("reasons", reasons)
        .append("priority", priority(t.priority()))
        .append("lang", t.lang());
  }

  static Document priority(Priority p) {
    List<Document> signals = p.signals().stream()
        .map(s -> new Document("name", s.name()).append("points", s.points()).append("detail", s.detail()))
        .toList();
    return new Document("value", p.value()).append("signals", signals);
  }

  static Triage triage(Document d) {
    if (d == null) {
      return null;
    }
    List<Reason> reasons = new ArrayList<>();
    for (Document r : d.getList("reasons", Document.class, List.of())) {
      reasons.add(new Reason(r.getString("code"), r.getDouble("score")));
    }
    return new Triage(d.getDouble("sentiment"), SentimentLabel.fromCode(d.getString("label")),
        d.getDouble("confidence"), d.getList("cues", String.class, List.of()), reasons,
        priority(d.get("priority", Document.class)), d.getString("lang"));
  }

  static Priority priority(Document d) {
    if (d == null) {
      return Priority.of(0);
    }
    List<PrioritySignal> signals = new ArrayList<>();
    for (Document s : d.getList("signals", Document.class, List.of())) {
      signals.add(new PrioritySignal(s.getString("name"), s.getInteger("points", 0), s.getString("detail")));
    }
    return new Priority(d.getInteger("value", 0), signals);
  }
}

package io.earshot.store;

import io.earshot.domain.Author;
import io.earshot.domain.Brand;
import io.earshot.domain.Mention;
import io.earshot.domain.Platform;
import io.earshot.domain.Visibility;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;

/** Maps {@link Mention} to and from its document in {@code mentions}. */
final class MentionDocs {
  private MentionDocs() {
  }

  static Document toDoc(Mention m) {
    Author a = m.author();
    return new Document("_id", m.id())
        .append("platform", m.platform().code())
        .append("account", m.account())
        .append("brand", m.brand())
        .append("externalId", m.externalId())
        .append("author", new Document("id", a.id()).append("handle", a.handle())
            .append("name", a.name()).append("followers", a.followers())
            .append("verified", a.verified()))
        .append("text", m.text())
        .append("createdAt", Dates.of(m.createdAt()))
        .append("inReplyTo", m.inReplyTo())
        .append("url", m.url())
        .append("lang", m.lang())
        .append("meta", new Document(m.meta()))
        .append("receivedAt", Dates.of(m.receivedAt()))
        .append("caseId", m.caseId())
        .append("customerId", m.customerId())
        .append("triage", TriageDocs.triage(m.triage()))
        .append("visibility", m.visibility().code());
  }

  /** A mention or case stored before brands existed belongs to the default brand (until migrated). */
  static String brandOf(Document d) {
    String brand = d.getString("brand");
    return brand == null ? Brand.DEFAULT_ID : brand;
  }

  static Mention fromDoc(Document d) {
    Document a = d.get("author", Document.class);
    Author author = new Author(a.getString("id"), a.getString("handle"), a.getString("name"),
        ((Number) a.get("followers", 0L)).longValue(), a.getBoolean("verified", false));
    Map<String, String> meta = new LinkedHashMap<>();
    Document m = d.get("meta", Document.class);
    if (m != null) {
      m.forEach((k, v) -> meta.put(k, String.valueOf(v)));
    }
    return new Mention(d.getString("_id"), Platform.fromCode(d.getString("platform")).orElseThrow(),
        d.getString("account"), brandOf(d), d.getString("externalId"), author, d.getString("text"),
        Dates.instant(d.get("createdAt")), d.getString("inReplyTo"), d.getString("url"),
        d.getString("lang"), meta, Dates.instant(d.get("receivedAt")), d.getString("caseId"),
        TriageDocs.triage(d.get("triage", Document.class)), Visibility.orPublic(d.getString("visibility")));
  }
}

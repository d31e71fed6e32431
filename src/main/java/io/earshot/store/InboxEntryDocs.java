package io.earshot.store;

import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/** Maps a {@code cases} document to its {@link InboxEntry}. */
final class InboxEntryDocs {
  private InboxEntryDocs() {
  }

  static InboxEntry entry(Document d, String text) {
    Document triage = d.get("triage", Document.class);
    Document priority = d.get("priority", Document.class);
    Document sla = d.get("sla") instanceof Document s ? s : null;
    return new InboxEntry(d.getString("_id"), MentionDocs.brandOf(d), d.getString("platform"),
        d.getString("status"), d.getString("assignee"), d.getString("team"),
        d.getList("tags", String.class, List.of()), triage == null ? null : triage.getString("label"),
        reasons(triage), priority == null ? 0 : priority.getInteger("value", 0), d.getString("customerId"),
        Dates.instant(d.get("createdAt")), Dates.instant(d.get("updatedAt")), Dates.instant(d.get("lastMentionAt")),
        Dates.instant(d.get("firstResponseAt")), d.getString("problemId"),
        sla == null ? null : sla.getString("state"), sla == null ? null : Dates.instant(sla.get("dueAt")),
        Dates.instant(d.get("snoozedUntil")), text);
  }

  private static List<String> reasons(Document triage) {
    List<String> codes = new ArrayList<>();
    if (triage != null) {
      triage.getList("reasons", Document.class, List.of()).forEach(r -> codes.add(r.getString("code")));
    }
    return codes;
  }
}

package io.earshot.store;

import io.earshot.domain.CareCase;
import io.earshot.domain.CaseStatus;
import io.earshot.domain.Platform;
import java.util.List;
import org.bson.Document;

/** Maps {@link CareCase} to and from its document in {@code cases}. */
final class CaseDocs {
  private CaseDocs() {
  }

  static CareCase fromDoc(Document d) {
    Document priority = d.get("priority", Document.class);
    return new CareCase(d.getString("_id"), Platform.fromCode(d.getString("platform")).orElseThrow(),
        d.getString("account"), MentionDocs.brandOf(d), d.getString("customerId"), d.getString("customerHandle"),
        CaseStatus.fromCode(d.getString("status")), TriageDocs.priority(priority),
        TriageDocs.triage(d.get("triage", Document.class)), d.getString("assignee"),
        d.getList("tags", String.class, List.of()), d.getString("subject"), d.getString("lastText"),
        d.getInteger("mentionCount", 0), Dates.instant(d.get("createdAt")),
        Dates.instant(d.get("updatedAt")), Dates.instant(d.get("lastMentionAt")),
        Dates.instant(d.get("firstResponseAt")), Dates.instant(d.get("resolvedAt")), version(d),
        Dates.instant(d.get("snoozedUntil")),
        SlaDocs.fromDoc(d.get("sla", Document.class)),
        d.getString("team"), d.getString("problemId"), Dates.instant(d.get("previousCaseAt")));
  }

  /** Documents written before versions existed count as version 0. */
  static long version(Document d) {
    Object v = d.get("version");
    return v instanceof Number n ? n.longValue() : 0L;
  }
}

package io.earshot.store;

import io.earshot.domain.Engagement;
import io.earshot.domain.Platform;
import io.earshot.domain.Reply;
import io.earshot.domain.ReplyState;
import org.bson.Document;

/** Maps {@link Reply} to and from its document in {@code replies} (the outbox). */
final class ReplyDocs {
  private ReplyDocs() {
  }

  static Document toDoc(Reply r) {
    return new Document("_id", r.id())
        .append("caseId", r.caseId())
        .append("platform", r.platform().code())
        .append("account", r.account())
        .append("text", r.text())
        .append("state", r.state().code())
        .append("inReplyToExternalId", r.inReplyToExternalId())
        .append("author", r.author())
        .append("externalId", r.externalId())
        .append("attempts", r.attempts())
        .append("nextAttemptAt", Dates.of(r.nextAttemptAt()))
        .append("lastError", r.lastError())
        .append("createdAt", Dates.of(r.createdAt()))
        .append("sentAt", Dates.of(r.sentAt()))
        .append("engagement", engagement(r.engagement()))
        .append("version", r.version());
  }

  static Document engagement(Engagement e) {
    Engagement v = e == null ? Engagement.none() : e;
    return new Document("likes", v.likes()).append("reposts", v.reposts())
        .append("replies", v.replies()).append("measuredAt", Dates.of(v.measuredAt()));
  }

  static Reply fromDoc(Document d) {
    Document e = d.get("engagement", Document.class);
    Engagement engagement = e == null ? Engagement.none() : new Engagement(
        number(e, "likes"), number(e, "reposts"), number(e, "replies"), Dates.instant(e.get("measuredAt")));
    return new Reply(d.getString("_id"), d.getString("caseId"),
        Platform.fromCode(d.getString("platform")).orElseThrow(), d.getString("account"),
        d.getString("text"), ReplyState.fromCode(d.getString("state")),
        d.getString("inReplyToExternalId"), d.getString("author"), d.getString("externalId"),
        d.getInteger("attempts", 0), Dates.instant(d.get("nextAttemptAt")), d.getString("lastError"),
        Dates.instant(d.get("createdAt")), Dates.instant(d.get("sentAt")), engagement, CaseDocs.version(d));
  }

  private static long number(Document d, String key) {
    Object v = d.get(key);
    return v instanceof Number n ? n.longValue() : 0;
  }
}

package io.earshot.store;

import io.earshot.domain.Engagement;
import io.earshot.domain.Platform;
import io.earshot.domain.Reply;
import io.earshot.domain.ReplyState;
import io.earshot.domain.Visibility;
import io.earshot.domain.approval.Approval;
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
        .append("approval", approval(r.approval()))
        .append("version", r.version())
        .append("visibility", r.visibility().code());
  }

  static Document approval(Approval a) {
    if (a == null) {
      return null;
    }
    return new Document("ruleId", a.ruleId()).append("approver", a.approver()).append("selfApproval", a.selfApproval())
        .append("matched", a.matched()).append("heldAt", Dates.of(a.heldAt()))
        .append("escalateAt", Dates.of(a.escalateAt())).append("escalated", a.escalated())
        .append("submittedText", a.submittedText()).append("decidedBy", a.decidedBy())
        .append("decidedAt", Dates.of(a.decidedAt())).append("approvedSha256", a.approvedSha256())
        .append("note", a.note());
  }

  static Approval approval(Document d) {
    if (d == null) {
      return null;
    }
    return new Approval(d.getString("ruleId"), d.getString("approver"), d.getBoolean("selfApproval", false),
        d.getString("matched"), Dates.instant(d.get("heldAt")), Dates.instant(d.get("escalateAt")),
        d.getBoolean("escalated", false), d.getString("submittedText"), d.getString("decidedBy"),
        Dates.instant(d.get("decidedAt")), d.getString("approvedSha256"), d.getString("note"));
  }

  static Document engagement(Engagement e) {
    Engagement v = e == null ? Engagement.none() : e;
    return new Document("likes", v.likes()).append("reposts", v.reposts()).append("replies", v.replies())
        .append("quotes", v.quotes()).append("impressions", v.impressions())
        .append("measuredAt", Dates.of(v.measuredAt()));
  }

  static Reply fromDoc(Document d) {
    Document e = d.get("engagement", Document.class);
    Engagement engagement = e == null ? Engagement.none() : new Engagement(number(e, "likes"),
        number(e, "reposts"), number(e, "replies"), optionalNumber(e, "quotes"), optionalNumber(e, "impressions"),
        Dates.instant(e.get("measuredAt")));
    return new Reply(d.getString("_id"), d.getString("caseId"),
        Platform.fromCode(d.getString("platform")).orElseThrow(), d.getString("account"),
        d.getString("text"), ReplyState.fromCode(d.getString("state")),
        d.getString("inReplyToExternalId"), d.getString("author"), d.getString("externalId"),
        d.getInteger("attempts", 0), Dates.instant(d.get("nextAttemptAt")), d.getString("lastError"),
        Dates.instant(d.get("createdAt")), Dates.instant(d.get("sentAt")), engagement,
        approval(d.get("approval", Document.class)), CaseDocs.version(d),
        Visibility.orPublic(d.getString("visibility")));
  }

  private static long number(Document d, String key) {
    Object v = d.get(key);
    return v instanceof Number n ? n.longValue() : 0;
  }

  /** A count the platform may not give: null when absent. */
  private static Long optionalNumber(Document d, String key) {
    return d.get(key) instanceof Number n ? n.longValue() : null;
  }
}

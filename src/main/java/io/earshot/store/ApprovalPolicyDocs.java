package io.earshot.store;

import io.earshot.domain.approval.ApprovalConditions;
import io.earshot.domain.approval.ApprovalKind;
import io.earshot.domain.approval.ApprovalPolicy;
import io.earshot.domain.approval.ApprovalRule;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;

/** Maps the {@link ApprovalPolicy} to and from its document. */
final class ApprovalPolicyDocs {
  /**
   * A fresh hub holds replies that promise money or mention the law for a manager: what a brand
   * would least like to see go out unchecked. Admins replace it with their own rules.
   */
  static final ApprovalPolicy DEFAULT = new ApprovalPolicy(List.of(new ApprovalRule("refund", null,
      Set.of(ApprovalKind.REPLY), new ApprovalConditions(List.of("refund", "compensation", "legal", "lawsuit", "lawyer"),
          null, null, null, null, null, null, null, false), "manager", 30, false)), 0);

  private ApprovalPolicyDocs() {
  }

  static Document toDoc(ApprovalPolicy p) {
    return new Document("rules", p.rules().stream().map(ApprovalPolicyDocs::rule).toList()).append("version", p.version());
  }

  static ApprovalPolicy fromDoc(Document d) {
    List<ApprovalRule> rules = d.getList("rules", Document.class, List.of()).stream()
        .map(ApprovalPolicyDocs::rule).toList();
    return new ApprovalPolicy(rules, CaseDocs.version(d));
  }

  private static Document rule(ApprovalRule r) {
    ApprovalConditions w = r.when();
    Document when = new Document("words", w.words()).append("followersAtLeast", w.followersAtLeast())
        .append("verified", w.verified()).append("sentimentBelow", w.sentimentBelow()).append("reasons", w.reasons())
        .append("platforms", w.platforms()).append("authorNewerThanDays", w.authorNewerThanDays())
        .append("authorFlagged", w.authorFlagged())
        .append("always", w.always());
    return new Document("id", r.id()).append("brand", r.brand())
        .append("kinds", r.kinds().stream().map(ApprovalKind::code).sorted().toList()).append("when", when)
        .append("approver", r.approver()).append("escalateAfterMinutes", r.escalateAfterMinutes())
        .append("selfApproval", r.selfApproval());
  }

  private static ApprovalRule rule(Document d) {
    Document w = d.get("when", new Document());
    ApprovalConditions when = new ApprovalConditions(w.getList("words", String.class, List.of()),
        number(w.get("followersAtLeast")), w.getBoolean("verified"), w.getDouble("sentimentBelow"),
        w.getList("reasons", String.class, List.of()), w.getList("platforms", String.class, List.of()),
        w.getInteger("authorNewerThanDays"), w.getBoolean("authorFlagged"), w.getBoolean("always", false));
    Set<ApprovalKind> kinds = d.getList("kinds", String.class, List.of()).stream()
        .map(k -> ApprovalKind.fromCode(k).orElseThrow()).collect(Collectors.toSet());
    return new ApprovalRule(d.getString("id"), d.getString("brand"), kinds, when, d.getString("approver"),
        d.getInteger("escalateAfterMinutes"), d.getBoolean("selfApproval", false));
  }

  private static Long number(Object v) {
    return v instanceof Number n ? n.longValue() : null;
  }
}

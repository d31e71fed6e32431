package io.earshot.domain.approval;

import java.util.Set;

/**
 * One rule of a policy: which brand's items it looks at ({@code brand} null: every brand), of
 * which kinds, when it holds them, which role approves them, and after how long a waiting item
 * is escalated to every approver. {@code selfApproval} lets an approver release what they wrote
 * themselves; without it nobody approves their own reply.
 */
public record ApprovalRule(String id, String brand, Set<ApprovalKind> kinds, ApprovalConditions when,
                           String approver, Integer escalateAfterMinutes, boolean selfApproval) {
  public ApprovalRule {
    kinds = kinds == null || kinds.isEmpty() ? Set.of(ApprovalKind.REPLY) : Set.copyOf(kinds);
  }

  public boolean holds(ApprovalSubject s) {
    return kinds.contains(s.kind()) && (brand == null || brand.equals(s.brand())) && when.match(s);
  }
}

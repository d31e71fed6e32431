package io.earshot.domain.approval;

import io.earshot.domain.Decision;
import io.earshot.domain.event.ReplyEvents.ApprovalPolicyUpdated;
import io.earshot.error.DomainError;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The hub's approval policy: ordered rules, the first that holds an item decides who approves
 * it. Broadcasts always need approval: with no rule for them, {@link #BROADCAST_DEFAULT} holds
 * them for a manager. {@code version} grows with every change of the policy.
 */
public record ApprovalPolicy(List<ApprovalRule> rules, long version) {
  public static final ApprovalRule BROADCAST_DEFAULT = new ApprovalRule("broadcasts", null,
      Set.of(ApprovalKind.BROADCAST), new ApprovalConditions(null, null, null, null, null, null, null, null, true),
      "manager", null, false);
  public static final Set<String> APPROVER_ROLES = Set.of("manager", "admin");

  public ApprovalPolicy {
    rules = List.copyOf(rules);
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < rules.size(); i++) {
      validate(rules.get(i), i, ids);
    }
  }

  /** The rule that holds {@code subject}, if any. */
  public Optional<ApprovalRule> holding(ApprovalSubject subject) {
    Optional<ApprovalRule> rule = rules.stream().filter(r -> r.holds(subject)).findFirst();
    if (rule.isEmpty() && subject.kind() == ApprovalKind.BROADCAST) {
      return Optional.of(BROADCAST_DEFAULT);
    }
    return rule;
  }

  /** An admin replaces the rules (validated here, each error naming its rule and field). */
  public Decision<ApprovalPolicy> replace(List<ApprovalRule> next, String actor, Instant at) {
    ApprovalPolicy after = new ApprovalPolicy(next, version + 1);
    String detail = next.isEmpty() ? "no rules: nothing is held but broadcasts"
        : "rules " + next.stream().map(ApprovalRule::id).collect(Collectors.joining(", "));
    return new Decision<>(after, List.of(new ApprovalPolicyUpdated(after.version(), actor, detail, at)));
  }

  private static void validate(ApprovalRule rule, int index, Set<String> ids) {
    String at = "rules[" + index + "]";
    if (rule.id() == null || rule.id().isBlank() || rule.id().length() > 64) {
      throw new DomainError.Invalid(at + ".id", "must be 1 to 64 characters");
    }
    if (!ids.add(rule.id())) {
      throw new DomainError.Invalid(at + ".id", "'" + rule.id() + "' is used by another rule");
    }
    if (!APPROVER_ROLES.contains(rule.approver())) {
      throw new DomainError.Invalid(at + ".approver", "must be manager or admin");
    }
    if (rule.when().isEmpty() && !rule.when().always()) {
      throw new DomainError.Invalid(at + ".when", "needs at least one condition, or always: true");
    }
    if (rule.escalateAfterMinutes() != null && rule.escalateAfterMinutes() < 1) {
      throw new DomainError.Invalid(at + ".escalateAfterMinutes", "must be at least 1");
    }
    if (rule.when().words().stream().anyMatch(w -> w == null || w.isBlank())) {
      throw new DomainError.Invalid(at + ".when.words", "must not contain empty words");
    }
  }
}

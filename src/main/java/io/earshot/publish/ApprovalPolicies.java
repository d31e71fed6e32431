package io.earshot.publish;

import io.earshot.auth.User;
import io.earshot.domain.CareCase;
import io.earshot.domain.Customer;
import io.earshot.domain.Decision;
import io.earshot.domain.Reason;
import io.earshot.domain.approval.ApprovalKind;
import io.earshot.domain.approval.ApprovalPolicy;
import io.earshot.domain.approval.ApprovalRule;
import io.earshot.domain.approval.ApprovalSubject;
import io.earshot.error.DomainError;
import io.earshot.events.Change;
import io.earshot.events.EventDispatcher;
import io.earshot.store.ApprovalPolicyStore;
import io.earshot.store.CustomerStore;
import io.earshot.store.MongoStore;
import io.earshot.store.UserStore;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The approval policy: admins read and replace it; a submitted reply asks it which rule, if
 * any, holds it. The subject it judges is gathered here from the stores (the customer's reach,
 * the case's scores, when the reply's author joined, whether an admin flagged them), the decision is the policy's own.
 */
public final class ApprovalPolicies {
  private final ApprovalPolicyStore policies;
  private final CustomerStore customers;
  private final UserStore users;
  private final EventDispatcher events;
  private final Clock clock;

  public ApprovalPolicies(ApprovalPolicyStore policies, CustomerStore customers, UserStore users,
                          EventDispatcher events, Clock clock) {
    this.policies = policies;
    this.customers = customers;
    this.users = users;
    this.events = events;
    this.clock = clock;
  }

  /** A rule that holds an item, and the word or phrase that made it hold (null for other conditions). */
  public record Hold(ApprovalRule rule, String matched) {
  }

  public Future<ApprovalPolicy> get() {
    return policies.get();
  }

  public Future<ApprovalPolicy> replace(List<ApprovalRule> rules, User actor) {
    if (!actor.isAdmin()) {
      return Future.failedFuture(new DomainError.Forbidden("only an admin changes the approval policy"));
    }
    return policies.get().compose(before -> {
      Decision<ApprovalPolicy> decision = before.replace(rules, actor.username(), clock.instant());
      Change change = Change.of(MongoStore.POLICIES, "approval", decision.events());
      return events.apply(change, () -> policies.save(decision.state(), before.version(), change.id()));
    });
  }

  /** The rule holding a reply of {@code author} with {@code text} in case {@code c}; null when it may go at once. */
  Future<Hold> holdFor(CareCase c, String text, User author) {
    Future<Customer> customer = c.customerId() == null ? Future.succeededFuture() : customers.get(c.customerId());
    Future<UserStore.StoredUser> person = users.findUser(author.username());
    return Future.all(policies.get(), customer, person).map(all -> {
      ApprovalPolicy policy = all.resultAt(0);
      ApprovalSubject subject = subject(c, text, all.resultAt(1), all.resultAt(2));
      return policy.holding(subject).map(rule -> new Hold(rule, rule.when().firstWordIn(text))).orElse(null);
    });
  }

  private ApprovalSubject subject(CareCase c, String text, Customer customer, UserStore.StoredUser person) {
    List<String> reasons = c.triage() == null ? List.of() : c.triage().reasons().stream().map(Reason::code).toList();
    Double sentiment = c.triage() == null ? null : c.triage().sentiment();
    Instant since = person == null ? null : person.createdAt();
    return new ApprovalSubject(ApprovalKind.REPLY, c.brand(), text, customer == null ? 0 : customer.followers(),
        customer != null && customer.verified(), sentiment, reasons, c.platform().code(), since,
        person != null && person.flagged(), clock.instant());
  }
}

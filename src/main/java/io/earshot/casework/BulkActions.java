package io.earshot.casework;

import io.earshot.auth.User;
import io.earshot.domain.CareCase;
import io.earshot.domain.CaseStatus;
import io.earshot.error.DomainError;
import io.earshot.inbox.CaseChange;
import io.earshot.inbox.CaseChanges;
import io.earshot.store.CustomerStore;
import io.vertx.core.Future;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * One action on many selected cases, each through the same path as changing one case
 * ({@link CaseChanges}: role, lifecycle, versioned write, events), so a bulk assign validates
 * assignees exactly as {@code PATCH /cases/{id}} does. Every case is tried; the answer lists, per
 * id in the order asked, the case as changed or why it was refused; the good ones land whatever
 * the others do. {@code spam} resolves the case with the tag {@code spam} and flags its customer
 * with the tag {@code spam}. Futures fail only for a request that is wrong as a whole
 * ({@link DomainError.Invalid} naming {@code ids}, {@code action} or {@code value}; {@code Forbidden}).
 */
public final class BulkActions {
  public static final int MAX_IDS = 200;
  public static final String SPAM = "spam";
  private final CaseChanges changes;
  private final CustomerStore customers;

  public BulkActions(CaseChanges changes, CustomerStore customers) {
    this.changes = changes;
    this.customers = customers;
  }

  /** One case's outcome: the case after the action, or the refusal. */
  public record Outcome(String id, CareCase careCase, Throwable error) {
  }

  public Future<List<Outcome>> run(List<String> ids, String action, String value, User user) {
    if (!user.canWorkCases()) {
      return Future.failedFuture(new DomainError.Forbidden("a marketer cannot change cases"));
    }
    if (ids.isEmpty() || ids.size() > MAX_IDS) {
      return Future.failedFuture(new DomainError.Invalid("ids", "give 1 to " + MAX_IDS + " case ids"));
    }
    CaseChange change = changeFor(action, value);
    List<Future<Outcome>> outcomes = new LinkedHashSet<>(ids).stream().map(id -> one(id, action, change, user)).toList();
    return Future.join(outcomes).transform(v -> Future.succeededFuture(outcomes.stream().map(Future::result).toList()));
  }

  private Future<Outcome> one(String id, String action, CaseChange change, User user) {
    Future<CareCase> changed = changes.change(id, change, user);
    if (action.equals(SPAM)) {
      changed = changed.compose(c -> customers.addTag(c.customerId(), SPAM).map(c));
    }
    return changed.map(c -> new Outcome(id, c, null)).otherwise(e -> new Outcome(id, null, e));
  }

  private static CaseChange changeFor(String action, String value) {
    return switch (action == null ? "" : action) {
      case "assign" -> new CaseChange(null, value == null ? "" : value);
      case "tag" -> new CaseChange(null, null, null, null, List.of(required(value)), null);
      case "resolve" -> new CaseChange(CaseStatus.RESOLVED, null);
      case "snooze" -> new CaseChange(null, null, null, null, null, new CaseChange.Snooze(time(required(value))));
      case SPAM -> new CaseChange(CaseStatus.RESOLVED, null, null, null, List.of(SPAM), null);
      default -> throw new DomainError.Invalid("action", "must be one of assign, tag, resolve, snooze, spam");
    };
  }

  private static String required(String value) {
    if (value == null || value.isBlank()) {
      throw new DomainError.Invalid("value", "is required for this action");
    }
    return value;
  }

  private static Instant time(String value) {
    try {
      return Instant.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new DomainError.Invalid("value", "must be an ISO-8601 time such as 2026-12-01T09:00:00Z");
    }
  }
}

package io.earshot.inbox;

import io.earshot.auth.User;
import io.earshot.domain.CareCase;
import io.earshot.domain.CaseStatus;
import io.earshot.error.ApiException;
import io.earshot.live.Announcer;
import io.earshot.store.AuditLog;
import io.earshot.store.CaseQuery;
import io.earshot.store.CaseStore;
import io.earshot.store.CustomerStore;
import io.earshot.store.MentionStore;
import io.earshot.store.Page;
import io.earshot.store.ReplyStore;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The shared inbox: listing cases, opening one with its thread, and the agent's changes (claim,
 * status). Every change is checked against the actor's role, audited and announced live.
 * Futures fail with {@link ApiException.NotFound} or {@link ApiException.Forbidden}.
 */
public final class InboxService {
  private final CaseStore cases;
  private final MentionStore mentions;
  private final ReplyStore replies;
  private final CustomerStore customers;
  private final AuditLog audit;
  private final Announcer announcer;
  private final Clock clock;

  public InboxService(CaseStore cases, MentionStore mentions, ReplyStore replies, CustomerStore customers,
                      AuditLog audit, Announcer announcer, Clock clock) {
    this.cases = cases;
    this.mentions = mentions;
    this.replies = replies;
    this.customers = customers;
    this.audit = audit;
    this.announcer = announcer;
    this.clock = clock;
  }

  public Future<Page<CareCase>> list(CaseQuery query) {
    return cases.list(query);
  }

  public Future<CaseDetail> open(String id) {
    return cases.getWithThread(id).compose(found -> {
      if (found == null) {
        return Future.failedFuture(new ApiException.NotFound("no case " + id));
      }
      CareCase c = found.careCase();
      var thread = mentions.thread(found.mentionIds());
      var answers = replies.ofCase(id);
      var customer = customers.get(c.customerId());
      var history = cases.ofCustomer(c.customerId(), 20);
      return Future.all(thread, answers, customer, history).map(all -> new CaseDetail(c,
          thread.result(), answers.result(), customer.result(),
          history.result().stream().filter(h -> !h.id().equals(id)).toList()));
    });
  }

  public Future<CareCase> change(String id, CaseChange change, User user) {
    if (!user.canWorkCases()) {
      return Future.failedFuture(new ApiException.Forbidden("a marketer cannot change cases"));
    }
    Instant now = clock.instant();
    Map<String, Object> fields;
    try {
      fields = fields(change, user, now);
    } catch (ApiException e) {
      return Future.failedFuture(e);
    }
    return cases.set(id, fields, now).compose(c -> {
      if (c == null) {
        return Future.failedFuture(new ApiException.NotFound("no case " + id));
      }
      return audit.record(user.username(), "case.updated", "case:" + id, fields.keySet().toString(), now)
          .compose(v -> announcer.caseUpdated(c)).map(c);
    });
  }

  private static Map<String, Object> fields(CaseChange change, User user, Instant now) {
    Map<String, Object> fields = new LinkedHashMap<>();
    if (change.status() != null) {
      fields.put("status", change.status().code());
      fields.put("resolvedAt", change.status() == CaseStatus.RESOLVED ? now : null);
    }
    if (change.assignee() != null) {
      // "me" is whoever the server authenticated, so a page never claims in a name it assumed.
      String assignee = CaseChange.ME.equals(change.assignee()) ? user.username() : change.assignee();
      fields.put("assignee", assignee.isEmpty() ? null : assignee);
    }
    if (fields.isEmpty()) {
      throw new ApiException.Invalid("status", "give a status or an assignee to change");
    }
    return fields;
  }
}

package io.earshot.publish;

import io.earshot.auth.User;
import io.earshot.connector.ConnectorRegistry;
import io.earshot.domain.CareCase;
import io.earshot.domain.Decision;
import io.earshot.domain.Reply;
import io.earshot.domain.ReplyLifecycle;
import io.earshot.domain.ReplyState;
import io.earshot.error.DomainError;
import io.earshot.store.CaseStore;
import io.earshot.store.ReplyStore;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * The approval queue and what approvers decide: approve (with an edit or not), reject with a
 * reason, or send back to the agent with a note. Each decision is the reply lifecycle's, stored
 * on the version it was decided on (two approvers deciding at once: one wins, the other gets
 * {@code Conflict}). An approved reply wakes the publisher.
 */
public final class ApprovalService {
  private static final int QUEUE_LIMIT = 500;
  private final ReplyStore replies;
  private final CaseStore cases;
  private final ReplyChanges changes;
  private final ConnectorRegistry connectors;
  private final Publisher publisher;
  private final Clock clock;

  public ApprovalService(PublishStores stores, ConnectorRegistry connectors, Publisher publisher, Clock clock) {
    this.replies = stores.replies();
    this.cases = stores.cases();
    this.changes = new ReplyChanges(stores);
    this.connectors = connectors;
    this.publisher = publisher;
    this.clock = clock;
  }

  /** A held reply in its case. */
  public record Pending(Reply reply, CareCase careCase) {
  }

  /** What an approver decided: {@code approve} (with {@code text} when edited), {@code reject} or {@code return}. */
  public record Verdict(String decision, String text, String reason) {
  }

  public Future<List<Pending>> queue(User user) {
    if (!user.canApprove()) {
      return Future.failedFuture(new DomainError.Forbidden("only managers and admins approve replies"));
    }
    return replies.pendingApproval(QUEUE_LIMIT).compose(held -> cases.byIds(held.stream().map(Reply::caseId).toList())
        .map(byId -> held.stream().map(r -> new Pending(r, byId.get(r.caseId()))).toList()));
  }

  public Future<Reply> decide(String replyId, Verdict verdict, User user) {
    return replies.get(replyId).compose(r -> {
      Function<Reply, Decision<Reply>> decide = decision(verdict, user, clock.instant());
      if (r == null) {
        return Future.failedFuture(new DomainError.NotFound("no reply " + replyId));
      }
      if (!user.canApprove() || ("admin".equals(approver(r)) && !user.isAdmin())) {
        return Future.failedFuture(new DomainError.Forbidden("this reply waits for approval by a " + approver(r)));
      }
      checkEdit(r, verdict);
      return changes.save(r, decide.apply(r)).recover(e -> e instanceof io.earshot.store.StaleWrite
          ? Future.failedFuture(new DomainError.Conflict("reply " + replyId + " was decided by someone else first"))
          : Future.failedFuture(e));
    }).onSuccess(r -> {
      if (r.state() == ReplyState.QUEUED) {
        publisher.wake();
      }
    });
  }

  private static Function<Reply, Decision<Reply>> decision(Verdict v, User user, Instant at) {
    String actor = user.username();
    return switch (v.decision() == null ? "" : v.decision()) {
      case "approve" -> r -> ReplyLifecycle.approve(r, editedText(v.text()), actor, at);
      case "reject" -> r -> ReplyLifecycle.reject(r, v.reason(), actor, at);
      case "return" -> r -> ReplyLifecycle.sendBack(r, v.reason(), actor, at);
      default -> throw new DomainError.Invalid("decision", "must be approve, reject or return");
    };
  }

  /** An edited text must still fit the platform, as the agent's had to. */
  private void checkEdit(Reply r, Verdict v) {
    if (!"approve".equals(v.decision()) || v.text() == null || v.text().isBlank()) {
      return;
    }
    connectors.forCase(r.account(), r.platform()).map(c -> c.checkReply(v.text().strip()))
        .filter(check -> !check.ok()).ifPresent(check -> {
          throw new DomainError.Invalid("text", check.message());
        });
  }

  private static String editedText(String text) {
    if (text == null) {
      return null;
    }
    if (text.isBlank()) {
      throw new DomainError.Invalid("text", "must not be empty");
    }
    return text.strip();
  }

  private static String approver(Reply r) {
    return r.approval() == null ? "manager" : r.approval().approver();
  }
}

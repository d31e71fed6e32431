package io.earshot.publish;

import io.earshot.auth.User;
import io.earshot.connector.Connector;
import io.earshot.connector.ConnectorRegistry;
import io.earshot.connector.ReplyCheck;
import io.earshot.domain.CareCase;
import io.earshot.domain.Engagement;
import io.earshot.domain.Mention;
import io.earshot.domain.Reply;
import io.earshot.domain.ReplyLifecycle;
import io.earshot.domain.ReplyState;
import io.earshot.domain.Visibility;
import io.earshot.domain.approval.ApprovalRule;
import io.earshot.error.DomainError;
import io.earshot.presence.CollisionCheck;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Accepts an agent's reply into the outbox. The text (typed, filled from a saved reply, or a
 * saved reply's filled text as the agent edited it) is
 * checked against the platform's rules before anything is queued; the approval policy says
 * whether a rule holds it; the reply is then submitted through its lifecycle and written once
 * (its {@code reply.submitted} event tells the audit log and the dashboards), and the publisher
 * is woken when it may go at once. Futures fail with
 * {@link DomainError} ({@code NotFound}, {@code Invalid} naming the field, {@code Unprocessable}
 * naming {@code inReplyTo} for a mention of another case or {@code visibility} for a private
 * answer the account cannot send, {@code Forbidden},
 * {@code Conflict} when no account can publish for the case's platform, {@code Collision} when
 * another agent could be answering the same customer and the draft does not confirm).
 */
public final class ReplyService {
  private final PublishStores stores;
  private final ReplyChanges changes;
  private final ConnectorRegistry connectors;
  private final TemplateFiller templates;
  private final ApprovalPolicies approvals;
  private final Publisher publisher;
  private final Clock clock;
  private final CollisionCheck collisions;

  public ReplyService(PublishStores stores, ConnectorRegistry connectors, TemplateFiller templates,
                      ApprovalPolicies approvals, Publisher publisher, Clock clock, CollisionCheck collisions) {
    this.collisions = collisions;
    this.stores = stores;
    this.approvals = approvals;
    this.changes = new ReplyChanges(stores);
    this.connectors = connectors;
    this.templates = templates;
    this.publisher = publisher;
    this.clock = clock;
  }

  /**
   * The request: {@code text}, or a {@code template} (a saved reply's id or name) filled for the
   * case, or both: the saved reply's text as the agent edited it, sent as typed and counted as a
   * use of the template. {@code returnedId} names a reply an approver sent back, submitted again
   * with the new text; {@code inReplyTo} names the mention of the case it answers (null: the
   * newest); {@code confirm} sends even though another agent claimed the case, is typing on it or
   * answered the mention moments ago; {@code visibility} sends it as a public post or as a private
   * message to the customer, which the case's account must be able to send
   * ({@link DomainError.Unprocessable} naming {@code visibility} otherwise). Null: public, except
   * that an answer to a private message stays private where the account can send one, so a
   * client that never names it cannot turn a customer's private conversation public.
   */
  public record Draft(String text, String template, String returnedId, String inReplyTo, boolean confirm,
                      Visibility visibility) {
    public Draft(String text, String template, String returnedId, String inReplyTo, boolean confirm) {
      this(text, template, returnedId, inReplyTo, confirm, null);
    }

    public Draft(String text, String template, String returnedId) {
      this(text, template, returnedId, null, false);
    }
  }

  /** A saved reply or a body being written, filled for a case, and how the case's platform counts it. */
  public record Preview(String text, ReplyCheck check) {
  }

  public Future<Reply> submit(String caseId, Draft draft, User user) {
    if (!user.canWorkCases()) {
      return Future.failedFuture(new DomainError.Forbidden("a marketer cannot reply to customers"));
    }
    return stores.cases().getWithThread(caseId).compose(found -> found == null
        ? Future.failedFuture(new DomainError.NotFound("no case " + caseId))
        : stores.mentions().thread(found.mentionIds()).compose(thread -> write(found.careCase(), thread, draft, user)));
  }

  private Future<Reply> write(CareCase c, List<Mention> thread, Draft draft, User user) {
    return textOf(draft, c, user).compose(filled -> queue(c, thread, filled.text(), draft, user)
        .onSuccess(r -> {
          if (filled.template() != null) {
            templates.countUse(filled.template());
          }
        }));
  }

  /**
   * Fills saved reply {@code template}, or {@code body} when given instead, for the case, signed
   * by {@code user}, and counts it as the platform would; what the composer inserts.
   */
  public Future<Preview> preview(String caseId, String template, String body, User user) {
    if (!user.canWorkCases()) {
      return Future.failedFuture(new DomainError.Forbidden("a marketer does not reply to customers"));
    }
    return caseOrFail(caseId).compose(c -> (body != null ? templates.fillBody(c, body, user.username())
        : templates.fillTemplate(c, template, user.username()).map(TemplateFiller.Filled::text))
        .map(text -> new Preview(text, connectorFor(c).checkReply(text))));
  }

  /** Whether the case's account can answer in private: what the composer offers. */
  public boolean sendsPrivate(CareCase c) {
    return connectors.forCase(c.account(), c.platform()).map(Connector::sendsPrivate).orElse(false);
  }

  /** Counts a draft as the case's platform would, for the composer's live count. */
  public Future<ReplyCheck> check(String caseId, String text) {
    return check(caseId, text, null);
  }

  /** The same, for a reply to the case's mention {@code inReplyTo} (null: the newest), as the reply would go. */
  public Future<ReplyCheck> check(String caseId, String text, String inReplyTo) {
    return stores.cases().getWithThread(caseId).compose(found -> found == null
        ? Future.failedFuture(new DomainError.NotFound("no case " + caseId))
        : stores.mentions().thread(found.mentionIds()).map(thread -> connectorFor(found.careCase())
            .checkReply(text == null ? "" : text, target(thread, inReplyTo))));
  }

  private Future<Reply> queue(CareCase c, List<Mention> thread, String text, Draft draft, User user) {
    Connector connector = connectorFor(c);
    Mention target = target(thread, draft.inReplyTo());
    ReplyCheck check = connector.checkReply(text, target);
    if (!check.ok()) {
      // Well-formed, but the platform would refuse it: 422 naming the text.
      throw new DomainError.Unprocessable("text", check.message());
    }
    if (draft.returnedId() != null) {
      return resubmit(c, draft.returnedId(), text, user);
    }
    Visibility visibility = visibility(draft, target, connector, c);
    return collisions.check(c, target, user.username(), draft.confirm())
        .compose(v -> submitNew(c, connector, target, text, visibility, user));
  }

  private Future<Reply> submitNew(CareCase c, Connector connector, Mention target, String text, Visibility visibility,
                                  User user) {
    Instant now = clock.instant();
    Reply unsent = new Reply(UUID.randomUUID().toString(), c.id(), c.platform(), connector.account().name(),
        text, ReplyState.DRAFT, target == null ? null : target.externalId(), user.username(), null, 0,
        null, null, now, null, Engagement.none(), null, 0, visibility);
    return approvals.holdFor(c, text, user)
        .compose(hold -> changes.insert(ReplyLifecycle.submit(unsent, rule(hold), matched(hold), user.username(), now)))
        .onSuccess(this::wakeIfQueued);
  }

  /** A reply sent back by an approver goes through the policy again, with its author's new text. */
  private Future<Reply> resubmit(CareCase c, String replyId, String text, User user) {
    return stores.replies().get(replyId).compose(returned -> {
      if (returned == null || !returned.caseId().equals(c.id())) {
        return Future.failedFuture(new DomainError.Invalid("draft", "no reply " + replyId + " in this case"));
      }
      if (!returned.author().equals(user.username())) {
        return Future.failedFuture(new DomainError.Forbidden("only its author submits a returned reply again"));
      }
      return approvals.holdFor(c, text, user).compose(hold -> changes.save(returned,
          ReplyLifecycle.resubmit(returned, text, rule(hold), matched(hold), user.username(), clock.instant())));
    }).onSuccess(this::wakeIfQueued);
  }

  /**
   * The mention the reply answers: the one the agent chose, which must be in this case's thread
   * ({@link DomainError.Unprocessable} naming {@code inReplyTo} otherwise), else the newest.
   */
  private static Mention target(List<Mention> thread, String inReplyTo) {
    if (inReplyTo == null) {
      return thread.isEmpty() ? null : thread.get(thread.size() - 1);
    }
    return thread.stream().filter(m -> m.id().equals(inReplyTo)).findFirst().orElseThrow(() ->
        new DomainError.Unprocessable("inReplyTo", "mention " + inReplyTo + " is not in this case"));
  }

  private static Visibility visibility(Draft draft, Mention target, Connector connector, CareCase c) {
    if (draft.visibility() == null) {
      return target != null && target.isPrivate() && connector.sendsPrivate() ? Visibility.PRIVATE : Visibility.PUBLIC;
    }
    if (draft.visibility() == Visibility.PRIVATE && !connector.sendsPrivate()) {
      throw new DomainError.Unprocessable("visibility", "account " + connector.account().name()
          + " cannot send private messages on " + c.platform().code() + "; answer in public");
    }
    return draft.visibility();
  }

  private void wakeIfQueued(Reply r) {
    if (r.state() == ReplyState.QUEUED) {
      publisher.wake();
    }
  }

  private static ApprovalRule rule(ApprovalPolicies.Hold hold) {
    return hold == null ? null : hold.rule();
  }

  private static String matched(ApprovalPolicies.Hold hold) {
    return hold == null ? null : hold.matched();
  }

  /** The text to send and the saved reply it came from, if any. */
  private Future<TemplateFiller.Filled> textOf(Draft draft, CareCase c, User user) {
    Future<TemplateFiller.Filled> filled;
    if (draft.template() == null) {
      filled = Future.succeededFuture(new TemplateFiller.Filled(draft.text(), null));
    } else if (draft.text() == null) {
      filled = templates.fillTemplate(c, draft.template(), user.username());
    } else {
      filled = templates.find(c, draft.template()).map(r -> new TemplateFiller.Filled(draft.text(), r));
    }
    return filled.map(f -> {
      if (f.text() == null || f.text().isBlank()) {
        throw new DomainError.Invalid("text", "must not be empty");
      }
      return new TemplateFiller.Filled(f.text().strip(), f.template());
    });
  }

  private Connector connectorFor(CareCase c) {
    return connectors.forCase(c.account(), c.platform()).orElseThrow(() -> new DomainError.Conflict(
        "no connected " + c.platform().code() + " account can publish replies for this case"));
  }

  private Future<CareCase> caseOrFail(String caseId) {
    return stores.cases().get(caseId).compose(c -> c == null
        ? Future.failedFuture(new DomainError.NotFound("no case " + caseId))
        : Future.succeededFuture(c));
  }
}

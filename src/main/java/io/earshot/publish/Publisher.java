package io.earshot.publish;

import io.earshot.connector.Connector;
import io.earshot.connector.ConnectorException;
import io.earshot.connector.ConnectorRegistry;
import io.earshot.connector.OutgoingPost;
import io.earshot.domain.Mention;
import io.earshot.domain.Reply;
import io.earshot.live.Announcer;
import io.earshot.store.AuditLog;
import io.earshot.store.CaseStore;
import io.earshot.store.MentionStore;
import io.earshot.store.ReplyStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the outbox: claims a due reply (leased, so only one instance sends it at a time), sends
 * it through its account's connector with the reply id as idempotency key, then records the
 * platform id. A crash between sending and recording leaves the reply in {@code sending}; once
 * the lease lapses it is claimed again and re-sent with the same key, which the platform (or the
 * connector's own check) answers with the first post's id: published at most once, never lost.
 */
public final class Publisher {
  private static final Logger LOG = LoggerFactory.getLogger(Publisher.class);
  private static final int MAX_ATTEMPTS = 8;
  /** How the publisher appears in the audit log. */
  private static final String ACTOR = "system:publisher";
  private static final long IDLE_POLL_MS = 1000;
  private final Vertx vertx;
  private final ReplyStore replies;
  private final MentionStore mentions;
  private final CaseStore cases;
  private final ConnectorRegistry connectors;
  private final Announcer announcer;
  private final AuditLog audit;
  private final Clock clock;
  private final Duration lease;
  private boolean draining;
  private boolean stopped;
  private long timer = -1;

  public Publisher(Vertx vertx, PublishStores stores, ConnectorRegistry connectors, Clock clock, Duration lease) {
    this.vertx = vertx;
    this.replies = stores.replies();
    this.mentions = stores.mentions();
    this.cases = stores.cases();
    this.announcer = stores.announcer();
    this.audit = stores.audit();
    this.connectors = connectors;
    this.clock = clock;
    this.lease = lease;
  }

  public void start() {
    timer = vertx.setPeriodic(IDLE_POLL_MS, id -> wake());
    wake();
  }

  public void stop() {
    stopped = true;
    vertx.cancelTimer(timer);
  }

  /** Drains every due reply, one at a time; extra wake-ups while draining are absorbed. */
  public void wake() {
    if (draining || stopped) {
      return;
    }
    draining = true;
    drain().onComplete(done -> draining = false);
  }

  private Future<Void> drain() {
    Instant now = clock.instant();
    return replies.claimDue(now, now.plus(lease)).compose(reply -> {
      if (reply == null || stopped) {
        return Future.succeededFuture();
      }
      return send(reply).recover(e -> Future.succeededFuture()).compose(v -> drain());
    });
  }

  private Future<Void> send(Reply reply) {
    Connector connector = connectors.forCase(reply.account(), reply.platform()).orElse(null);
    if (connector == null) {
      return fail(reply, "no connected " + reply.platform().code() + " account to publish through");
    }
    String targetId = reply.inReplyToExternalId() == null ? null : Mention.idOf(reply.platform(), reply.inReplyToExternalId());
    Future<Mention> target = targetId == null ? Future.succeededFuture() : mentions.get(targetId);
    return target.compose(mention -> connector.publish(new OutgoingPost(reply.id(), reply.text(), mention)))
        .compose(externalId -> recordSent(reply, externalId))
        .recover(error -> handleFailure(reply, error));
  }

  private Future<Void> recordSent(Reply reply, String externalId) {
    Instant at = clock.instant();
    return replies.markSent(reply, externalId, at).compose(sent -> {
      if (sent == null) {
        return Future.succeededFuture();
      }
      LOG.info("reply={} case={} sent as platform={} id={}", reply.id(), reply.caseId(), reply.platform().code(), externalId);
      return audit.record(ACTOR, "reply.sent", "reply:" + reply.id(), externalId, at)
          .compose(v -> announcer.reply(sent, false))
          .compose(v -> cases.markResponded(reply.caseId(), at))
          .compose(c -> c == null ? Future.succeededFuture() : announcer.caseUpdated(c));
    });
  }

  private Future<Void> handleFailure(Reply reply, Throwable error) {
    boolean permanent = error instanceof ConnectorException.Rejected
        || error instanceof ConnectorException.Unauthorized;
    if (permanent || reply.attempts() >= MAX_ATTEMPTS) {
      return fail(reply, error.getMessage());
    }
    Instant retryAt = error instanceof ConnectorException.RateLimited limited && limited.resetAt() != null
        ? limited.resetAt() : clock.instant().plusSeconds(Math.min(300, 1L << reply.attempts()));
    LOG.warn("reply={} attempt {} failed, retrying at {}: {}", reply.id(), reply.attempts(), retryAt, error.toString());
    return replies.retryAt(reply.id(), retryAt, error.getMessage())
        .compose(r -> r == null ? Future.succeededFuture() : announcer.reply(r, false));
  }

  private Future<Void> fail(Reply reply, String why) {
    LOG.warn("reply={} case={} failed for good: {}", reply.id(), reply.caseId(), why);
    return replies.markFailed(reply.id(), why)
        .compose(r -> r == null ? Future.succeededFuture()
            : audit.record(ACTOR, "reply.failed", "reply:" + reply.id(), why, clock.instant())
                .compose(v -> announcer.reply(r, false)));
  }
}

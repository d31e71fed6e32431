package io.earshot.publish;

import io.earshot.concurrent.Owner;
import io.earshot.connector.Connector;
import io.earshot.connector.ConnectorException;
import io.earshot.connector.ConnectorRegistry;
import io.earshot.connector.OutgoingPost;
import io.earshot.domain.Mention;
import io.earshot.domain.Reply;
import io.earshot.domain.ReplyLifecycle;
import io.earshot.error.DomainError;
import io.earshot.store.MentionStore;
import io.earshot.store.ReplyStore;
import io.earshot.store.StaleWrite;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the outbox: claims a due reply through its lifecycle (stored only over the version it
 * read, so of two instances only one wins the claim), sends it through its account's connector
 * with the reply id as idempotency key, records the case's response, then the platform id. A
 * crash between sending and recording leaves the reply in {@code sending}; once the claim lapses
 * it is claimed again and re-sent with the same key, which the platform (or the connector's own
 * check) answers with the first post's id: published at most once, never lost.
 */
public final class Publisher {
  private static final Logger LOG = LoggerFactory.getLogger(Publisher.class);
  private static final int MAX_ATTEMPTS = 8;
  private static final long IDLE_POLL_MS = 1000;
  private final Vertx vertx;
  private final ReplyStore replies;
  private final MentionStore mentions;
  private final ReplyChanges changes;
  private final ConnectorRegistry connectors;
  private final Clock clock;
  private final Duration lease;
  private volatile Owner owner;
  private boolean draining;
  private boolean stopped;
  private long timer = -1;

  public Publisher(Vertx vertx, PublishStores stores, ConnectorRegistry connectors, Clock clock, Duration lease) {
    this.vertx = vertx;
    this.replies = stores.replies();
    this.mentions = stores.mentions();
    this.changes = new ReplyChanges(stores);
    this.connectors = connectors;
    this.clock = clock;
    this.lease = lease;
  }

  /** Starts draining on the calling context, which owns the publisher from now on. */
  public void start() {
    owner = Owner.current(vertx);
    timer = vertx.setPeriodic(IDLE_POLL_MS, id -> drainIfIdle());
    drainIfIdle();
  }

  public void stop() {
    Owner o = owner;
    if (o != null) {
      o.run(() -> {
        stopped = true;
        vertx.cancelTimer(timer);
      });
    }
  }

  /** Drains every due reply soon; callable from any context; before {@link #start} the first round catches up. */
  public void wake() {
    Owner o = owner;
    if (o != null) {
      o.run(this::drainIfIdle);
    }
  }

  /** On the owner: drains every due reply, one at a time; extra wake-ups while draining are absorbed. */
  private void drainIfIdle() {
    if (draining || stopped) {
      return;
    }
    draining = true;
    drain().onComplete(done -> draining = false);
  }

  private Future<Void> drain() {
    Instant now = clock.instant();
    return replies.nextDue(now).compose(due -> {
      if (due == null || stopped) {
        return Future.succeededFuture();
      }
      return claim(due, now).compose(this::send).recover(e -> Future.succeededFuture()).compose(v -> drain());
    });
  }

  /**
   * Answers the claimed reply, or null when another instance claimed it first. A reply the
   * lifecycle refuses to claim (held by a policy, its text not approved: it reached the outbox
   * by some other way than approval) fails for good instead, so it is never sent and never
   * retried.
   */
  private Future<Reply> claim(Reply due, Instant now) {
    return Future.succeededFuture(due).compose(r -> changes.save(r, ReplyLifecycle.claim(r, now.plus(lease), now)))
        .recover(e -> {
          if (e instanceof StaleWrite) {
            return Future.succeededFuture();
          }
          if (e instanceof DomainError.Forbidden refused) {
            LOG.error("reply={} refused by the outbox: {}", due.id(), refused.getMessage());
            return fail(due, refused.getMessage()).map(v -> (Reply) null);
          }
          return Future.failedFuture(e);
        });
  }

  private Future<Void> send(Reply reply) {
    if (reply == null) {
      return Future.succeededFuture();
    }
    Connector connector = connectors.forCase(reply.account(), reply.platform()).orElse(null);
    if (connector == null) {
      return fail(reply, "no connected " + reply.platform().code() + " account to publish through");
    }
    if (reply.isPrivate() && !connector.sendsPrivate()) {
      // Sending a private answer as a public post would publish what the agent wrote for one person.
      return fail(reply, "account " + connector.account().name() + " cannot send private messages");
    }
    String targetId = reply.inReplyToExternalId() == null ? null : Mention.idOf(reply.platform(), reply.inReplyToExternalId());
    Future<Mention> target = targetId == null ? Future.succeededFuture() : mentions.get(targetId);
    // A connector is shared with its poller on another event loop: come back here before going on.
    return Owner.onCaller(target.compose(mention -> connector.publish(
        new OutgoingPost(reply.id(), reply.text(), mention, reply.visibility()))))
        .compose(externalId -> recordSent(reply, externalId), error -> handleFailure(reply, error));
  }

  /**
   * The post's index and the case's response are written before the reply shows {@code sent}, so
   * whoever sees it sent also finds the case answered and a customer's answer to it threaded.
   */
  private Future<Void> recordSent(Reply reply, String externalId) {
    Instant at = clock.instant();
    return replies.indexBrandPost(reply, externalId)
        .compose(v -> changes.caseResponded(reply, at))
        .compose(v -> changes.save(reply, ReplyLifecycle.sent(reply, externalId, at)))
        .onSuccess(sent -> LOG.info("reply={} case={} sent as platform={} id={}", reply.id(), reply.caseId(),
            reply.platform().code(), externalId))
        .mapEmpty();
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
    return changes.save(reply, ReplyLifecycle.retry(reply, retryAt, error.getMessage(), clock.instant())).mapEmpty();
  }

  private Future<Void> fail(Reply reply, String why) {
    LOG.warn("reply={} case={} failed for good: {}", reply.id(), reply.caseId(), why);
    return changes.save(reply, ReplyLifecycle.fail(reply, why, clock.instant())).mapEmpty();
  }
}

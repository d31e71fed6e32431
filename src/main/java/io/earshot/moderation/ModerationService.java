package io.earshot.moderation;

import io.earshot.auth.User;
import io.earshot.connector.ConnectorException;
import io.earshot.connector.ConnectorRegistry;
import io.earshot.connector.Moderating;
import io.earshot.domain.Decision;
import io.earshot.domain.Mention;
import io.earshot.domain.Moderation;
import io.earshot.error.DomainError;
import io.earshot.events.Change;
import io.earshot.events.EventDispatcher;
import io.earshot.store.MentionStore;
import io.earshot.store.ModerationStore;
import io.earshot.store.StaleWrite;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hiding and deleting customers' comments on their platform, for brand managers and admins. The
 * lifecycle ({@link Moderation#apply}) decides; only a change reaches the platform, through the
 * mention's account when its connector is {@link Moderating}; once the platform has done it, the
 * new state is stored over the version it was decided on and told through the event dispatcher
 * ({@code mention.hidden}, {@code mention.unhidden}, {@code mention.deleted}: audited, live,
 * webhooks). Limit: two people moderating one comment at the same moment may both reach the
 * platform (both calls are safe to repeat); one change is stored and told. Futures fail with
 * {@link DomainError.Forbidden} (not a manager or admin), {@code NotFound} (no such mention),
 * {@code Conflict} (the platform cannot, or refused; the comment was deleted), {@code TooManyRequests}
 * (the platform's rate limit) or {@code Unavailable} (the platform or the store did not answer).
 */
public final class ModerationService {
  private static final Logger LOG = LoggerFactory.getLogger(ModerationService.class);
  private static final int ATTEMPTS = 3;
  private final MentionStore mentions;
  private final ModerationStore moderations;
  private final ConnectorRegistry registry;
  private final EventDispatcher events;
  private final Clock clock;

  public ModerationService(MentionStore mentions, ModerationStore moderations, ConnectorRegistry registry,
                           EventDispatcher events, Clock clock) {
    this.mentions = mentions;
    this.moderations = moderations;
    this.registry = registry;
    this.events = events;
    this.clock = clock;
  }

  /** Carries out {@code action} on the mention's comment; answers its moderation after. */
  public Future<Moderation> moderate(String mentionId, Moderation.Action action, User actor) {
    if (!actor.canApprove()) {
      return Future.failedFuture(new DomainError.Forbidden("only brand managers and admins hide or delete comments"));
    }
    return mention(mentionId).compose(m -> {
      Moderating platform = moderator(m).orElseThrow(() -> new DomainError.Conflict(m.platform().code()
          + " comments cannot be hidden or deleted from Earshot (no connector account that can for " + m.id() + ")"));
      if (action == Moderation.Action.DELETE && !platform.deletes()) {
        return Future.failedFuture(new DomainError.Conflict(m.platform().code() + " lets the brand hide a reply, not"
            + " delete it: hide " + m.id() + " instead"));
      }
      return retried(mentionId, () -> current(m).compose(before -> decideAndApply(m, platform, before, action, actor)));
    });
  }

  /** The moderation of each of these mentions (visible ones included), and whether Earshot can moderate it. */
  public Future<Map<String, Moderation>> of(Collection<Mention> thread) {
    return moderations.byIds(thread.stream().map(Mention::id).toList()).map(stored -> {
      Map<String, Moderation> out = new java.util.LinkedHashMap<>();
      thread.forEach(m -> out.put(m.id(), stored.getOrDefault(m.id(), Moderation.untouched(m))));
      return out;
    });
  }

  /** True when the mention's platform account lets Earshot hide and delete it. */
  public boolean moderatable(Mention mention) {
    return moderator(mention).isPresent();
  }

  /** True when that account can also delete it (a Threads profile can only hide replies). */
  public boolean deletable(Mention mention) {
    return moderator(mention).map(Moderating::deletes).orElse(false);
  }

  /** The same, by mention id; fails with {@code NotFound} for an unknown mention. */
  public Future<Boolean> deletable(String mentionId) {
    return mention(mentionId).map(this::deletable);
  }

  private Future<Moderation> decideAndApply(Mention m, Moderating platform, Moderation before,
                                            Moderation.Action action, User actor) {
    Decision<Moderation> decision = Moderation.apply(before, action, actor.username(), clock.instant());
    if (!decision.changed()) {
      return Future.succeededFuture(before);
    }
    return onPlatform(platform, m, action)
        .compose(v -> store(before, decision))
        .onSuccess(after -> LOG.info("moderated mention={} platform={} state={} by={}", m.id(), m.platform().code(),
            after.state().code(), actor.username()));
  }

  private Future<Void> onPlatform(Moderating platform, Mention m, Moderation.Action action) {
    Future<Void> call = action == Moderation.Action.DELETE ? platform.delete(m.externalId())
        : platform.hide(m.externalId(), action == Moderation.Action.HIDE);
    return call.recover(e -> Future.failedFuture(refusal(m, e)));
  }

  private Future<Moderation> store(Moderation before, Decision<Moderation> decision) {
    Change change = Change.of(ModerationStore.MODERATIONS, before.mentionId(), decision.events());
    return events.apply(change, () -> moderations.save(decision.state(), before.version(), change.id()));
  }

  private Future<Mention> mention(String id) {
    return mentions.get(id).compose(m -> m == null
        ? Future.failedFuture(new DomainError.NotFound("no mention " + id)) : Future.succeededFuture(m));
  }

  private Future<Moderation> current(Mention m) {
    return moderations.get(m.id()).map(stored -> stored == null ? Moderation.untouched(m) : stored);
  }

  private Optional<Moderating> moderator(Mention m) {
    return registry.forCase(m.account(), m.platform()).filter(Moderating.class::isInstance).map(Moderating.class::cast);
  }

  /** What the platform's refusal means to the person who asked. */
  private static DomainError refusal(Mention m, Throwable e) {
    String where = m.platform().code() + " (" + m.account() + ")";
    if (e instanceof DomainError d) {
      return d;
    }
    if (e instanceof ConnectorException.RateLimited limited) {
      long wait = Math.max(1, Duration.between(Instant.now(), limited.resetAt()).toSeconds());
      return new DomainError.TooManyRequests(where + " is rate limiting this account; try again later", wait);
    }
    if (e instanceof ConnectorException.Unauthorized) {
      return new DomainError.Conflict(where + " refused the account's token or permission: " + e.getMessage());
    }
    if (e instanceof ConnectorException.Rejected) {
      return new DomainError.Conflict(where + " refused: " + e.getMessage());
    }
    return new DomainError.Unavailable("platform", where + " did not answer: " + e.getMessage(), 5);
  }

  private static <T> Future<T> retried(String mentionId, java.util.function.Supplier<Future<T>> attempt) {
    return StaleWrite.retry(ATTEMPTS, attempt).recover(e -> Future.failedFuture(e instanceof StaleWrite
        ? new DomainError.Conflict("the moderation of " + mentionId + " keeps changing; reload and try again") : e));
  }
}

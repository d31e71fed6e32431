package io.earshot.presence;

import io.earshot.domain.CareCase;
import io.earshot.domain.Collisions;
import io.earshot.domain.Mention;
import io.earshot.error.DomainError;
import io.earshot.store.ReplyStore;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Gathers what {@link Collisions} judges before a reply is written: who is typing on the case
 * (from the presence board; while Redis is unreachable nobody is known to be typing, and the claim
 * and earlier replies still count) and the case's replies. Fails with
 * {@link DomainError.Collision} unless the agent confirmed.
 */
public final class CollisionCheck {
  private final PresenceBoard presence;
  private final ReplyStore replies;
  private final Duration window;
  private final Clock clock;

  public CollisionCheck(PresenceBoard presence, ReplyStore replies, Duration window, Clock clock) {
    this.presence = presence;
    this.replies = replies;
    this.window = window;
    this.clock = clock;
  }

  public Future<Void> check(CareCase c, Mention target, String user, boolean confirmed) {
    if (confirmed) {
      return Future.succeededFuture();
    }
    Future<List<String>> typing = presence.of(c.id()).map(Presence::typists)
        .recover(e -> e instanceof DomainError.Unavailable ? Future.succeededFuture(List.of()) : Future.failedFuture(e));
    var ofCase = replies.ofCase(c.id());
    return Future.all(typing, ofCase).compose(v -> {
      Collisions.check(c, target == null ? null : target.externalId(), user, typing.result(), ofCase.result(),
          clock.instant(), window);
      return Future.<Void>succeededFuture();
    });
  }
}

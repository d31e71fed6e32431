package io.earshot.auth;

import io.earshot.domain.event.AdminEvents.AccountChanged;
import io.earshot.domain.event.EventType;
import io.earshot.events.Change;
import io.earshot.events.EventDispatcher;
import io.earshot.store.MongoStore;
import io.earshot.store.UserStore;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.List;

/**
 * Tells changes to people and their credentials ({@code user.created}, {@code user.updated},
 * {@code session.created}, {@code session.ended}, {@code token.created}) as recorded events, so
 * the audit log, webhooks and any other durable listener hear of them like of any other change.
 * The change itself (a session, a password) is written first by {@link AuthService} or
 * {@link UserService}; the event is then staged and the person's document remembers it, so a
 * crash after that point still delivers it. Futures fail only when the event could not be staged.
 */
public final class AccountAudit {
  private final EventDispatcher events;
  private final UserStore users;
  private final Clock clock;

  public AccountAudit(EventDispatcher events, UserStore users, Clock clock) {
    this.events = events;
    this.users = users;
    this.clock = clock;
  }

  /** {@code actor} did {@code type} to {@code username}'s account; {@code detail} never holds a secret. */
  public Future<Void> tell(EventType type, String actor, String username, String detail) {
    Change change = Change.of(MongoStore.USERS, username,
        List.of(new AccountChanged(type, username, actor, detail, clock.instant())));
    return events.apply(change, () -> users.remember(username, change.id()));
  }
}

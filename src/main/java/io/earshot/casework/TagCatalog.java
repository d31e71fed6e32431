package io.earshot.casework;

import io.earshot.auth.User;
import io.earshot.domain.Decision;
import io.earshot.domain.TagList;
import io.earshot.error.DomainError;
import io.earshot.events.Change;
import io.earshot.events.EventDispatcher;
import io.earshot.store.MongoStore;
import io.earshot.store.StaleWrite;
import io.earshot.store.TagListStore;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.List;

/**
 * The admins' defined tags: everyone reads them (the tag editor offers them first), admins
 * replace the list, stored over the version read and told as {@code tags.updated}. Futures fail
 * with {@link DomainError.Forbidden}, {@code Invalid} naming {@code tags[i].field}, or
 * {@code Conflict} when another admin saved first.
 */
public final class TagCatalog {
  private final TagListStore store;
  private final EventDispatcher events;
  private final Clock clock;

  public TagCatalog(TagListStore store, EventDispatcher events, Clock clock) {
    this.store = store;
    this.events = events;
    this.clock = clock;
  }

  public Future<TagList> get() {
    return store.get();
  }

  public Future<TagList> replace(List<TagList.Defined> tags, User user) {
    if (!user.isAdmin()) {
      return Future.failedFuture(new DomainError.Forbidden("only admins define tags"));
    }
    return store.get().compose(before -> {
      Decision<TagList> d = before.replace(tags, user.username(), clock.instant());
      Change change = Change.of(MongoStore.TAG_LIST, "defined", d.events());
      return events.apply(change, () -> store.save(d.state(), before.version(), change.id()));
    }).recover(e -> Future.failedFuture(e instanceof StaleWrite
        ? new DomainError.Conflict("another admin changed the tags meanwhile; reload and try again") : e));
  }
}

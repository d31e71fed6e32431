package io.earshot.inbox;

import io.earshot.auth.Role;
import io.earshot.auth.User;
import io.earshot.domain.SavedView;
import io.earshot.error.DomainError;
import io.earshot.store.StaleWrite;
import io.earshot.store.ViewStore;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Saved case lists. Anyone signed in keeps views of their own and may share one with the team;
 * the owner changes or deletes a view, and a shared one also a manager or an admin (see
 * {@link SavedView#changeableBy}); others do not see a personal view at all. Filters arrive
 * already checked (the web layer reads them as it reads a list's parameters). Futures fail with
 * {@link DomainError.NotFound} (no such view, or not visible to the caller),
 * {@link DomainError.Forbidden} and {@link DomainError.Conflict} (changed meanwhile).
 */
public final class SavedViews {
  private final ViewStore store;
  private final Clock clock;

  public SavedViews(ViewStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** What a new view or a change sets; null leaves a field as it is on a change. */
  public record Draft(String name, Map<String, String> filters, String sort, Boolean shared) {
  }

  public Future<List<SavedView>> visibleTo(User caller) {
    return store.visibleTo(caller.username());
  }

  public Future<SavedView> create(Draft d, User caller) {
    var now = clock.instant();
    return store.insert(new SavedView(UUID.randomUUID().toString(), caller.username(), d.name(), d.filters(),
        d.sort(), Boolean.TRUE.equals(d.shared()), now, now, 1));
  }

  public Future<SavedView> change(String id, Draft d, User caller) {
    return changeable(id, caller).compose(v -> store.replace(new SavedView(v.id(), v.owner(),
        d.name() == null ? v.name() : d.name(), d.filters() == null ? v.filters() : d.filters(),
        d.sort() == null ? v.sort() : d.sort(), d.shared() == null ? v.shared() : d.shared(), v.createdAt(),
        clock.instant(), v.version() + 1), v.version())).recover(SavedViews::conflict);
  }

  public Future<Void> delete(String id, User caller) {
    return changeable(id, caller).compose(v -> store.delete(id, v.version())).compose(deleted -> deleted
        ? Future.<Void>succeededFuture() : Future.failedFuture(new DomainError.Conflict("view " + id + " changed meanwhile")));
  }

  private Future<SavedView> changeable(String id, User caller) {
    return store.get(id).compose(v -> {
      if (v == null || !v.visibleTo(caller.username())) {
        return Future.failedFuture(new DomainError.NotFound("no view " + id));
      }
      boolean curator = caller.hasRole(Role.MANAGER) || caller.isAdmin();
      if (!v.changeableBy(caller.username(), curator)) {
        return Future.failedFuture(new DomainError.Forbidden("only its owner, a manager or an admin changes a shared view"));
      }
      return Future.succeededFuture(v);
    });
  }

  private static <T> Future<T> conflict(Throwable e) {
    return Future.failedFuture(e instanceof StaleWrite ? new DomainError.Conflict(e.getMessage()) : e);
  }
}

package io.earshot.inbox;

import io.earshot.auth.Role;
import io.earshot.auth.User;
import io.earshot.domain.SavedView;
import io.earshot.domain.event.AdminEvents.ViewChanged;
import io.earshot.domain.event.EventType;
import io.earshot.error.DomainError;
import io.earshot.events.Change;
import io.earshot.events.EventDispatcher;
import io.earshot.store.StaleWrite;
import io.earshot.store.ViewStore;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Saved case lists. Anyone signed in keeps views of their own and may share one with the team;
 * the owner changes or deletes a view, and a shared one also a manager or an admin (see
 * {@link SavedView#changeableBy}); others do not see a personal view at all. Filters arrive
 * already checked (the web layer reads them as it reads a list's parameters). Futures fail with
 * {@link DomainError.NotFound} (no such view, or not visible to the caller),
 * {@link DomainError.Forbidden} and {@link DomainError.Conflict} (changed meanwhile). Each change is
 * told as {@code view.saved} or {@code view.deleted} through the event dispatcher (so it is audited).
 */
public final class SavedViews {
  private final ViewStore store;
  private final EventDispatcher events;
  private final Clock clock;

  public SavedViews(ViewStore store, EventDispatcher events, Clock clock) {
    this.store = store;
    this.events = events;
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
    SavedView view = new SavedView(UUID.randomUUID().toString(), caller.username(), d.name(), d.filters(),
        d.sort(), Boolean.TRUE.equals(d.shared()), now, now, 1);
    Change change = told(EventType.VIEW_SAVED, view, caller, now, "created");
    return events.apply(change, () -> store.insert(view, change.id()));
  }

  public Future<SavedView> change(String id, Draft d, User caller) {
    return changeable(id, caller).compose(v -> {
      Instant now = clock.instant();
      SavedView next = new SavedView(v.id(), v.owner(), d.name() == null ? v.name() : d.name(),
          d.filters() == null ? v.filters() : d.filters(), d.sort() == null ? v.sort() : d.sort(),
          d.shared() == null ? v.shared() : d.shared(), v.createdAt(), now, v.version() + 1);
      Change change = told(EventType.VIEW_SAVED, next, caller, now, v.shared() && !next.shared() ? "made personal" : "changed");
      return events.apply(change, () -> store.replace(next, v.version(), change.id()));
    }).recover(SavedViews::conflict);
  }

  public Future<Void> delete(String id, User caller) {
    return changeable(id, caller).compose(v -> {
      Change change = told(EventType.VIEW_DELETED, v, caller, clock.instant(), "deleted");
      return events.apply(change, () -> store.delete(id, v.version(), change.id()));
    }).compose(deleted -> deleted
        ? Future.<Void>succeededFuture() : Future.failedFuture(new DomainError.Conflict("view " + id + " changed meanwhile")));
  }

  /**
   * The change's one event. Live events reach every dashboard, so only a shared view's name,
   * filters and sort are told; a personal one is named by its id (the event's subject) alone.
   */
  private static Change told(EventType type, SavedView v, User actor, Instant at, String what) {
    String detail = v.shared()
        ? what + " shared view '" + v.name() + "' filters=" + new java.util.TreeMap<>(v.filters()) + " sort=" + v.sort()
        : what + " a personal view";
    return Change.of(ViewStore.VIEWS, v.id(), List.of(new ViewChanged(type, v.id(), v.owner(), v.shared(),
        actor.username(), detail, at)));
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

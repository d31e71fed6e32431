package io.earshot.brand;

import io.earshot.auth.User;
import io.earshot.domain.Brand;
import io.earshot.domain.BrandLifecycle;
import io.earshot.domain.Decision;
import io.earshot.domain.event.DomainEvent;
import io.earshot.error.DomainError;
import io.earshot.events.Change;
import io.earshot.events.EventDispatcher;
import io.earshot.store.BrandStore;
import io.earshot.store.MongoStore;
import io.earshot.store.StaleWrite;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.List;

/**
 * What is done with brands: everyone signed in lists them; admins create and change them; start-up
 * seeds the ones that are missing. Changes are decided by {@link BrandLifecycle}, stored on the
 * version they were decided on, told through the event dispatcher (so they are audited) and
 * learned by the {@link BrandDirectory} at once. Futures fail with {@link DomainError.Forbidden},
 * {@code NotFound}, {@code Invalid} or {@code Conflict} (the id is taken, or the brand keeps
 * changing).
 */
public final class BrandService {
  private static final int ATTEMPTS = 4;
  private final BrandStore store;
  private final BrandDirectory directory;
  private final EventDispatcher events;
  private final Clock clock;

  BrandService(BrandStore store, BrandDirectory directory, EventDispatcher events, Clock clock) {
    this.store = store;
    this.directory = directory;
    this.events = events;
    this.clock = clock;
  }

  public Future<List<Brand>> list() {
    return store.list();
  }

  public Future<Brand> get(String id) {
    return store.get(id).compose(b -> b == null
        ? Future.failedFuture(new DomainError.NotFound("no brand " + id)) : Future.succeededFuture(b));
  }

  public Future<Brand> create(BrandLifecycle.Draft draft, User actor) {
    return admin(actor).compose(v -> insert(draft, actor.username()))
        .recover(e -> Future.failedFuture(e instanceof BrandStore.Exists
            ? new DomainError.Conflict("brand " + draft.id() + " exists; change it with PATCH") : e));
  }

  public Future<Brand> update(String id, BrandLifecycle.Patch patch, User actor) {
    return admin(actor).compose(v -> StaleWrite.retry(ATTEMPTS, () -> get(id).compose(b -> save(b,
        BrandLifecycle.update(b, patch, actor.username(), clock.instant())))))
        .recover(e -> Future.failedFuture(e instanceof StaleWrite
            ? new DomainError.Conflict("brand " + id + " keeps changing; reload it and try again") : e));
  }

  /**
   * Creates the brand unless one with its id exists, which is left as it is (an admin may have
   * changed it); answers whether it was created.
   */
  Future<Boolean> seed(BrandLifecycle.Draft draft) {
    return store.get(draft.id()).compose(found -> {
      if (found != null) {
        directory.learned(List.of(found));
        return Future.succeededFuture(false);
      }
      return insert(draft, DomainEvent.BRANDS).map(true)
          .recover(e -> e instanceof BrandStore.Exists ? Future.succeededFuture(false) : Future.failedFuture(e));
    });
  }

  private Future<Brand> insert(BrandLifecycle.Draft draft, String actor) {
    return Future.succeededFuture(draft).map(d -> BrandLifecycle.create(d, actor, clock.instant()))
        .compose(decision -> {
          Change change = Change.of(MongoStore.BRANDS, decision.state().id(), decision.events());
          return events.apply(change, () -> store.insert(decision.state(), change.id()));
        })
        .onSuccess(b -> directory.learned(List.of(b)));
  }

  private Future<Brand> save(Brand before, Decision<Brand> decision) {
    if (!decision.changed()) {
      return Future.succeededFuture(before);
    }
    Change change = Change.of(MongoStore.BRANDS, before.id(), decision.events());
    return events.apply(change, () -> store.save(decision.state(), before.version(), change.id()))
        .onSuccess(b -> directory.learned(List.of(b)));
  }

  private static Future<Void> admin(User actor) {
    return actor.isAdmin() ? Future.succeededFuture()
        : Future.failedFuture(new DomainError.Forbidden("only admins manage brands"));
  }
}

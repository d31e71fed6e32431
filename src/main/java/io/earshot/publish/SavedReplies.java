package io.earshot.publish;

import io.earshot.brand.BrandDirectory;
import io.earshot.domain.Decision;
import io.earshot.domain.SavedReply;
import io.earshot.domain.SavedReplyLifecycle;
import io.earshot.error.DomainError;
import io.earshot.events.Change;
import io.earshot.events.EventDispatcher;
import io.earshot.store.MongoStore;
import io.earshot.store.SavedReplyStore;
import io.earshot.store.StaleWrite;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saved replies: list, create, change and delete them (decided by {@link SavedReplyLifecycle},
 * told through the event dispatcher, so audited), find the one a reply names, and count the
 * replies submitted from each. A body is checked by the {@link TemplateEngine} before it is
 * stored. Callers check the actor's role. Futures fail with {@link DomainError.NotFound},
 * {@code Invalid} naming the field, or {@code Conflict} when a template keeps changing.
 */
public final class SavedReplies {
  private static final Logger LOG = LoggerFactory.getLogger(SavedReplies.class);
  private static final int ATTEMPTS = 4;
  private final SavedReplyStore store;
  private final TemplateEngine engine;
  private final BrandDirectory brands;
  private final EventDispatcher events;
  private final Clock clock;

  public SavedReplies(SavedReplyStore store, TemplateEngine engine, BrandDirectory brands, EventDispatcher events,
                      Clock clock) {
    this.store = store;
    this.engine = engine;
    this.brands = brands;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Imports template files (name → body) as shared saved replies, each once: one deleted since
   * stays deleted. A file that does not compile is skipped with a warning, not a failed start.
   */
  public Future<Integer> importOnce(Map<String, String> files) {
    return store.allIds().compose(known -> {
      Future<Integer> done = Future.succeededFuture(0);
      for (Map.Entry<String, String> file : files.entrySet()) {
        if (!known.contains(file.getKey())) {
          done = done.compose(n -> importOne(file.getKey(), file.getValue()).map(added -> added ? n + 1 : n));
        }
      }
      return done;
    });
  }

  private Future<Boolean> importOne(String name, String body) {
    return engine.check(body)
        .compose(v -> store.insertIfAbsent(SavedReplyLifecycle.imported(name, body, clock.instant())))
        .recover(e -> {
          if (!(e instanceof DomainError.Invalid)) {
            return Future.failedFuture(e);
          }
          LOG.warn("template file {}.hbs not imported: {}", name, e.getMessage());
          return Future.succeededFuture(false);
        });
  }

  /** Every template, or those a case of {@code brand} may use (its brand's and the shared ones). */
  public Future<List<SavedReply>> list(String brand) {
    return store.list().map(all -> brand == null ? all
        : all.stream().filter(r -> r.availableFor(brand)).toList());
  }

  public Future<SavedReply> get(String id) {
    return store.get(id).compose(r -> r == null
        ? Future.failedFuture(new DomainError.NotFound("no saved reply " + id)) : Future.succeededFuture(r));
  }

  public Future<SavedReply> create(SavedReplyLifecycle.Draft draft, String actor) {
    String id = UUID.randomUUID().toString();
    return knownBrand(draft.brand())
        .map(v -> SavedReplyLifecycle.create(id, draft, actor, clock.instant()))
        .compose(decision -> engine.check(decision.state().body()).map(decision))
        .compose(decision -> {
          Change change = Change.of(MongoStore.SAVED_REPLIES, id, decision.events());
          return events.apply(change, () -> store.insert(decision.state(), change.id()));
        });
  }

  public Future<SavedReply> update(String id, SavedReplyLifecycle.Patch patch, String actor) {
    Future<Void> checked = patch.changeBrand() ? knownBrand(patch.brand()) : Future.succeededFuture();
    return checked.compose(v -> contended(id, () -> get(id).compose(r -> {
      Decision<SavedReply> decision = SavedReplyLifecycle.update(r, patch, actor, clock.instant());
      Future<Void> compiles = patch.body() == null ? Future.succeededFuture() : engine.check(decision.state().body());
      return compiles.compose(ok -> save(r, decision));
    })));
  }

  public Future<Void> delete(String id, String actor) {
    return contended(id, () -> get(id).compose(r -> save(r, SavedReplyLifecycle.delete(r, actor, clock.instant()))))
        .mapEmpty();
  }

  /**
   * The template a reply to a case of {@code caseBrand} names: by id, else by name (the brand's
   * own before a shared one). Fails with Invalid naming {@code template} when there is none the
   * case may use.
   */
  public Future<SavedReply> find(String ref, String caseBrand) {
    return store.get(ref).compose(byId -> byId != null ? Future.succeededFuture(byId) : byName(ref, caseBrand))
        .map(r -> {
          if (r == null || !r.availableFor(caseBrand)) {
            throw new DomainError.Invalid("template", "no saved reply '" + ref + "' for this case's brand");
          }
          return r;
        });
  }

  private Future<SavedReply> byName(String name, String caseBrand) {
    return list(caseBrand).map(all -> all.stream().filter(r -> r.name().equals(name))
        .min(Comparator.comparing(r -> r.brand() == null)).orElse(null));
  }

  /** Counts a reply submitted from {@code r}; a failed count is logged, never the reply's failure. */
  public void countUse(SavedReply r) {
    store.countUse(r.id()).onFailure(e -> LOG.warn("usage of saved reply {} not counted: {}", r.id(), e.toString()));
  }

  private Future<Void> knownBrand(String brand) {
    if (brand == null || brand.isBlank()) {
      return Future.succeededFuture();
    }
    return brands.unknown(Set.of(brand.strip())).compose(unknown -> unknown.isEmpty() ? Future.succeededFuture()
        : Future.failedFuture(new DomainError.Invalid("brand", "'" + brand + "' is not a known brand")));
  }

  private Future<SavedReply> save(SavedReply before, Decision<SavedReply> decision) {
    if (!decision.changed()) {
      return Future.succeededFuture(before);
    }
    Change change = Change.of(MongoStore.SAVED_REPLIES, before.id(), decision.events());
    return events.apply(change, () -> store.save(decision.state(), before.version(), change.id()));
  }

  private static <T> Future<T> contended(String id, Supplier<Future<T>> attempt) {
    return StaleWrite.retry(ATTEMPTS, attempt).recover(e -> Future.failedFuture(e instanceof StaleWrite
        ? new DomainError.Conflict("saved reply " + id + " keeps changing; reload it and try again") : e));
  }
}

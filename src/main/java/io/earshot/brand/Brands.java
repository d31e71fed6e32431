package io.earshot.brand;

import io.earshot.domain.BrandLifecycle;
import io.earshot.events.EventDispatcher;
import io.earshot.store.BrandBackfill;
import io.earshot.store.BrandStore;
import io.earshot.store.MongoStore;
import io.vertx.core.Future;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The brands of one instance, wired: the store, the {@link BrandDirectory} ingest and the API
 * check brands against, and the {@link BrandService} behind {@code /api/v1/brands}.
 * {@link #start} runs before the hub takes mentions.
 */
public final class Brands {
  private static final Logger LOG = LoggerFactory.getLogger(Brands.class);
  private final BrandDirectory directory;
  private final BrandService service;
  private final BrandMigration migration;
  private boolean migratedAtStart;

  public Brands(MongoStore mongo, EventDispatcher events, Clock clock) {
    BrandStore store = new BrandStore(mongo);
    this.directory = new BrandDirectory(store, clock);
    this.service = new BrandService(store, directory, events, clock);
    this.migration = new BrandMigration(new BrandBackfill(mongo), clock);
  }

  public BrandDirectory directory() {
    return directory;
  }

  public BrandService service() {
    return service;
  }

  /**
   * Creates the brands that are missing, never changing one that exists (an admin may have edited
   * it): the default brand, those of {@code brands.json} in {@code connectorsDir}, then
   * {@code extra} (the sandbox's, in sandbox mode); then gives data from before brands its brand
   * ({@code accountBrands}: account name → the {@code brand} its file names). Answers the ids of
   * every brand. Fails with a {@code ConfigException} for a malformed {@code brands.json}, or the
   * store's error.
   */
  public Future<Set<String>> start(Path connectorsDir, Map<String, String> accountBrands,
                                   List<BrandLifecycle.Draft> extra) {
    return Future.succeededFuture(connectorsDir).map(BrandFile::load).compose(listed -> {
      List<BrandLifecycle.Draft> wanted = new ArrayList<>();
      wanted.add(BrandLifecycle.defaultBrand());
      wanted.addAll(listed);
      wanted.addAll(extra);
      return seed(wanted);
    }).compose(v -> directory.all())
        .compose(all -> migration.run(accountBrands, all).map(migrated -> {
          migratedAtStart = migrated;
          return all.keySet();
        }));
  }

  /**
   * Whether {@link #start} gave data from before brands its brands: those writes tell no events,
   * so read models built before them (the inbox index) must be rebuilt.
   */
  public boolean migratedAtStart() {
    return migratedAtStart;
  }

  private Future<Void> seed(List<BrandLifecycle.Draft> wanted) {
    Future<Void> done = Future.succeededFuture();
    for (BrandLifecycle.Draft draft : wanted) {
      done = done.compose(v -> service.seed(draft)).map(created -> {
        if (created) {
          LOG.info("brand={} created at start-up", draft.id());
        }
        return null;
      });
    }
    return done;
  }
}

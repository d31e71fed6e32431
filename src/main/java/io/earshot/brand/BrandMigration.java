package io.earshot.brand;

import io.earshot.domain.Brand;
import io.earshot.domain.BrandAddressing;
import io.earshot.store.BrandBackfill;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives data from before brands its brand, once, at start-up before the hub takes mentions: a
 * case or mention gets the brand of the connector account it came through when the account names
 * one, the brand its text addresses when the account serves several ({@code by-handle}), else
 * the default brand; each customer's single current case becomes their current case with that
 * case's brand. A case that already held posts to several brands stays one case (its first
 * post decides its brand); only new posts are threaded per brand. Idempotent; a marker in
 * {@code settings} makes later starts skip it.
 */
final class BrandMigration {
  private static final Logger LOG = LoggerFactory.getLogger(BrandMigration.class);
  private static final int PAGE = 500;
  private final BrandBackfill backfill;
  private final Clock clock;

  BrandMigration(BrandBackfill backfill, Clock clock) {
    this.backfill = backfill;
    this.clock = clock;
  }

  /** {@code accountBrands}: account name → its file's {@code brand}; {@code brands}: every brand. */
  /** Answers whether it changed anything (false: done before). */
  Future<Boolean> run(Map<String, String> accountBrands, Map<String, Brand> brands) {
    return backfill.done().compose(done -> done ? Future.succeededFuture(false)
        : migrate(accountBrands, brands).map(true));
  }

  private Future<Void> migrate(Map<String, String> accountBrands, Map<String, Brand> brands) {
    Function<BrandBackfill.Origin, String> brandOf = origin -> brandOf(origin, accountBrands, brands);
    return cases(brandOf).compose(cases -> backfill.brandStrays(named(accountBrands, brands))
        .compose(v -> customers())
        .onSuccess(customers -> LOG.info("brands: migrated {} cases (with their mentions) and {} customers "
            + "from before brands", cases, customers)))
        .compose(v -> backfill.markDone(clock.instant()));
  }

  private Future<Integer> cases(Function<BrandBackfill.Origin, String> brandOf) {
    return backfill.casesWithoutBrand().compose(ids -> pages(ids, page -> backfill.brandCases(page, brandOf))
        .map(ids.size()));
  }

  private Future<Integer> customers() {
    return backfill.customersWithOneCurrentCase().compose(legacy -> pages(legacy, backfill::splitCurrentCases)
        .map(legacy.size()));
  }

  static String brandOf(BrandBackfill.Origin origin, Map<String, String> accountBrands, Map<String, Brand> brands) {
    String named = origin.account() == null ? null : accountBrands.get(origin.account());
    if (named != null && brands.containsKey(named)) {
      return named;
    }
    if (Brand.BY_HANDLE.equals(named) && origin.platform() != null) {
      return BrandAddressing.addressed(brands.values(), origin.platform(), origin.text()).orElse(Brand.DEFAULT_ID);
    }
    return Brand.DEFAULT_ID;
  }

  /** The accounts that name a brand that exists. */
  private static Map<String, String> named(Map<String, String> accountBrands, Map<String, Brand> brands) {
    Map<String, String> named = new LinkedHashMap<>();
    accountBrands.forEach((account, brand) -> {
      if (brands.containsKey(brand)) {
        named.put(account, brand);
      }
    });
    return named;
  }

  /** One page after the other, each a durable write of its own. */
  private static <T> Future<Void> pages(List<T> all, Function<List<T>, Future<Void>> step) {
    Future<Void> done = Future.succeededFuture();
    for (int from = 0; from < all.size(); from += PAGE) {
      List<T> page = all.subList(from, Math.min(all.size(), from + PAGE));
      done = done.compose(v -> step.apply(page));
    }
    return done;
  }
}

package io.earshot.analytics;

import io.earshot.brand.BrandDirectory;
import io.earshot.domain.Platform;
import io.earshot.error.DomainError;
import io.earshot.store.RollupStore;
import io.vertx.core.Future;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

/**
 * Answers the analytics overview from the rollups alone: it lists the ids of the documents the
 * range and filters cover (whole months, weeks and edge days, see {@link RangePlan}, of the one
 * slice the filters name, see {@link RollupTarget}), reads them by {@code _id} and sums them,
 * for the range and, at the same time, for the range of the same length before it (the
 * reasons' change, read projected to the reasons). No query touches mentions or cases, so the
 * answer's cost grows with the periods asked (about 16 for any 30 days, 20 for a year; times the
 * brands for a platform alone), not with the data, the brands or the platforms. Nothing is
 * cached: every answer is read from the rollups as they are.
 * Fails with {@code DomainError.Invalid} naming the field for an unknown brand or a range too
 * long, and with {@code Unavailable} when the store is down.
 */
public final class AnalyticsService {
  /** The longest range one request may cover, in days. */
  public static final int MAX_DAYS = 731;
  /** What the period before needs: its reasons (and what tells a day's document from a month's). */
  private static final List<String> REASONS = List.of("r", "day", "month", "platform");
  private final RollupStore rollups;
  private final BrandDirectory brands;

  /** The range (UTC days, both included) and filters of one request; null brand or platform: all. */
  public record Filter(LocalDate from, LocalDate to, String brand, String platform) {
    long days() {
      return ChronoUnit.DAYS.between(from, to) + 1;
    }

    Filter previous() {
      return new Filter(from.minusDays(days()), from.minusDays(1), brand, platform);
    }
  }

  public AnalyticsService(RollupStore rollups, BrandDirectory brands) {
    this.rollups = rollups;
    this.brands = brands;
  }

  public Future<Overview> overview(Filter filter) {
    return overview(filter, true);
  }

  /**
   * {@code coarse} false answers from the finest documents alone, the days of every brand ×
   * platform: how the tests hold the months, weeks and sums over brands and platforms to them.
   */
  Future<Overview> overview(Filter filter, boolean coarse) {
    if (filter.days() > MAX_DAYS) {
      return Future.failedFuture(new DomainError.Invalid("to", "a range covers at most " + MAX_DAYS + " days"));
    }
    return brandsOf(filter).compose(brandIds -> {
      Future<Tally> now = tally(filter, brandIds, coarse, null);
      Future<Tally> before = tally(filter.previous(), brandIds, coarse, REASONS);
      return Future.all(now, before).map(v -> OverviewBuilder.build(filter, now.result(), before.result()));
    });
  }

  private Future<List<String>> brandsOf(Filter filter) {
    return brands.all().compose(all -> {
      if (filter.brand() == null) {
        return Future.succeededFuture(List.copyOf(all.keySet()));
      }
      if (!all.containsKey(filter.brand())) {
        return Future.failedFuture(new DomainError.Invalid("brand", "unknown brand: " + filter.brand()));
      }
      return Future.succeededFuture(List.of(filter.brand()));
    });
  }

  /**
   * The slices a request reads: all brands' documents over all platforms when unfiltered, a
   * brand's over all platforms for a brand, a brand × platform's for both, and each brand's with
   * the platform for a platform alone; {@code coarse} false reads every brand × platform.
   */
  private Future<Tally> tally(Filter filter, List<String> brandIds, boolean coarse, List<String> fields) {
    boolean unfiltered = filter.brand() == null && filter.platform() == null;
    List<String> brandsRead = coarse && unfiltered ? List.of(Keys.ALL) : brandIds;
    List<String> platforms = filter.platform() != null ? List.of(filter.platform())
        : coarse ? List.of(Keys.ALL) : Arrays.stream(Platform.values()).map(Platform::code).toList();
    List<String> ids = RangePlan.ids(filter.from(), filter.to(), brandsRead, platforms, coarse);
    return rollups.read(ids, fields).map(docs -> {
      Tally tally = new Tally();
      docs.forEach(tally::add);
      return tally;
    });
  }
}

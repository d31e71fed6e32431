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
 * range and filters cover (whole months and edge days × brands × platforms, see {@link RangePlan}),
 * reads them by {@code _id} and sums them, for the range and, at the same time, for the range of
 * the same length before it (the reasons' change, read projected to the reasons). No query
 * touches mentions or cases, so the answer's cost grows with the months and edge days asked, not
 * with the data. Nothing is cached: every answer is read from the rollups as they are.
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

  /** {@code months} false answers from day documents alone: how the tests hold the months to the days. */
  Future<Overview> overview(Filter filter, boolean months) {
    if (filter.days() > MAX_DAYS) {
      return Future.failedFuture(new DomainError.Invalid("to", "a range covers at most " + MAX_DAYS + " days"));
    }
    return brandsOf(filter).compose(brandIds -> {
      Future<Tally> now = tally(filter, brandIds, months, null);
      Future<Tally> before = tally(filter.previous(), brandIds, months, REASONS);
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

  private Future<Tally> tally(Filter filter, List<String> brandIds, boolean months, List<String> fields) {
    List<String> platforms = filter.platform() != null ? List.of(filter.platform())
        : Arrays.stream(Platform.values()).map(Platform::code).toList();
    List<String> ids = RangePlan.ids(filter.from(), filter.to(), brandIds, platforms, months);
    return rollups.read(ids, fields).map(docs -> {
      Tally tally = new Tally();
      docs.forEach(tally::add);
      return tally;
    });
  }
}

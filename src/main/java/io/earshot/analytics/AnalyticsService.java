package io.earshot.analytics;

import io.earshot.brand.BrandDirectory;
import io.earshot.domain.Platform;
import io.earshot.error.DomainError;
import io.earshot.store.RollupStore;
import io.vertx.core.Future;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Answers the analytics overview from the rollups alone: it lists the ids of the documents the
 * range and filters cover (days × brands × platforms), reads them by {@code _id} and sums them,
 * for the range and for the range of the same length before it (the reasons' change). No query
 * touches mentions or cases, so the answer's cost grows with the days asked, not with the data.
 * Fails with {@code DomainError.Invalid} naming the field for an unknown brand or a range too
 * long, and with {@code Unavailable} when the store is down.
 */
public final class AnalyticsService {
  /** The longest range one request may cover, in days. */
  public static final int MAX_DAYS = 731;
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
    if (filter.days() > MAX_DAYS) {
      return Future.failedFuture(new DomainError.Invalid("to", "a range covers at most " + MAX_DAYS + " days"));
    }
    return brandsOf(filter).compose(brandIds -> tally(filter, brandIds)
        .compose(now -> tally(filter.previous(), brandIds).map(before -> OverviewBuilder.build(filter, now, before))));
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

  private Future<Tally> tally(Filter filter, List<String> brandIds) {
    List<String> platforms = filter.platform() != null ? List.of(filter.platform())
        : Arrays.stream(Platform.values()).map(Platform::code).toList();
    List<String> ids = new ArrayList<>();
    for (LocalDate d = filter.from(); !d.isAfter(filter.to()); d = d.plusDays(1)) {
      String day = d.toString();
      brandIds.forEach(b -> platforms.forEach(p -> ids.add(Keys.docId(day, b, p))));
    }
    return rollups.read(ids).map(docs -> {
      Tally tally = new Tally();
      docs.forEach(tally::add);
      return tally;
    });
  }
}

package io.earshot.connector.budget;

import io.earshot.domain.Platform;
import io.vertx.core.json.JsonObject;
import java.time.Duration;

/**
 * An account's budget as its file states it ({@code "budget": {…}}): at most {@code requests}
 * API calls per {@code windowSeconds}, and at most {@code monthlyUsd} a calendar month (UTC) at
 * the given unit prices. Money is kept in micro-dollars. X's prices default to its pay-per-use
 * rate card as Earshot assumes it (a post read $0.001, a post $0.015, a post with a link
 * $0.200, users returned by expansions free); other platforms cost nothing unless priced.
 * {@code warnAt} is the fraction of a limit that warns (0.8).
 */
public record BudgetPolicy(Long requests, Duration window, Long monthlyMicros, long readMicros,
                           long userMicros, long postMicros, long postWithUrlMicros, double warnAt) {
  public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(15);

  /** No limits; prices as the platform's defaults, so spend is still counted. */
  public static BudgetPolicy unlimited(Platform platform, boolean priced) {
    Prices p = Prices.of(platform, priced);
    return new BudgetPolicy(null, DEFAULT_WINDOW, null, p.read, p.user, p.post, p.postWithUrl, 0.8);
  }

  /**
   * Reads the {@code budget} object; {@code priced} says whether the platform API bills per call
   * (X's v2). Throws IllegalArgumentException naming the field when a value is out of range.
   */
  public static BudgetPolicy parse(JsonObject json, Platform platform, boolean priced) {
    if (json == null) {
      return unlimited(platform, priced);
    }
    if (!priced && (json.getValue("monthlyUsd") != null || json.getValue("prices") != null)) {
      throw new IllegalArgumentException("budget.monthlyUsd and budget.prices apply only to X's v2 API"
          + " (options.api \"v2\"); this platform is not billed per call");
    }
    Long requests = positive(json, "requests");
    long windowSeconds = json.getValue("windowSeconds") == null ? DEFAULT_WINDOW.toSeconds() : positive(json, "windowSeconds");
    Long monthly = json.getValue("monthlyUsd") == null ? null : micros(json, "monthlyUsd");
    JsonObject prices = json.getJsonObject("prices", new JsonObject());
    Prices d = Prices.of(platform, priced);
    double warnAt = json.getValue("warnAt") == null ? 0.8 : number(json, "warnAt");
    if (warnAt <= 0 || warnAt > 1) {
      throw new IllegalArgumentException("budget.warnAt must be above 0 and at most 1");
    }
    return new BudgetPolicy(requests, Duration.ofSeconds(windowSeconds), monthly,
        price(prices, "readUsd", d.read), price(prices, "userReadUsd", d.user), price(prices, "postUsd", d.post),
        price(prices, "postWithUrlUsd", d.postWithUrl), warnAt);
  }

  boolean limitsMoney() {
    return monthlyMicros != null;
  }

  private record Prices(long read, long user, long post, long postWithUrl) {
    static Prices of(Platform platform, boolean priced) {
      return platform == Platform.X && priced ? new Prices(1_000, 0, 15_000, 200_000) : new Prices(0, 0, 0, 0);
    }
  }

  private static long price(JsonObject prices, String field, long fallback) {
    return prices.getValue(field) == null ? fallback : micros(prices, field, "budget.prices.");
  }

  private static Long positive(JsonObject json, String field) {
    Object v = json.getValue(field);
    if (v == null) {
      return null;
    }
    if (!(v instanceof Number n) || n.doubleValue() < 1 || n.doubleValue() != Math.floor(n.doubleValue())) {
      throw new IllegalArgumentException("budget." + field + " must be a whole number of at least 1");
    }
    return n.longValue();
  }

  private static long micros(JsonObject json, String field) {
    return micros(json, field, "budget.");
  }

  private static long micros(JsonObject json, String field, String prefix) {
    Object v = json.getValue(field);
    if (!(v instanceof Number n) || n.doubleValue() < 0 || Double.isNaN(n.doubleValue())) {
      throw new IllegalArgumentException(prefix + field + " must be a number of US dollars, 0 or more");
    }
    return Math.round(n.doubleValue() * 1_000_000);
  }

  private static double number(JsonObject json, String field) {
    Object v = json.getValue(field);
    if (!(v instanceof Number n)) {
      throw new IllegalArgumentException("budget." + field + " must be a number");
    }
    return n.doubleValue();
  }
}

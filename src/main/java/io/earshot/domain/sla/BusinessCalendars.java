package io.earshot.domain.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * How long something took in each brand's business time, as the SLA policy's hours, holidays
 * and time zone define it: what the analytics count next to wall-clock durations. A brand the
 * policy does not name keeps no hours, so, like a brand entry without hours, it is always open
 * and its business time is its wall-clock time: every first response and resolution has a
 * business duration, and a range of several brands compares like with like. Pure.
 */
public final class BusinessCalendars {
  /** No brand has hours: every business duration is the wall-clock one. */
  public static final BusinessCalendars ALWAYS_OPEN = new BusinessCalendars(Map.of());
  private final Map<String, BusinessTime> byBrand;

  private BusinessCalendars(Map<String, BusinessTime> byBrand) {
    this.byBrand = byBrand;
  }

  /** The calendars of the brands {@code policy} names (always open for the rest). */
  public static BusinessCalendars of(SlaPolicy policy) {
    Map<String, BusinessTime> byBrand = new HashMap<>();
    policy.brands().forEach(b -> byBrand.put(b.brand(), b.time()));
    return new BusinessCalendars(Map.copyOf(byBrand));
  }

  /**
   * The business time of {@code brand} from {@code start} to {@code end}: zero when either is
   * unknown or {@code end} is not after {@code start} (as wall-clock durations count them).
   */
  public Duration between(String brand, Instant start, Instant end) {
    if (start == null || end == null || !end.isAfter(start)) {
      return Duration.ZERO;
    }
    BusinessTime time = byBrand.get(brand);
    return time == null ? Duration.between(start, end) : time.between(start, end);
  }
}

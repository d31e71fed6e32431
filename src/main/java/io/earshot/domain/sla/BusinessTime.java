package io.earshot.domain.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Arithmetic in a brand's business time: an instant plus so much working time, and the working
 * time between two instants. Openings are turned into instants through the brand's zone, so a
 * day of a DST change has the hours it really has (an opening 00:00-24:00 lasts 23 h or 25 h).
 * Openings that overlap (an overnight one running into the next morning's) count once.
 */
public final class BusinessTime {
  /** How far ahead an opening is looked for: beyond it, a target is never due. */
  private static final int SEARCH_DAYS = 800;
  private final BusinessHours hours;

  public BusinessTime(BusinessHours hours) {
    this.hours = hours;
  }

  public BusinessHours hours() {
    return hours;
  }

  /** The instant at which {@code amount} of business time has passed since {@code start}; null when never. */
  public Instant plus(Instant start, Duration amount) {
    if (hours.alwaysOpen()) {
      return start.plus(amount);
    }
    Duration left = amount;
    Instant cursor = start;
    LocalDate day = localDate(start).minusDays(1);
    for (int i = 0; i < SEARCH_DAYS; i++, day = day.plusDays(1)) {
      for (Instant[] open : openings(day)) {
        Instant from = open[0].isAfter(cursor) ? open[0] : cursor;
        if (!open[1].isAfter(from)) {
          continue;
        }
        Duration available = Duration.between(from, open[1]);
        if (left.compareTo(available) <= 0) {
          return from.plus(left);
        }
        left = left.minus(available);
        cursor = open[1];
      }
    }
    return null;
  }

  /** The business time from {@code start} to {@code end}; zero when {@code end} is not after {@code start}. */
  public Duration between(Instant start, Instant end) {
    if (!end.isAfter(start)) {
      return Duration.ZERO;
    }
    if (hours.alwaysOpen()) {
      return Duration.between(start, end);
    }
    Duration sum = Duration.ZERO;
    Instant cursor = start;
    for (LocalDate day = localDate(start).minusDays(1); !day.isAfter(localDate(end)); day = day.plusDays(1)) {
      for (Instant[] open : openings(day)) {
        Instant from = open[0].isAfter(cursor) ? open[0] : cursor;
        Instant to = open[1].isBefore(end) ? open[1] : end;
        if (to.isAfter(from)) {
          sum = sum.plus(Duration.between(from, to));
          cursor = to;
        }
      }
    }
    return sum;
  }

  /** The openings starting on {@code day} as [start, end) instants, in order. */
  private List<Instant[]> openings(LocalDate day) {
    List<Instant[]> out = new ArrayList<>();
    for (OpeningSpan span : hours.openingsOn(day)) {
      LocalDate endDay = span.overnight() || span.to() == OpeningSpan.DAY ? day.plusDays(1) : day;
      int endMinute = span.to() == OpeningSpan.DAY ? 0 : span.to();
      out.add(new Instant[] {at(day, span.from()), at(endDay, endMinute)});
    }
    return out;
  }

  /** A local time that a DST gap skips is moved forward by the gap, as {@link ZonedDateTime#of} does. */
  private Instant at(LocalDate day, int minute) {
    return ZonedDateTime.of(day.atTime(minute / 60, minute % 60), hours.zone()).toInstant();
  }

  private LocalDate localDate(Instant instant) {
    return instant.atZone(hours.zone()).toLocalDate();
  }
}

package io.earshot.domain.sla;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * When a brand's team works, in the brand's time zone: the openings of each weekday and the
 * holidays (local dates) on which no opening starts. {@code week == null} means always open
 * (24/7, holidays ignored), the default for a brand that names no hours.
 */
public record BusinessHours(ZoneId zone, Map<DayOfWeek, List<OpeningSpan>> week, Set<LocalDate> holidays) {
  public BusinessHours {
    if (week != null) {
      Map<DayOfWeek, List<OpeningSpan>> copy = new EnumMap<>(DayOfWeek.class);
      week.forEach((day, spans) -> copy.put(day, spans.stream()
          .sorted(java.util.Comparator.comparingInt(OpeningSpan::from)).toList()));
      week = Map.copyOf(copy);
    }
    holidays = holidays == null ? Set.of() : Set.copyOf(new TreeSet<>(holidays));
  }

  public static BusinessHours always(ZoneId zone) {
    return new BusinessHours(zone, null, Set.of());
  }

  public boolean alwaysOpen() {
    return week == null;
  }

  /** The openings that start on {@code day} (none on a holiday). */
  public List<OpeningSpan> openingsOn(LocalDate day) {
    if (holidays.contains(day)) {
      return List.of();
    }
    return week.getOrDefault(day.getDayOfWeek(), List.of());
  }

  /** Whether any weekday has an opening: without one, no target could ever fall due. */
  public boolean opensAtAll() {
    return week == null || week.values().stream().anyMatch(spans -> !spans.isEmpty());
  }
}

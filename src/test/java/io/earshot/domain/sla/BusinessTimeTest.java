package io.earshot.domain.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.earshot.error.DomainError;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Business time")
class BusinessTimeTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  private static Map<DayOfWeek, List<OpeningSpan>> weekdays(String span) {
    Map<DayOfWeek, List<OpeningSpan>> week = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
        DayOfWeek.FRIDAY)) {
      week.put(d, List.of(OpeningSpan.parse(span)));
    }
    return week;
  }

  private static Instant local(String dateTime, ZoneId zone) {
    return ZonedDateTime.of(java.time.LocalDateTime.parse(dateTime), zone).toInstant();
  }

  private static BusinessTime officeHours(ZoneId zone, Set<LocalDate> holidays) {
    return new BusinessTime(new BusinessHours(zone, weekdays("09:00-17:00"), holidays));
  }

  @Test
  @DisplayName("inside opening hours, business time is clock time")
  void insideHours() {
    BusinessTime t = officeHours(BERLIN, Set.of());
    Instant start = local("2026-12-01T10:00", BERLIN);
    assertEquals(local("2026-12-01T11:30", BERLIN), t.plus(start, Duration.ofMinutes(90)));
    assertEquals(Duration.ofMinutes(90), t.between(start, local("2026-12-01T11:30", BERLIN)));
  }

  @Test
  @DisplayName("time left at closing carries over to the next opening, in the brand's time zone")
  void carriesOverNight() {
    BusinessTime t = officeHours(NEW_YORK, Set.of());
    Instant start = local("2026-12-01T16:30", NEW_YORK);
    assertEquals(local("2026-12-02T09:30", NEW_YORK), t.plus(start, Duration.ofMinutes(60)));
    assertEquals(Duration.ofMinutes(60), t.between(start, local("2026-12-02T09:30", NEW_YORK)));
  }

  @Test
  @DisplayName("a case opened outside hours starts counting at the next opening, after the weekend")
  void weekend() {
    BusinessTime t = officeHours(BERLIN, Set.of());
    Instant saturday = local("2026-12-05T12:00", BERLIN);
    assertEquals(local("2026-12-07T09:30", BERLIN), t.plus(saturday, Duration.ofMinutes(30)));
    assertEquals(Duration.ZERO, t.between(saturday, local("2026-12-07T09:00", BERLIN)));
  }

  @Test
  @DisplayName("holidays have no opening hours")
  void holidays() {
    BusinessTime t = officeHours(BERLIN, Set.of(LocalDate.parse("2026-12-24"), LocalDate.parse("2026-12-25")));
    Instant start = local("2026-12-23T16:00", BERLIN);
    assertEquals(local("2026-12-28T10:00", BERLIN), t.plus(start, Duration.ofMinutes(120)));
    assertEquals(Duration.ofMinutes(120), t.between(start, local("2026-12-28T10:00", BERLIN)));
  }

  @Test
  @DisplayName("overnight hours run into the next day and count once where they meet the morning's")
  void overnight() {
    Map<DayOfWeek, List<OpeningSpan>> week = new EnumMap<>(DayOfWeek.class);
    week.put(DayOfWeek.MONDAY, List.of(OpeningSpan.parse("22:00-06:00")));
    week.put(DayOfWeek.TUESDAY, List.of(OpeningSpan.parse("05:00-09:00")));
    BusinessTime t = new BusinessTime(new BusinessHours(BERLIN, week, Set.of()));
    Instant start = local("2026-11-30T21:00", BERLIN);
    assertEquals(Duration.ofHours(11), t.between(start, local("2026-12-01T12:00", BERLIN)));
    assertEquals(local("2026-12-01T08:00", BERLIN), t.plus(start, Duration.ofHours(10)));
  }

  @Test
  @DisplayName("round-the-clock hours on the day clocks go forward have 23 hours")
  void dstSpringForward() {
    Map<DayOfWeek, List<OpeningSpan>> week = new EnumMap<>(DayOfWeek.class);
    week.put(DayOfWeek.SUNDAY, List.of(OpeningSpan.parse("00:00-24:00")));
    BusinessTime t = new BusinessTime(new BusinessHours(BERLIN, week, Set.of()));
    Instant sunday = local("2026-03-29T00:00", BERLIN);
    assertEquals(Duration.ofHours(23), t.between(sunday, local("2026-03-30T00:00", BERLIN)));
    assertEquals(local("2026-03-29T04:00", BERLIN), t.plus(sunday, Duration.ofHours(3)));
  }

  @Test
  @DisplayName("office hours across the autumn change keep eight hours a day")
  void dstFallBack() {
    BusinessTime t = officeHours(NEW_YORK, Set.of());
    Instant friday = local("2026-10-30T09:00", NEW_YORK);
    Instant monday = local("2026-11-02T17:00", NEW_YORK);
    assertEquals(Duration.ofHours(16), t.between(friday, monday));
    assertEquals(local("2026-11-02T10:00", NEW_YORK), t.plus(friday, Duration.ofHours(9)));
  }

  @Test
  @DisplayName("always-open hours are plain clock time, and a calendar that never opens never falls due")
  void alwaysAndNever() {
    BusinessTime always = new BusinessTime(BusinessHours.always(BERLIN));
    Instant start = Instant.parse("2026-12-05T23:00:00Z");
    assertEquals(start.plus(Duration.ofHours(5)), always.plus(start, Duration.ofHours(5)));
    BusinessTime never = new BusinessTime(new BusinessHours(BERLIN, Map.of(), Set.of()));
    assertNull(never.plus(start, Duration.ofMinutes(1)));
  }

  @Test
  @DisplayName("opening hours must be HH:mm-HH:mm")
  void parsing() {
    assertEquals("09:00-24:00", OpeningSpan.parse("09:00-24:00").toString());
    assertThrows(DomainError.Invalid.class, () -> OpeningSpan.parse("9-17"));
    assertThrows(DomainError.Invalid.class, () -> OpeningSpan.parse("09:00-25:00"));
    assertThrows(DomainError.Invalid.class, () -> OpeningSpan.parse("09:00-09:00"));
  }
}

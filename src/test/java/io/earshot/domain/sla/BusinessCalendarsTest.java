package io.earshot.domain.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Business calendars: how long a case waited in its brand's business hours")
class BusinessCalendarsTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final SlaBand BAND = new SlaBand("normal", 0, 60, null, null);
  /** Acme works 09:00-17:00 Berlin time on weekdays, not on Christmas Eve; Globex names no hours. */
  private static final BusinessCalendars CALENDARS = BusinessCalendars.of(new SlaPolicy(List.of(
      new BrandSla("acme", new BusinessHours(BERLIN, weekdays(), Set.of(LocalDate.parse("2026-12-24"))), List.of(BAND)),
      new BrandSla("globex", BusinessHours.always(BERLIN), List.of(BAND))), 80, 1));

  private static Map<DayOfWeek, List<OpeningSpan>> weekdays() {
    Map<DayOfWeek, List<OpeningSpan>> week = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
        DayOfWeek.FRIDAY)) {
      week.put(d, List.of(OpeningSpan.parse("09:00-17:00")));
    }
    return week;
  }

  private static Instant berlin(String dateTime) {
    return ZonedDateTime.of(LocalDateTime.parse(dateTime), BERLIN).toInstant();
  }

  @Test
  @DisplayName("a case opened on Friday afternoon and answered on Monday morning waited 75 business minutes over a weekend of 65 hours")
  void acrossAWeekend() {
    Instant friday = berlin("2026-11-27T16:30");
    Instant monday = berlin("2026-11-30T09:45");
    assertEquals(Duration.ofMinutes(75), CALENDARS.between("acme", friday, monday));
    assertEquals(Duration.ofHours(65).plusMinutes(15), Duration.between(friday, monday));
  }

  @Test
  @DisplayName("a night counts nothing, and neither does a holiday")
  void nightAndHoliday() {
    assertEquals(Duration.ofHours(2), CALENDARS.between("acme", berlin("2026-12-01T16:00"), berlin("2026-12-02T10:00")));
    assertEquals(Duration.ofHours(2), CALENDARS.between("acme", berlin("2026-12-23T16:00"), berlin("2026-12-25T10:00")),
        "Christmas Eve, a Thursday, is a holiday");
    assertEquals(Duration.ZERO, CALENDARS.between("acme", berlin("2026-12-01T18:00"), berlin("2026-12-02T08:59")));
  }

  @Test
  @DisplayName("a brand without hours, or without an SLA at all, is always open: its business time is wall-clock time")
  void alwaysOpen() {
    Instant friday = berlin("2026-11-27T16:30");
    Instant monday = berlin("2026-11-30T09:45");
    assertEquals(Duration.between(friday, monday), CALENDARS.between("globex", friday, monday));
    assertEquals(Duration.between(friday, monday), CALENDARS.between("initech", friday, monday));
    assertEquals(Duration.between(friday, monday), BusinessCalendars.ALWAYS_OPEN.between("acme", friday, monday));
    assertEquals(Duration.between(friday, monday), BusinessCalendars.of(SlaPolicy.EMPTY).between("acme", friday, monday));
  }

  @Test
  @DisplayName("an unknown start or end, or an end before the start, is no time at all")
  void nothing() {
    Instant at = berlin("2026-12-01T10:00");
    assertEquals(Duration.ZERO, CALENDARS.between("acme", null, at));
    assertEquals(Duration.ZERO, CALENDARS.between("acme", at, null));
    assertEquals(Duration.ZERO, CALENDARS.between("acme", at, at.minusSeconds(60)));
    assertEquals(Duration.ZERO, CALENDARS.between("initech", at, at.minusSeconds(60)));
  }
}

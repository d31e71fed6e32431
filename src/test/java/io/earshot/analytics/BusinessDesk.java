package io.earshot.analytics;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A brand's business hours for a test that runs in real time: its desk was open for the hour up
 * to a minute the test picks, closed at the top of that minute (the "night" every case
 * opened before it waits across), then opens and closes every other minute for a quarter of an
 * hour, and is open for the rest of the day; closed on every other day. The time zone is one
 * whose local time is far from midnight now (Kathmandu, UTC+05:45, or St John's, UTC-03:30), so
 * the zone matters and the openings stay on one local day. The test's own count of business time
 * is here too: a plain sum of overlaps with those openings, no SLA code involved.
 */
final class BusinessDesk {
  private static final List<ZoneId> ZONES = List.of(ZoneId.of("Asia/Kathmandu"), ZoneId.of("America/St_Johns"));
  private static final int DAY = 24 * 60;
  final String brand;
  final ZoneId zone;
  final LocalDate day;
  /** Openings as [from, to) minutes of the local day. */
  final List<int[]> openings = new ArrayList<>();

  private BusinessDesk(String brand, ZoneId zone, LocalDate day, int closedAt) {
    this.brand = brand;
    this.zone = zone;
    this.day = day;
    openings.add(new int[] {closedAt - 60, closedAt});
    for (int i = 0; i < 8; i++) {
      openings.add(new int[] {closedAt + 1 + 2 * i, closedAt + 2 + 2 * i});
    }
    openings.add(new int[] {closedAt + 17, DAY});
  }

  /** The desk of {@code brand} that closed at {@code closing}, the top of a minute. */
  static BusinessDesk closedAtTheMinute(String brand, Instant closing) {
    for (ZoneId zone : ZONES) {
      ZonedDateTime local = closing.atZone(zone);
      if (local.getHour() >= 2 && local.getHour() < 21) {
        LocalTime minute = local.toLocalTime().truncatedTo(ChronoUnit.MINUTES);
        return new BusinessDesk(brand, zone, local.toLocalDate(), minute.getHour() * 60 + minute.getMinute());
      }
    }
    throw new IllegalStateException("one of the zones is between 02:00 and 21:00 at any instant");
  }

  /** The SLA policy body that gives the brand these hours (a generous resolution target: no breach). */
  JsonObject policy() {
    JsonArray spans = new JsonArray();
    openings.forEach(o -> spans.add(hhmm(o[0]) + "-" + hhmm(o[1])));
    String weekday = day.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ROOT).toLowerCase(Locale.ROOT);
    return new JsonObject().put("warnAtPercent", 80).put("brands", new JsonArray().add(new JsonObject()
        .put("brand", brand).put("timeZone", zone.getId()).put("hours", new JsonObject().put(weekday, spans))
        .put("bands", new JsonArray().add(new JsonObject().put("name", "normal").put("minPriority", 0)
            .put("resolutionMinutes", 60 * 24 * 30)))));
  }

  /** Business seconds of a case of {@code caseBrand} from {@code from} to {@code to}: wall-clock time for other brands. */
  double seconds(String caseBrand, String from, String to) {
    Instant a = Instant.parse(from);
    Instant b = Instant.parse(to);
    if (!brand.equals(caseBrand)) {
      return Duration.between(a, b).toMillis() / 1000.0;
    }
    long millis = 0;
    for (int[] o : openings) {
      Instant start = at(o[0]);
      Instant end = at(o[1]);
      Instant lo = a.isAfter(start) ? a : start;
      Instant hi = b.isBefore(end) ? b : end;
      if (hi.isAfter(lo)) {
        millis += Duration.between(lo, hi).toMillis();
      }
    }
    return millis / 1000.0;
  }

  private Instant at(int minute) {
    return minute == DAY ? day.plusDays(1).atStartOfDay(zone).toInstant()
        : ZonedDateTime.of(day, LocalTime.of(minute / 60, minute % 60), zone).toInstant();
  }

  private static String hhmm(int minute) {
    return String.format("%02d:%02d", minute / 60, minute % 60);
  }
}

package io.earshot.web;

import io.earshot.domain.sla.BrandSla;
import io.earshot.domain.sla.BusinessHours;
import io.earshot.domain.sla.OpeningSpan;
import io.earshot.domain.sla.SlaBand;
import io.earshot.domain.sla.SlaPolicy;
import io.earshot.error.DomainError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The SLA policy as the API reads and writes it ({@code GET|PUT /policies/sla}). A wrong value
 * is refused naming its place, such as {@code brands[0].hours.mon[1]} or
 * {@code brands[1].bands[0].firstResponseMinutes}.
 */
final class SlaPolicyJson {
  private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
  private static final int MAX_BRANDS = 100;
  private static final int MAX_BANDS = 20;
  private static final int MAX_SPANS = 10;
  private static final int MAX_HOLIDAYS = 400;

  private SlaPolicyJson() {
  }

  /** The policy, and what the PUT body brings: the entries and the warning share. */
  record Body(List<BrandSla> brands, int warnAtPercent) {
  }

  static JsonObject policy(SlaPolicy p) {
    JsonArray brands = new JsonArray();
    p.brands().forEach(b -> brands.add(brand(b)));
    return new JsonObject().put("version", p.version()).put("warnAtPercent", p.warnAtPercent()).put("brands", brands);
  }

  private static JsonObject brand(BrandSla b) {
    BusinessHours h = b.hours();
    JsonObject hours = null;
    if (!h.alwaysOpen()) {
      hours = new JsonObject();
      for (int i = 0; i < DAYS.size(); i++) {
        List<OpeningSpan> spans = h.week().getOrDefault(DayOfWeek.of(i + 1), List.of());
        hours.put(DAYS.get(i), new JsonArray(spans.stream().map(OpeningSpan::toString).toList()));
      }
    }
    JsonArray bands = new JsonArray();
    b.bands().forEach(band -> bands.add(new JsonObject().put("name", band.name()).put("minPriority", band.minPriority())
        .put("firstResponseMinutes", band.firstResponseMinutes()).put("nextResponseMinutes", band.nextResponseMinutes())
        .put("resolutionMinutes", band.resolutionMinutes())));
    return new JsonObject().put("brand", b.brand()).put("timeZone", h.zone().getId()).put("hours", hours)
        .put("holidays", new JsonArray(h.holidays().stream().sorted().map(LocalDate::toString).toList()))
        .put("bands", bands);
  }

  static Body body(JsonObject body) {
    Integer warnAt = Bodies.optionalInteger(body, "warnAtPercent", 1, 99);
    JsonArray array = array(body, "brands", MAX_BRANDS);
    List<BrandSla> brands = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      String at = "brands[" + i + "]";
      JsonObject entry = object(array.getValue(i), at);
      brands.add(within(at, () -> brand(entry)));
    }
    return new Body(brands, warnAt == null ? 80 : warnAt);
  }

  private static BrandSla brand(JsonObject b) {
    String brand = Bodies.requiredString(b, "brand").strip();
    String zoneId = Bodies.optionalString(b, "timeZone");
    ZoneId zone = zoneId == null ? null : zone(zoneId);
    Object hours = b.getValue("hours");
    Map<DayOfWeek, List<OpeningSpan>> week = hours == null ? null : week(object(hours, "hours"));
    Set<LocalDate> holidays = holidays(b);
    JsonArray bandArray = array(b, "bands", MAX_BANDS);
    List<SlaBand> bands = new ArrayList<>();
    for (int i = 0; i < bandArray.size(); i++) {
      String at = "bands[" + i + "]";
      JsonObject band = object(bandArray.getValue(i), at);
      bands.add(within(at, () -> band(band)));
    }
    return new BrandSla(brand, new BusinessHours(zone, week, holidays), bands);
  }

  private static ZoneId zone(String id) {
    try {
      return ZoneId.of(id.strip());
    } catch (DateTimeException e) {
      throw new DomainError.Invalid("timeZone", "'" + id + "' is not a time zone id such as Europe/Berlin");
    }
  }

  private static Map<DayOfWeek, List<OpeningSpan>> week(JsonObject hours) {
    Map<DayOfWeek, List<OpeningSpan>> week = new EnumMap<>(DayOfWeek.class);
    for (String key : hours.fieldNames()) {
      int day = DAYS.indexOf(key);
      if (day < 0) {
        throw new DomainError.Invalid("hours." + key, "is not a day: use mon, tue, wed, thu, fri, sat, sun");
      }
      JsonArray spans = within("hours", () -> array(hours, key, MAX_SPANS));
      List<OpeningSpan> parsed = new ArrayList<>();
      for (int i = 0; i < spans.size(); i++) {
        Object span = spans.getValue(i);
        try {
          parsed.add(OpeningSpan.parse(span instanceof String s ? s : null));
        } catch (DomainError.Invalid e) {
          throw new DomainError.Invalid("hours." + key + "[" + i + "]", "must be HH:mm-HH:mm, such as 09:00-17:30");
        }
      }
      week.put(DayOfWeek.of(day + 1), parsed);
    }
    return week;
  }

  private static Set<LocalDate> holidays(JsonObject b) {
    if (b.getValue("holidays") == null) {
      return Set.of();
    }
    JsonArray dates = array(b, "holidays", MAX_HOLIDAYS);
    Set<LocalDate> out = new HashSet<>();
    for (int i = 0; i < dates.size(); i++) {
      try {
        out.add(LocalDate.parse((String) dates.getValue(i)));
      } catch (RuntimeException e) {
        throw new DomainError.Invalid("holidays[" + i + "]", "must be a date as YYYY-MM-DD");
      }
    }
    return out;
  }

  private static SlaBand band(JsonObject b) {
    Integer min = Bodies.optionalInteger(b, "minPriority", 0, 100);
    return new SlaBand(Bodies.requiredString(b, "name").strip(), min == null ? 0 : min,
        target(b, "firstResponseMinutes"), target(b, "nextResponseMinutes"), target(b, "resolutionMinutes"));
  }

  private static Integer target(JsonObject b, String field) {
    return Bodies.optionalInteger(b, field, 1, SlaPolicy.MAX_TARGET_MINUTES);
  }

  private static JsonArray array(JsonObject o, String field, int max) {
    if (!(o.getValue(field) instanceof JsonArray a) || a.size() > max) {
      throw new DomainError.Invalid(field, "must be a list of at most " + max + " items");
    }
    return a;
  }

  private static JsonObject object(Object value, String at) {
    if (!(value instanceof JsonObject o)) {
      throw new DomainError.Invalid(at, "must be an object");
    }
    return o;
  }

  /** Runs {@code parse}, naming a refused field by its place inside {@code prefix}. */
  private static <T> T within(String prefix, java.util.function.Supplier<T> parse) {
    try {
      return parse.get();
    } catch (DomainError.Invalid e) {
      String message = e.getMessage().substring(e.field().length() + 2);
      throw new DomainError.Invalid(prefix + "." + e.field(), message);
    }
  }
}

package io.earshot.store;

import io.earshot.domain.sla.BrandSla;
import io.earshot.domain.sla.BusinessHours;
import io.earshot.domain.sla.OpeningSpan;
import io.earshot.domain.sla.SlaBand;
import io.earshot.domain.sla.SlaPolicy;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/** Maps the {@link SlaPolicy} to and from its document {@code policies/sla}. */
final class SlaPolicyDocs {
  private SlaPolicyDocs() {
  }

  static Document toDoc(SlaPolicy p) {
    List<Document> brands = p.brands().stream().map(SlaPolicyDocs::brand).toList();
    return new Document("warnAtPercent", p.warnAtPercent()).append("brands", brands).append("version", p.version());
  }

  static SlaPolicy fromDoc(Document d) {
    List<BrandSla> brands = new ArrayList<>();
    for (Document b : d.getList("brands", Document.class, List.of())) {
      brands.add(brand(b));
    }
    return new SlaPolicy(brands, d.getInteger("warnAtPercent", 80), CaseDocs.version(d));
  }

  private static Document brand(BrandSla b) {
    BusinessHours h = b.hours();
    Document week = null;
    if (!h.alwaysOpen()) {
      week = new Document();
      for (Map.Entry<DayOfWeek, List<OpeningSpan>> day : h.week().entrySet()) {
        week.append(day.getKey().name(), day.getValue().stream().map(OpeningSpan::toString).toList());
      }
    }
    List<Document> bands = b.bands().stream().map(band -> new Document("name", band.name())
        .append("minPriority", band.minPriority()).append("firstResponseMinutes", band.firstResponseMinutes())
        .append("nextResponseMinutes", band.nextResponseMinutes())
        .append("resolutionMinutes", band.resolutionMinutes())).toList();
    return new Document("brand", b.brand()).append("timeZone", h.zone().getId()).append("hours", week)
        .append("holidays", h.holidays().stream().sorted().map(LocalDate::toString).toList()).append("bands", bands);
  }

  private static BrandSla brand(Document b) {
    Document week = b.get("hours", Document.class);
    Map<DayOfWeek, List<OpeningSpan>> days = null;
    if (week != null) {
      days = new EnumMap<>(DayOfWeek.class);
      for (String day : week.keySet()) {
        days.put(DayOfWeek.valueOf(day), week.getList(day, String.class).stream().map(OpeningSpan::parse).toList());
      }
    }
    List<LocalDate> holidays = b.getList("holidays", String.class, List.of()).stream().map(LocalDate::parse).toList();
    List<SlaBand> bands = b.getList("bands", Document.class, List.of()).stream().map(d -> new SlaBand(
        d.getString("name"), d.getInteger("minPriority", 0), d.getInteger("firstResponseMinutes"),
        d.getInteger("nextResponseMinutes"), d.getInteger("resolutionMinutes"))).toList();
    return new BrandSla(b.getString("brand"),
        new BusinessHours(ZoneId.of(b.getString("timeZone")), days, java.util.Set.copyOf(holidays)), bands);
  }
}

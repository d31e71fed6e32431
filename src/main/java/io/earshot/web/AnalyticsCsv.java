package io.earshot.web;

import io.earshot.analytics.Overview;
import io.earshot.error.DomainError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Every table and chart of the analytics page as RFC 4180 CSV, one view at a time, with the
 * formula defusing of {@link AuditCsv} on every text cell (reason codes, usernames and question
 * examples carry text that customers and users wrote). Numbers are written as they are.
 */
final class AnalyticsCsv {
  /** The views {@code ?view=} names; {@code agents} only for managers and admins. */
  enum View {
    SUMMARY, SERIES, REASONS, PLATFORMS, HOURS, QUESTIONS, AGENTS;

    String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

  private AnalyticsCsv() {
  }

  static View view(String code, boolean agents) {
    String names = Arrays.stream(View.values()).map(View::code).collect(Collectors.joining(", "));
    if (code == null || code.isEmpty()) {
      throw new DomainError.Invalid("view", "is required: one of " + names);
    }
    View view = Arrays.stream(View.values()).filter(v -> v.code().equals(code)).findFirst()
        .orElseThrow(() -> new DomainError.Invalid("view", "unknown view '" + code + "': one of " + names));
    if (view == View.AGENTS && !agents) {
      throw new DomainError.Forbidden("per-agent activity is for managers and admins");
    }
    return view;
  }

  static String render(View view, Overview o) {
    List<List<Object>> rows = switch (view) {
      case SUMMARY -> summary(o);
      case SERIES -> series(o);
      case REASONS -> reasons(o);
      case PLATFORMS -> platforms(o);
      case HOURS -> hours(o);
      case QUESTIONS -> questions(o);
      case AGENTS -> agents(o);
    };
    StringBuilder csv = new StringBuilder();
    rows.forEach(r -> csv.append(r.stream().map(AnalyticsCsv::cell).collect(Collectors.joining(",", "", "\r\n"))));
    return csv.toString();
  }

  private static String cell(Object value) {
    if (value == null) {
      return "";
    }
    return value instanceof Number ? value.toString() : AuditCsv.cell(value.toString());
  }

  private static List<List<Object>> summary(Overview o) {
    List<List<Object>> rows = new ArrayList<>();
    rows.add(List.of("figure", "value"));
    rows.add(List.of("mentions", o.mentions()));
    rows.add(List.of("cases", o.casesOpened()));
    rows.add(List.of("casesResolved", o.casesResolved()));
    o.sentiment().forEach((label, n) -> rows.add(List.of("sentiment." + label, n)));
    rows.add(List.of("shareNegative", o.shareNegative()));
    rows.add(Arrays.asList("firstResponse.medianSeconds", o.firstResponse().medianSeconds()));
    rows.add(Arrays.asList("firstResponse.p90Seconds", o.firstResponse().p90Seconds()));
    rows.add(Arrays.asList("firstResponse.businessMedianSeconds", o.firstResponseBusiness().medianSeconds()));
    rows.add(Arrays.asList("firstResponse.businessP90Seconds", o.firstResponseBusiness().p90Seconds()));
    rows.add(Arrays.asList("resolution.medianSeconds", o.resolution().medianSeconds()));
    rows.add(Arrays.asList("resolution.p90Seconds", o.resolution().p90Seconds()));
    rows.add(Arrays.asList("resolution.businessMedianSeconds", o.resolutionBusiness().medianSeconds()));
    rows.add(Arrays.asList("resolution.businessP90Seconds", o.resolutionBusiness().p90Seconds()));
    rows.add(List.of("sla.met", o.slaMet()));
    rows.add(List.of("sla.breached", o.slaBreached()));
    rows.add(List.of("avoidableContactRate", o.avoidableContactRate()));
    rows.add(List.of("exits", o.exits()));
    rows.add(List.of("repeatContacts", o.repeats()));
    rows.add(List.of("repliesSent", o.repliesSent()));
    rows.add(List.of("approvals.approved", o.approvals().approved()));
    rows.add(List.of("approvals.rejected", o.approvals().rejected()));
    engagement(rows, "engagement.", o.engagement(), false);
    rows.add(List.of("broadcasts.sent", o.broadcasts().sent()));
    rows.add(List.of("broadcasts.notices", o.broadcasts().notices()));
    engagement(rows, "broadcasts.engagement.", o.broadcasts().engagement(), true);
    return rows;
  }

  /** An engagement's rows; {@code posts} only where asked (the replies' rows came before it was). */
  private static void engagement(List<List<Object>> rows, String prefix, Overview.Engagement e, boolean posts) {
    if (posts) {
      rows.add(List.of(prefix + "posts", e.posts()));
    }
    rows.add(List.of(prefix + "likes", e.likes()));
    rows.add(List.of(prefix + "reposts", e.reposts()));
    rows.add(List.of(prefix + "replies", e.replies()));
    rows.add(Arrays.asList(prefix + "quotes", e.quotes()));
    rows.add(Arrays.asList(prefix + "impressions", e.impressions()));
  }

  private static List<List<Object>> series(Overview o) {
    List<List<Object>> rows = new ArrayList<>();
    rows.add(List.of("day", "mentions", "positive", "neutral", "negative", "casesOpened", "casesResolved"));
    o.series().forEach(d -> rows.add(List.of(d.day(), d.mentions(), d.positive(), d.neutral(), d.negative(),
        d.opened(), d.resolved())));
    return rows;
  }

  private static List<List<Object>> reasons(Overview o) {
    List<List<Object>> rows = new ArrayList<>();
    rows.add(List.of("code", "count", "previous", "change", "positive", "neutral", "negative"));
    o.reasons().forEach(r -> rows.add(List.of(r.code(), r.count(), r.previous(), r.count() - r.previous(),
        r.sentiment().get("positive"), r.sentiment().get("neutral"), r.sentiment().get("negative"))));
    return rows;
  }

  private static List<List<Object>> platforms(Overview o) {
    List<List<Object>> rows = new ArrayList<>();
    rows.add(List.of("platform", "mentions", "positive", "neutral", "negative"));
    o.platforms().forEach(p -> rows.add(List.of(p.platform(), p.count(), p.sentiment().get("positive"),
        p.sentiment().get("neutral"), p.sentiment().get("negative"))));
    return rows;
  }

  private static List<List<Object>> hours(Overview o) {
    List<List<Object>> rows = new ArrayList<>();
    List<Object> header = new ArrayList<>(List.of("day"));
    for (int h = 0; h < 24; h++) {
      header.add(String.format("%02d", h));
    }
    rows.add(header);
    for (int d = 0; d < 7; d++) {
      List<Object> row = new ArrayList<>(List.of(DAYS[d]));
      for (long n : o.byHourOfWeek()[d]) {
        row.add(n);
      }
      rows.add(row);
    }
    return rows;
  }

  private static List<List<Object>> questions(Overview o) {
    List<List<Object>> rows = new ArrayList<>();
    rows.add(List.of("question", "count", "examples"));
    o.questions().forEach(q -> rows.add(List.of(q.words(), q.count(), String.join(" | ", q.examples()))));
    return rows;
  }

  private static List<List<Object>> agents(Overview o) {
    List<List<Object>> rows = new ArrayList<>();
    rows.add(List.of("username", "repliesSent", "casesResolved", "approvalsDecided"));
    o.agents().forEach(a -> rows.add(List.of(a.username(), a.sent(), a.resolved(), a.decided())));
    return rows;
  }
}

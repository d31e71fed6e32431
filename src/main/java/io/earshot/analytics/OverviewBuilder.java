package io.earshot.analytics;

import io.earshot.analytics.Overview.Agent;
import io.earshot.analytics.Overview.Day;
import io.earshot.analytics.Overview.Durations;
import io.earshot.analytics.Overview.PlatformCount;
import io.earshot.analytics.Overview.Reason;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Turns the tallies of a range and of the range before it into the {@link Overview}. Pure. */
final class OverviewBuilder {
  static final int QUESTIONS = 10;

  private OverviewBuilder() {
  }

  static Overview build(AnalyticsService.Filter f, Tally now, Tally before) {
    Map<String, Long> sentiment = new LinkedHashMap<>();
    Map<String, Double> average = new LinkedHashMap<>();
    for (String label : Tally.LABELS) {
      long n = now.count("s." + label + ".n");
      sentiment.put(label, n);
      average.put(label, n == 0 ? null : now.count("s." + label + ".micro") / RollupBatch.MICRO / n);
    }
    return new Overview(f.from().toString(), f.to().toString(), now.count("mentions"), now.count("opened"),
        now.count("resolved"), sentiment, average, reasons(now, before), platforms(now), now.hourOfWeek,
        durations(now, "fr"), durations(now, "rs"), durations(now, "frb"), durations(now, "rsb"),
        now.count("slaMet"), now.count("slaBreached"),
        now.count("avoidable"), now.count("exits"), now.count("repeats"), now.count("sent"),
        new Overview.Approvals(now.count("approvals"), now.count("rejections"), durations(now, "aw")),
        engagement(now, "e."), new Overview.Broadcasts(now.count("broadcasts"), now.count("noticesSent"),
        engagement(now, "be.")), series(f, now), Questions.group(now.under("q."), now.examples, QUESTIONS), agents(now));
  }

  private static List<Reason> reasons(Tally now, Tally before) {
    List<Reason> list = new ArrayList<>();
    now.under("r.").forEach((code, count) -> list.add(new Reason(Keys.unsafe(code), count,
        before.count("r." + code), labels(now, "rl." + code + "."))));
    before.under("r.").forEach((code, count) -> {
      if (now.count("r." + code) == 0) {
        list.add(new Reason(Keys.unsafe(code), 0, count, labels(now, "rl." + code + ".")));
      }
    });
    list.sort(Comparator.comparingLong((Reason r) -> -r.count()).thenComparingLong(r -> -r.previous())
        .thenComparing(Reason::code));
    return list;
  }

  private static List<PlatformCount> platforms(Tally now) {
    List<PlatformCount> list = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    now.counts.keySet().stream().filter(k -> k.startsWith("p.") && k.endsWith(".mentions"))
        .map(k -> k.substring(2, k.length() - ".mentions".length())).forEach(seen::add);
    seen.forEach(p -> list.add(new PlatformCount(p, now.count("p." + p + ".mentions"), labelsOf(now, "p." + p + ".s."))));
    list.sort(Comparator.comparingLong((PlatformCount p) -> -p.count()).thenComparing(PlatformCount::platform));
    return list;
  }

  private static Map<String, Long> labels(Tally t, String prefix) {
    Map<String, Long> m = new LinkedHashMap<>();
    Tally.LABELS.forEach(l -> m.put(l, t.count(prefix + l)));
    return m;
  }

  private static Map<String, Long> labelsOf(Tally t, String prefix) {
    Map<String, Long> m = new LinkedHashMap<>();
    Tally.LABELS.forEach(l -> m.put(l, t.count(prefix + l + ".n")));
    return m;
  }

  private static Durations durations(Tally t, String name) {
    Map<Integer, Long> buckets = t.histogram(name);
    long n = buckets.values().stream().mapToLong(Long::longValue).sum();
    return new Durations(n, Histogram.percentile(buckets, 50), Histogram.percentile(buckets, 90));
  }

  /**
   * Sums of each post's counts under {@code prefix} ({@code e.} replies, {@code be.} broadcast
   * posts); quotes and impressions over the posts that have them (null when none has).
   */
  private static Overview.Engagement engagement(Tally t, String prefix) {
    Map<String, Long> sums = new HashMap<>();
    Set<String> posts = new HashSet<>();
    t.counts.forEach((k, v) -> {
      if (k.startsWith(prefix)) {
        int dot = k.lastIndexOf('.');
        posts.add(k.substring(prefix.length(), dot));
        sums.merge(k.substring(dot + 1), v, Long::sum);
      }
    });
    return new Overview.Engagement(posts.size(), sums.getOrDefault("likes", 0L), sums.getOrDefault("reposts", 0L),
        sums.getOrDefault("replies", 0L), sums.get("quotes"), sums.get("impressions"));
  }

  private static List<Day> series(AnalyticsService.Filter f, Tally t) {
    List<Day> days = new ArrayList<>();
    for (LocalDate d = f.from(); !d.isAfter(f.to()); d = d.plusDays(1)) {
      Map<String, Long> c = t.byDay.getOrDefault(d.toString(), Map.of());
      days.add(new Day(d.toString(), c.getOrDefault("mentions", 0L), c.getOrDefault("s.positive.n", 0L),
          c.getOrDefault("s.neutral.n", 0L), c.getOrDefault("s.negative.n", 0L), c.getOrDefault("opened", 0L),
          c.getOrDefault("resolved", 0L)));
    }
    return days;
  }

  private static List<Agent> agents(Tally t) {
    Map<String, long[]> by = new TreeMap<>();
    t.counts.forEach((k, v) -> {
      if (k.startsWith("a.")) {
        int dot = k.lastIndexOf('.');
        long[] a = by.computeIfAbsent(Keys.unsafe(k.substring(2, dot)), u -> new long[3]);
        switch (k.substring(dot + 1)) {
          case "sent" -> a[0] += v;
          case "resolved" -> a[1] += v;
          case "decided" -> a[2] += v;
          default -> { }
        }
      }
    });
    List<Agent> list = new ArrayList<>();
    by.forEach((u, a) -> list.add(new Agent(u, a[0], a[1], a[2])));
    return list;
  }
}

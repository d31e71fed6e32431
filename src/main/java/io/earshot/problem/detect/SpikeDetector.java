package io.earshot.problem.detect;

import io.earshot.problem.Alert;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Spike and crisis detection in event time, as a pure, single-threaded state machine: facts go in
 * ({@link #add}) in any order, and {@link #evaluate} judges every point in event time that new
 * facts made worth judging, once processing time has passed it, and answers the alerts to raise.
 * Nothing here reads a clock: a backfill builds the baseline, and a catch-up of mentions written
 * during an outage is judged at the time they were written, exactly as if they had come live.
 *
 * <p>Three things are counted per brand: each contact reason, each phrase (pairs of content
 * words, see {@link Terms}) and the average sentiment. A point {@code t} is a spike when the
 * window ending at {@code t} exceeds the {@link Baseline} (volume) or falls below the brand's usual
 * mood (sentiment) as {@link Thresholds} say, and the mentions of the excess span at least
 * {@code persistSeconds} of their own time (a dump of posts in one instant is not a trend). One spike raises one alert: another for the same thing starting within a window of it
 * is the same spike. A phrase alert is not raised beside a reason alert of the same brand (the
 * reason alert names its most distinctive phrase instead).
 */
public final class SpikeDetector {
  private static final long POINT = Duration.ofSeconds(5).toMillis();
  private static final long KEEP_FACTS = Duration.ofDays(9).toMillis();
  private static final long KEEP_HOURS = Duration.ofDays(36).toMillis() / KeySeries.HOUR;
  private static final int SEEN_LIMIT = 500_000;
  private final Function<String, Thresholds> thresholds;
  private final Map<String, KeySeries> series = new HashMap<>();
  private final TreeMap<String, TreeSet<Long>> pending = new TreeMap<>();
  private final Map<String, List<Long>> raised = new HashMap<>();
  private final Map<String, Boolean> seen = new LinkedHashMap<>(1024, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
      return size() > SEEN_LIMIT;
    }
  };
  private long historyStart = Long.MAX_VALUE;
  private long newest = Long.MIN_VALUE;

  /** {@code thresholds}: the brand's thresholds (read at every evaluation, so a policy change applies at once). */
  public SpikeDetector(Function<String, Thresholds> thresholds) {
    this.thresholds = thresholds;
  }

  /** Counts a fact once (a fact seen before is ignored); answers whether it was new. */
  public boolean add(Fact f) {
    if (seen.put(f.mentionId(), Boolean.TRUE) != null) {
      return false;
    }
    long at = f.createdAt().toEpochMilli();
    historyStart = Math.min(historyStart, at);
    newest = Math.max(newest, at);
    for (String key : keys(f)) {
      series.computeIfAbsent(key, k -> new KeySeries()).add(f);
      pending.computeIfAbsent(key, k -> new TreeSet<>()).add(Math.floorDiv(at + POINT - 1, POINT) * POINT);
    }
    return true;
  }

  /** An alert raised before (by this or another instance), so the same spike is not raised again. */
  public void remember(Alert a) {
    raised.computeIfAbsent(Keys.of(a), k -> new ArrayList<>()).add(a.startedAt().toEpochMilli());
  }

  /** Judges every pending point up to {@code now} (processing time); answers the new alerts. */
  public List<Alert> evaluate(Instant now) {
    List<Alert> alerts = new ArrayList<>();
    long until = now.toEpochMilli();
    for (String kind : List.of(Keys.REASON, Keys.SENTIMENT, Keys.PHRASE)) {
      for (Map.Entry<String, TreeSet<Long>> e : pending.subMap(kind, kind + Character.MAX_VALUE).entrySet()) {
        TreeSet<Long> due = new TreeSet<>(e.getValue().headSet(until, true));
        e.getValue().removeAll(due);
        for (long t : due) {
          judge(e.getKey(), t, now).ifPresent(alerts::add);
        }
      }
    }
    pending.values().removeIf(TreeSet::isEmpty);
    return alerts;
  }

  private java.util.Optional<Alert> judge(String key, long t, Instant now) {
    KeySeries s = series.get(key);
    String brand = Keys.brand(key);
    Thresholds th = thresholds.apply(brand);
    Judgement j = Judgement.of(key, s, t, th, historyStart);
    if (j == null || !j.persists(th)) {
      return java.util.Optional.empty();
    }
    if (isRaised(key, j.startedAt(), th) || Keys.isPhrase(key) && reasonRaised(brand, j.startedAt(), th)) {
      return java.util.Optional.empty();
    }
    raised.computeIfAbsent(key, k -> new ArrayList<>()).add(j.startedAt());
    String phrase = Keys.isPhrase(key) ? Keys.value(key) : Keys.isReason(key) ? distinctive(j.facts(), brand, t, th) : null;
    return java.util.Optional.of(j.toAlert(key, phrase, now));
  }

  private boolean isRaised(String key, long startedAt, Thresholds th) {
    long w = th.window().toMillis();
    return raised.getOrDefault(key, List.of()).stream().anyMatch(s -> Math.abs(s - startedAt) <= 2 * w);
  }

  private boolean reasonRaised(String brand, long startedAt, Thresholds th) {
    return raised.keySet().stream().filter(k -> Keys.isReason(k) && Keys.brand(k).equals(brand))
        .anyMatch(k -> isRaised(k, startedAt, th));
  }

  /** The phrase of the window's facts most above its own baseline, shared by at least a third of them. */
  private String distinctive(List<Fact> facts, String brand, long t, Thresholds th) {
    Map<String, Integer> counts = new HashMap<>();
    facts.forEach(f -> f.phrases().forEach(p -> counts.merge(p, 1, Integer::sum)));
    long w = th.window().toMillis();
    String best = null;
    double bestLift = 0;
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      if (e.getValue() < Math.max(3, facts.size() / 3)) {
        continue;
      }
      KeySeries ps = series.get(Keys.phrase(brand, e.getKey()));
      double lift = e.getValue() / (Baseline.expected(ps, t, w, historyStart) + th.floor());
      if (lift > bestLift) {
        bestLift = lift;
        best = e.getKey();
      }
    }
    return best;
  }

  /** Forgets facts and hours too old to matter (kept: 9 days of facts, 36 days of hourly counts). */
  public void prune() {
    if (newest == Long.MIN_VALUE) {
      return;
    }
    long oldestFact = newest - KEEP_FACTS;
    long oldestHour = Math.floorDiv(newest, KeySeries.HOUR) - KEEP_HOURS;
    series.values().forEach(s -> s.prune(oldestFact, oldestHour));
    series.values().removeIf(KeySeries::isEmpty);
  }

  /** How many series are counted (for the benchmark's figures). */
  public int seriesCount() {
    return series.size();
  }

  private static List<String> keys(Fact f) {
    List<String> keys = new ArrayList<>();
    f.reasons().forEach(r -> keys.add(Keys.reason(f.brand(), r)));
    keys.add(Keys.sentiment(f.brand()));
    f.phrases().forEach(p -> keys.add(Keys.phrase(f.brand(), p)));
    return keys;
  }
}

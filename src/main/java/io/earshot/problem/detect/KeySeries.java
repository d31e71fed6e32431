package io.earshot.problem.detect;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The history of one thing the detector counts (a brand × reason, a brand × phrase, a brand's
 * sentiment), in event time: the recent facts themselves, for windows, and counts and sentiment
 * sums per hour, for the baseline. Mutable, owned by one {@link SpikeDetector}.
 */
final class KeySeries {
  static final long HOUR = Duration.ofHours(1).toMillis();
  private final TreeMap<Long, List<Fact>> recent = new TreeMap<>();
  private final Map<Long, Integer> hourly = new HashMap<>();
  private final Map<Long, Double> hourlySentiment = new HashMap<>();
  private long total;
  private double sentimentTotal;

  void add(Fact f) {
    long at = f.createdAt().toEpochMilli();
    recent.computeIfAbsent(at, k -> new ArrayList<>(1)).add(f);
    hourly.merge(Math.floorDiv(at, HOUR), 1, Integer::sum);
    hourlySentiment.merge(Math.floorDiv(at, HOUR), f.sentiment(), Double::sum);
    total++;
    sentimentTotal += f.sentiment();
  }

  /** Facts written in {@code (from, to]}, oldest first. */
  List<Fact> between(long from, long to) {
    List<Fact> facts = new ArrayList<>();
    recent.subMap(from, false, to, true).values().forEach(facts::addAll);
    return facts;
  }

  int count(long from, long to) {
    int n = 0;
    for (List<Fact> at : recent.subMap(from, false, to, true).values()) {
      n += at.size();
    }
    return n;
  }

  int hour(long hourIndex) {
    return hourly.getOrDefault(hourIndex, 0);
  }

  /** Count and sentiment sum of the hours before {@code hourIndex} (the brand's usual mood). */
  double[] before(long hourIndex) {
    double n = 0;
    double sum = 0;
    for (Map.Entry<Long, Integer> e : hourly.entrySet()) {
      if (e.getKey() < hourIndex) {
        n += e.getValue();
        sum += hourlySentiment.getOrDefault(e.getKey(), 0.0);
      }
    }
    return new double[] {n, sum};
  }

  long total() {
    return total;
  }

  Instant newest() {
    return recent.isEmpty() ? null : Instant.ofEpochMilli(recent.lastKey());
  }

  /** Forgets facts older than {@code keepFacts} before {@code newest}, and hours older than {@code keepHours}. */
  void prune(long oldestFact, long oldestHour) {
    recent.headMap(oldestFact).clear();
    hourly.keySet().removeIf(h -> h < oldestHour);
    hourlySentiment.keySet().removeIf(h -> h < oldestHour);
  }

  boolean isEmpty() {
    return recent.isEmpty() && hourly.isEmpty();
  }
}

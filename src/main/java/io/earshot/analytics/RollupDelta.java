package io.earshot.analytics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * What some events add to one rollup document (one brand × platform × UTC day): counters to
 * increment, strings to keep the least of (examples, so the same events give the same example in
 * any order), and values to set (engagement counts, which platforms report as totals). It also
 * remembers the ids of the events it holds: the listener writes them as one key, which is what
 * makes a replay a no-op. Pure; not thread-safe.
 */
public final class RollupDelta {
  private final String id;
  private final String day;
  private final String brand;
  private final String platform;
  private final Map<String, Number> increments = new LinkedHashMap<>();
  private final Map<String, String> least = new LinkedHashMap<>();
  private final Map<String, Object> sets = new LinkedHashMap<>();
  private final TreeSet<String> eventIds = new TreeSet<>();

  RollupDelta(String day, String brand, String platform) {
    this.id = Keys.docId(day, brand, platform);
    this.day = day;
    this.brand = brand;
    this.platform = platform;
  }

  void add(String field, long amount) {
    increments.merge(field, amount, (a, b) -> a.longValue() + b.longValue());
  }

  void add(String field, double amount) {
    increments.merge(field, amount, (a, b) -> a.doubleValue() + b.doubleValue());
  }

  void keepLeast(String field, String value) {
    least.merge(field, value, (a, b) -> a.compareTo(b) <= 0 ? a : b);
  }

  void set(String field, Object value) {
    sets.put(field, value);
  }

  void from(String eventId) {
    if (eventId != null) {
      eventIds.add(eventId);
    }
  }

  public String id() {
    return id;
  }

  public String day() {
    return day;
  }

  public String brand() {
    return brand;
  }

  public String platform() {
    return platform;
  }

  public Map<String, Number> increments() {
    return increments;
  }

  public Map<String, String> least() {
    return least;
  }

  public Map<String, Object> sets() {
    return sets;
  }

  /** The events this delta holds, in a stable order (what the replay key is made from). */
  public TreeSet<String> eventIds() {
    return eventIds;
  }
}

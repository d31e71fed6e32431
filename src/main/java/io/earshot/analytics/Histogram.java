package io.earshot.analytics;

import java.util.Map;

/**
 * Fixed log-spaced buckets for durations in seconds, so that a percentile of many hours is read
 * from the sum of their bucket counts (percentiles themselves do not add up). Bucket 0 holds
 * [0, 1 s); bucket i ≥ 1 holds [2^((i-1)/4), 2^(i/4)) seconds: each bucket is 19% wider than the
 * one before, so a percentile read back as the bucket's geometric middle is within ±9% of the
 * exact value. 120 buckets reach past ten years. Pure.
 */
public final class Histogram {
  /** How many buckets there are; the last one also takes everything longer. */
  public static final int BUCKETS = 120;
  private static final double STEPS_PER_DOUBLING = 4.0;

  private Histogram() {
  }

  /** The bucket a duration of {@code seconds} falls in (negative durations count as 0). */
  public static int bucket(double seconds) {
    if (seconds < 1) {
      return 0;
    }
    int i = (int) Math.floor(Math.log(seconds) / Math.log(2) * STEPS_PER_DOUBLING) + 1;
    return Math.min(BUCKETS - 1, i);
  }

  /** The value a bucket stands for: the geometric middle of its bounds (0.5 s for bucket 0). */
  public static double value(int bucket) {
    if (bucket == 0) {
      return 0.5;
    }
    return Math.pow(2, (bucket - 0.5) / STEPS_PER_DOUBLING);
  }

  /**
   * The nearest-rank {@code p}-th percentile (0..100) of the counts by bucket, or null when empty;
   * rounded to whole seconds.
   */
  public static Long percentile(Map<Integer, Long> counts, double p) {
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    if (total == 0) {
      return null;
    }
    long rank = Math.max(1, (long) Math.ceil(p / 100.0 * total));
    long seen = 0;
    for (int b = 0; b < BUCKETS; b++) {
      seen += counts.getOrDefault(b, 0L);
      if (seen >= rank) {
        return Math.round(value(b));
      }
    }
    return Math.round(value(BUCKETS - 1));
  }
}

package io.earshot.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * Public reactions a brand post has earned, as last read from its platform. {@code quotes} and
 * {@code impressions} are null where the platform does not give them (X v2 gives both; Bluesky
 * and Mastodon 4.5 give quotes; older Mastodon, X v1.1, Meta and the sandbox give neither), so
 * "not given" is never shown as zero.
 */
public record Engagement(long likes, long reposts, long replies, Long quotes, Long impressions, Instant measuredAt) {
  /** A reading of a platform that gives neither quotes nor impressions. */
  public Engagement(long likes, long reposts, long replies, Instant measuredAt) {
    this(likes, reposts, replies, null, null, measuredAt);
  }

  public static Engagement none() {
    return new Engagement(0, 0, 0, null);
  }

  /** The same counts, read at {@code at}. */
  public Engagement at(Instant at) {
    return new Engagement(likes, reposts, replies, quotes, impressions, at);
  }

  /** Both readings added up (the total of many posts); a count neither gives stays null. */
  public Engagement plus(Engagement other) {
    return new Engagement(likes + other.likes, reposts + other.reposts, replies + other.replies,
        sum(quotes, other.quotes), sum(impressions, other.impressions), latest(measuredAt, other.measuredAt));
  }

  private static Long sum(Long a, Long b) {
    if (a == null || b == null) {
      return a == null ? b : a;
    }
    return a + b;
  }

  private static Instant latest(Instant a, Instant b) {
    return a == null ? b : b == null || a.isAfter(b) ? a : b;
  }

  /** Whether every count (not the time of reading) is the same as {@code other}'s. */
  public boolean sameCounts(Engagement other) {
    return likes == other.likes && reposts == other.reposts && replies == other.replies
        && Objects.equals(quotes, other.quotes) && Objects.equals(impressions, other.impressions);
  }
}

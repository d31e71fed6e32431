package io.earshot.domain;

import java.time.Instant;

/** Public reactions a brand post has earned, as last read from its platform. */
public record Engagement(long likes, long reposts, long replies, Instant measuredAt) {
  public static Engagement none() {
    return new Engagement(0, 0, 0, null);
  }
}

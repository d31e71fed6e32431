package io.earshot.problem;

import java.time.Instant;
import java.util.List;

/**
 * A spike the detector saw, in event time: {@code kind} {@code volume} (mentions of a brand ×
 * contact reason, or of an emerging {@code phrase}) or {@code sentiment} (a fall in the brand's
 * average sentiment). {@code startedAt} is when the excess began (the mentions' own time, not
 * when they arrived); {@code observed}/{@code expected} are the count (or the average sentiment)
 * in the window against the level expected for that hour of the week. {@code problemId} is set
 * once a Problem was created from the alert.
 */
public record Alert(String id, String kind, String brand, String reason, String phrase, Instant startedAt,
                    Instant raisedAt, double observed, double expected, Severity severity,
                    List<String> sampleMentionIds, List<String> proposedCaseIds, String problemId) {
  public static final String VOLUME = "volume";
  public static final String SENTIMENT = "sentiment";

  public Alert {
    sampleMentionIds = List.copyOf(sampleMentionIds);
    proposedCaseIds = List.copyOf(proposedCaseIds);
  }
}

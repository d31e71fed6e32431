package io.earshot.analytics;

import java.util.List;
import java.util.Map;

/**
 * The analytics figures of one range, brand and platform filter, as {@code GET /analytics/overview}
 * answers them ({@code web/AnalyticsJson} renders it). Durations are whole seconds; a percentile
 * of nothing is null; {@code firstResponseBusiness} and {@code resolutionBusiness} are the same
 * cases timed in their brands' business hours. {@code byHourOfWeek} is 7 rows (Monday first) of
 * 24 hours, UTC.
 */
public record Overview(String from, String to, long mentions, long casesOpened, long casesResolved,
                       Map<String, Long> sentiment, Map<String, Double> sentimentAverage,
                       List<Reason> reasons, List<PlatformCount> platforms, long[][] byHourOfWeek,
                       Durations firstResponse, Durations resolution, Durations firstResponseBusiness,
                       Durations resolutionBusiness, long slaMet, long slaBreached,
                       long avoidable, long exits, long repeats, long repliesSent, Approvals approvals,
                       Engagement engagement, Broadcasts broadcasts, List<Day> series, List<Questions.Group> questions,
                       List<Agent> agents) {

  /** A contact reason's count in the range and in the range of the same length just before it. */
  public record Reason(String code, long count, long previous, Map<String, Long> sentiment) {
  }

  /** Mentions on one platform, with their sentiment labels. */
  public record PlatformCount(String platform, long count, Map<String, Long> sentiment) {
  }

  public record Durations(long count, Long medianSeconds, Long p90Seconds) {
  }

  public record Approvals(long approved, long rejected, Durations waitTime) {
  }

  /**
   * Engagement of the brand replies sent in the range; {@code quotes} and {@code impressions} sum
   * the posts whose platform gives them, and are null when none of the posts does.
   */
  public record Engagement(long posts, long likes, long reposts, long replies, Long quotes, Long impressions) {
  }

  /**
   * Broadcasts that finished as sent in the range, the personal notices they sent, and the
   * engagement of the broadcasts' public posts sent in the range.
   */
  public record Broadcasts(long sent, long notices, Engagement engagement) {
  }

  /** One UTC day of the range. */
  public record Day(String day, long mentions, long positive, long neutral, long negative, long opened,
                    long resolved) {
  }

  /** What one agent did: replies sent, cases resolved while assigned to them, approvals decided. */
  public record Agent(String username, long sent, long resolved, long decided) {
  }

  /** Share of resolved cases that were linked to a Problem (0 when none was resolved). */
  public double avoidableContactRate() {
    return casesResolved == 0 ? 0 : (double) avoidable / casesResolved;
  }

  /** Share of resolved cases whose customer had gone silent since the brand's first answer. */
  public double exitRate() {
    return casesResolved == 0 ? 0 : (double) exits / casesResolved;
  }

  /** Share of opened cases whose customer had opened one with the brand in the 7 days before. */
  public double repeatRate() {
    return casesOpened == 0 ? 0 : (double) repeats / casesOpened;
  }

  public double shareNegative() {
    return mentions == 0 ? 0 : (double) sentiment.getOrDefault("negative", 0L) / mentions;
  }
}

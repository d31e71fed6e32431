package io.earshot.analytics;

import java.time.Instant;
import java.util.List;

/**
 * What the rollups need to know of the records of the system of record, whether they come from an
 * event's payload (the live listener) or from the stored documents (the rebuild): the same facts
 * give the same figures, which is what lets a rebuild be checked against the live rollups.
 */
public final class Facts {
  private Facts() {
  }

  /** A customer's mention, dated by when it was posted. */
  public record MentionFact(String platform, String brand, Instant createdAt, String label, double sentiment,
                            List<String> reasons, String text) {
  }

  /**
   * A case as it is now: {@code slaState} and {@code problemId} are read from the case document
   * (kept there by the SLA and Problems parts; null until they are); {@code merged} when ingest
   * emptied it into another case (resolved without a status change of its own);
   * {@code previousCaseAt} when the customer's case before it with the brand opened (null: none).
   */
  public record CaseFact(String id, String platform, String brand, String customerId, String assignee,
                         Instant createdAt, Instant firstResponseAt, Instant lastMentionAt, Instant resolvedAt,
                         String slaState, String problemId, boolean merged, Instant previousCaseAt) {
  }

  /**
   * A brand reply: when it was sent, who wrote it, the approval it waited for, if any, and its
   * latest engagement ({@code quotes}, {@code impressions}: null where its platform gives none).
   */
  public record ReplyFact(String id, String caseId, String platform, String author, Instant sentAt,
                          Instant heldAt, Instant decidedAt, String decidedBy, boolean approved,
                          long likes, long reposts, long replies, Long quotes, Long impressions,
                          Instant measuredAt) {
  }

  /** A broadcast that finished as sent, on the day it finished ({@code updatedAt} of its finishing change). */
  public record BroadcastFact(String id, String brand, Instant finishedAt) {
  }
}

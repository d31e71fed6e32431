package io.earshot.domain;

import java.time.Instant;
import java.util.List;

/**
 * A conversation with one customer on one platform about one brand: the unit agents claim,
 * answer and resolve. {@code brand} is set when the case opens and never changes (a reply to the
 * thread joins it whichever brand it addresses: it is that conversation).
 * {@code triage} is the scoring of its latest mention; {@code priority} is recomputed as the
 * case waits. {@code version} grows with every change (each {@code with…} is one), so a writer
 * can store a decision only over the version it was decided on (optimistic concurrency). Named
 * CareCase because {@code case} is a Java keyword. Changes are made by {@link CaseLifecycle}, not
 * by hand. {@code snoozedUntil} is set while an agent snoozed the case (it is then
 * {@code pending}) and cleared when it returns; {@code sla} (null: no SLA covers the case) is
 * changed only by {@code domain/sla/SlaLifecycle}; {@code team} is the team the case is given to
 * (null: none), beside or instead of a person; {@code problemId} names the one Problem the case is
 * linked to (null: none); {@code previousCaseAt} is when the customer's case before this one with
 * the same brand opened (null: none known), fixed when the case opens, so whether it repeats a
 * recent contact is a fact of the case, not something a reader must reconstruct.
 */
public record CareCase(String id, Platform platform, String account, String brand, String customerId,
                       String customerHandle, CaseStatus status, Priority priority, Triage triage,
                       String assignee, List<String> tags, String subject, String lastText,
                       int mentionCount, Instant createdAt, Instant updatedAt,
                       Instant lastMentionAt, Instant firstResponseAt, Instant resolvedAt, long version,
                       Instant snoozedUntil, SlaClock sla, String team, String problemId,
                       Instant previousCaseAt) {
  public CareCase {
    tags = tags == null ? List.of() : List.copyOf(tags);
  }

  /** A case whose customer had no earlier case with the brand (or none known). */
  public CareCase(String id, Platform platform, String account, String brand, String customerId,
                  String customerHandle, CaseStatus status, Priority priority, Triage triage,
                  String assignee, List<String> tags, String subject, String lastText,
                  int mentionCount, Instant createdAt, Instant updatedAt,
                  Instant lastMentionAt, Instant firstResponseAt, Instant resolvedAt, long version,
                  Instant snoozedUntil, SlaClock sla, String team, String problemId) {
    this(id, platform, account, brand, customerId, customerHandle, status, priority, triage, assignee, tags, subject,
        lastText, mentionCount, createdAt, updatedAt, lastMentionAt, firstResponseAt, resolvedAt, version, snoozedUntil,
        sla, team, problemId, null);
  }

  public CareCase withStatus(CaseStatus next, Instant at) {
    Instant resolved = next == CaseStatus.RESOLVED ? at : null;
    // Only a pending case can be snoozed: moving it anywhere else ends the snooze.
    Instant snooze = next == CaseStatus.PENDING ? snoozedUntil : null;
    return copy(next, assignee, team, tags, priority, at, firstResponseAt, resolved, snooze, sla);
  }

  public CareCase withAssignee(String next, Instant at) {
    return withAssignment(next, team, at);
  }

  public CareCase withAssignment(String nextAssignee, String nextTeam, Instant at) {
    return copy(status, nextAssignee, nextTeam, tags, priority, at, firstResponseAt, resolvedAt, snoozedUntil, sla);
  }

  public CareCase withPriority(Priority next, Instant at) {
    return copy(status, assignee, team, tags, next, at, firstResponseAt, resolvedAt, snoozedUntil, sla);
  }

  public CareCase withFirstResponse(Instant at) {
    Instant first = firstResponseAt == null ? at : firstResponseAt;
    return copy(status, assignee, team, tags, priority, at, first, resolvedAt, snoozedUntil, sla);
  }

  public CareCase withTags(List<String> next, Instant at) {
    return copy(status, assignee, team, next, priority, at, firstResponseAt, resolvedAt, snoozedUntil, sla);
  }

  /** Snoozed until {@code until}: the case waits ({@code pending}) until then. */
  public CareCase withSnooze(Instant until, Instant at) {
    return copy(CaseStatus.PENDING, assignee, team, tags, priority, at, firstResponseAt, null, until, sla);
  }

  /** Changed without a field of its own changing (another case was merged into it): a new version. */
  public CareCase touched(Instant at) {
    return copy(status, assignee, team, tags, priority, at, firstResponseAt, resolvedAt, snoozedUntil, sla);
  }

  /** The case with its SLA clocks as the SLA lifecycle decided them. */
  public CareCase withSla(SlaClock next) {
    return copy(status, assignee, team, tags, priority, updatedAt, firstResponseAt, resolvedAt, snoozedUntil, next);
  }

  public CareCase withProblem(String next, Instant at) {
    return new CareCase(id, platform, account, brand, customerId, customerHandle, status, priority, triage, assignee,
        tags, subject, lastText, mentionCount, createdAt, at, lastMentionAt, firstResponseAt, resolvedAt,
        version + 1, snoozedUntil, sla, team, next, previousCaseAt);
  }

  public boolean isSnoozed() {
    return snoozedUntil != null;
  }

  public boolean isOpenForWork() {
    return status == CaseStatus.NEW || status == CaseStatus.OPEN;
  }

  /** The next version with the fields a change may touch; the rest is the conversation's own. */
  private CareCase copy(CaseStatus status, String assignee, String team, List<String> tags, Priority priority,
                        Instant updatedAt, Instant firstResponseAt, Instant resolvedAt, Instant snoozedUntil,
                        SlaClock sla) {
    return new CareCase(id, platform, account, brand, customerId, customerHandle, status, priority, triage, assignee,
        tags, subject, lastText, mentionCount, createdAt, updatedAt, lastMentionAt, firstResponseAt, resolvedAt,
        version + 1, snoozedUntil, sla, team, problemId, previousCaseAt);
  }
}

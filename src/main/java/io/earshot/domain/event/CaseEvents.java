package io.earshot.domain.event;

import io.earshot.domain.CareCase;
import io.earshot.domain.CaseStatus;
import io.earshot.domain.Mention;
import io.earshot.problem.Problem;
import java.time.Instant;
import java.util.List;

/**
 * A case's life: opened, added to, reopened, moved, assigned, status, responded, reprioritized, linked to a Problem.
 * A holder of {@link DomainEvent} records, extended by it alone, so that every event keeps its
 * name {@code DomainEvent.<Record>}; see {@link DomainEvent}.
 */
public sealed interface CaseEvents permits DomainEvent {
  record CaseOpened(CareCase careCase, Mention first, Instant at) implements DomainEvent.OfCase {
    public EventType type() {
      return EventType.CASE_OPENED;
    }

    public String actor() {
      return INGEST;
    }
  }

  record CaseMentionAdded(CareCase careCase, Mention mention, Instant at) implements DomainEvent.OfCase {
    public EventType type() {
      return EventType.CASE_MENTION_ADDED;
    }

    public String actor() {
      return INGEST;
    }
  }

  /** A customer wrote into a resolved or pending case. */
  record CaseReopened(CareCase careCase, CaseStatus from, Instant at) implements DomainEvent.OfCase {
    public EventType type() {
      return EventType.CASE_REOPENED;
    }

    public String actor() {
      return INGEST;
    }
  }

  /**
   * Part of a reply chain found split across two cases was moved into this one, from
   * {@code source} (as it is after the move: resolved as merged when nothing was left in it).
   */
  record CaseMentionsMoved(CareCase careCase, CareCase source, List<String> mentionIds, Instant at)
      implements DomainEvent.OfCase {
    public EventType type() {
      return EventType.CASE_MENTIONS_MOVED;
    }

    public String actor() {
      return INGEST;
    }
  }

  /** The case's person ({@code from} → {@code to}) or team ({@code fromTeam} → {@code toTeam}) changed. */
  record CaseAssigned(CareCase careCase, String from, String to, String actor, Instant at, String fromTeam,
                      String toTeam) implements DomainEvent.OfCase {
    public EventType type() {
      return EventType.CASE_ASSIGNED;
    }
  }

  record CaseStatusChanged(CareCase careCase, CaseStatus from, CaseStatus to, String actor, Instant at)
      implements DomainEvent.OfCase {
    public EventType type() {
      return EventType.CASE_STATUS_CHANGED;
    }
  }

  /** A brand reply in the case was published; {@code first} when it is the case's first response. */
  record CaseResponded(CareCase careCase, String replyId, boolean first, Instant at) implements DomainEvent.OfCase {
    public EventType type() {
      return EventType.CASE_RESPONDED;
    }

    public String actor() {
      return PUBLISHER;
    }
  }

  /** The case's priority grew while it waited. */
  record CaseReprioritized(CareCase careCase, int from, Instant at) implements DomainEvent.OfCase {
    public EventType type() {
      return EventType.CASE_REPRIORITIZED;
    }

    public String actor() {
      return "system:priority";
    }
  }

  /** A case was linked to Problem {@code problemId}, by hand, in bulk, from a suggestion or an alert. */
  record CaseProblemLinked(CareCase careCase, String problemId, String actor, Instant at)
      implements DomainEvent.OfCase {
    public EventType type() {
      return EventType.CASE_PROBLEM_LINKED;
    }
  }
}

package io.earshot.domain.event;

import io.earshot.domain.CareCase;
import io.earshot.domain.CaseStatus;
import java.time.Instant;
import java.util.List;

/**
 * Working a case (notes, tags, snooze, merge) and the admins' tag list.
 * A holder of {@link DomainEvent} records, extended by it alone, so that every event keeps its
 * name {@code DomainEvent.<Record>}; see {@link DomainEvent}.
 */
public sealed interface CaseworkEvents permits DomainEvent {
  /** An internal note was added to the case; {@code note.mentions()} are the users it notifies. */
  record CaseNoted(CareCase careCase, io.earshot.domain.Note note, Instant at) implements DomainEvent.OfCase {
    public EventType type() {
      return EventType.CASE_NOTED;
    }

    public String actor() {
      return note.author();
    }
  }

  /** The case's tags changed: {@code added} and {@code removed}, in lower case. */
  record CaseTagged(CareCase careCase, List<String> added, List<String> removed, String actor,
                    Instant at) implements DomainEvent.OfCase {
    public EventType type() {
      return EventType.CASE_TAGGED;
    }
  }

  /** An agent snoozed the case until {@code careCase.snoozedUntil()}; it is pending until then. */
  record CaseSnoozed(CareCase careCase, CaseStatus from, String actor, Instant at) implements DomainEvent.OfCase {
    public EventType type() {
      return EventType.CASE_SNOOZED;
    }
  }

  /** A snooze ended: its time came ({@code SNOOZE} is the actor) or an agent ended it; the case is open. */
  record CaseSnoozeEnded(CareCase careCase, Instant until, String actor, Instant at) implements DomainEvent.OfCase {
    public EventType type() {
      return EventType.CASE_SNOOZE_ENDED;
    }
  }

  /**
   * Another case of the same customer ({@code source}, as it is after: resolved, pointing here)
   * was merged into this one: its mentions ({@code mentionIds}), replies and notes are here now.
   */
  record CaseMerged(CareCase careCase, CareCase source, List<String> mentionIds, String actor, Instant at)
      implements DomainEvent.OfCase {
    public EventType type() {
      return EventType.CASE_MERGED;
    }
  }

  /** An admin replaced the list of defined tags; {@code detail} names them. */
  record TagListUpdated(long version, String actor, String detail, Instant at) implements DomainEvent {
    public EventType type() {
      return EventType.TAG_LIST_UPDATED;
    }

    public String subject() {
      return "tags:defined";
    }
  }
}

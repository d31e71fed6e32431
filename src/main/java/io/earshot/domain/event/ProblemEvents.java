package io.earshot.domain.event;

import io.earshot.problem.Alert;
import io.earshot.problem.Department;
import io.earshot.problem.Problem;
import java.time.Instant;
import java.util.List;

/**
 * Problems, the departments that own them, and the detector's alerts and thresholds.
 * A holder of {@link DomainEvent} records, extended by it alone, so that every event keeps its
 * name {@code DomainEvent.<Record>}; see {@link DomainEvent}.
 */
public sealed interface ProblemEvents permits DomainEvent {
  /**
   * A Problem opened or changed: {@code problem.opened}, {@code problem.status_changed},
   * {@code problem.updated}, {@code problem.cases_linked} ({@code caseIds}: the newly linked),
   * {@code problem.note_added} and {@code problem.suggestion_declined} ({@code detail}: the note
   * or the declined case); carries the Problem as it is after the change.
   */
  record ProblemChanged(EventType type, Problem problem, String actor, String detail, List<String> caseIds,
                        Instant at) implements DomainEvent {
    public ProblemChanged {
      caseIds = List.copyOf(caseIds);
    }

    public String subject() {
      return "problem:" + problem.id();
    }
  }

  /** An admin's change to a department: {@code department.created}, {@code .updated}, {@code .deleted}. */
  record DepartmentChanged(EventType type, Department department, String actor, String detail, Instant at)
      implements DomainEvent {
    public String subject() {
      return "department:" + department.id();
    }
  }

  /** The detector saw a spike (in the mentions' own time) and raised {@code alert}. */
  record AlertRaised(Alert alert, Instant at) implements DomainEvent {
    public EventType type() {
      return EventType.ALERT_RAISED;
    }

    public String actor() {
      return "system:detection";
    }

    public String subject() {
      return "alert:" + alert.id();
    }
  }

  /** An admin replaced the detection thresholds; {@code detail} lists the brands with their own. */
  record DetectionPolicyUpdated(long version, String actor, String detail, Instant at) implements DomainEvent {
    public EventType type() {
      return EventType.DETECTION_POLICY_UPDATED;
    }

    public String subject() {
      return "policy:detection";
    }
  }
}

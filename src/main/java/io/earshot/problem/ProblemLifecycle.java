package io.earshot.problem;

import io.earshot.domain.CareCase;
import io.earshot.domain.Decision;
import io.earshot.domain.event.DomainEvent;
import io.earshot.domain.event.CaseEvents.CaseProblemLinked;
import io.earshot.domain.event.ProblemEvents.ProblemChanged;
import io.earshot.domain.event.EventType;
import io.earshot.error.DomainError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * The life of a Problem as pure functions: (problem, command) → the new problem and its events,
 * or a typed refusal ({@link DomainError.Invalid} naming the field, {@link DomainError.Conflict}
 * for a case already linked elsewhere). Repeating the current state changes nothing.
 */
public final class ProblemLifecycle {
  public static final int MAX_TITLE = 200;
  public static final int MAX_SUMMARY = 2000;

  private ProblemLifecycle() {
  }

  /** What opens a Problem; the department is checked to exist by the caller. */
  public record Draft(String title, String brand, String department, Severity severity, List<String> reasons,
                      String fromAlert) {
  }

  /** What may change; null fields stay as they are. */
  public record Patch(ProblemStatus status, String publicSummary, String department, Severity severity, String title) {
    public boolean empty() {
      return status == null && publicSummary == null && department == null && severity == null && title == null;
    }
  }

  public static Decision<Problem> open(String id, Draft d, String actor, Instant at) {
    String title = title(d.title());
    Problem p = new Problem(id, title, d.brand(), d.department(), ProblemStatus.INVESTIGATING,
        d.severity() == null ? Severity.MEDIUM : d.severity(), null, List.of(), d.reasons(), d.fromAlert(), actor,
        at, at, null, 1);
    return new Decision<>(p, List.of(new ProblemChanged(EventType.PROBLEM_OPENED, p, actor, "opened: " + title,
        List.of(), at)));
  }

  public static Decision<Problem> change(Problem p, Patch patch, String actor, Instant at) {
    ProblemStatus status = patch.status() == null ? p.status() : patch.status();
    if (status != p.status() && !p.status().mayBecome(status)) {
      throw new DomainError.Invalid("status", "a Problem cannot go from " + p.status().code() + " to " + status.code());
    }
    String summary = patch.publicSummary() == null ? p.publicSummary() : bounded(patch.publicSummary(),
        "publicSummary", MAX_SUMMARY);
    String department = patch.department() == null ? p.department() : patch.department();
    Severity severity = patch.severity() == null ? p.severity() : patch.severity();
    String title = patch.title() == null ? p.title() : title(patch.title());
    List<String> changed = changedFields(p, summary, department, severity, title);
    if (status == p.status() && changed.isEmpty()) {
      return Decision.unchanged(p);
    }
    Problem after = p.with(status, severity, summary, department, title, p.caseIds(), at);
    List<DomainEvent> events = new ArrayList<>();
    if (status != p.status()) {
      events.add(new ProblemChanged(EventType.PROBLEM_STATUS_CHANGED, after, actor,
          p.status().code() + " → " + status.code(), List.of(), at));
    }
    if (!changed.isEmpty()) {
      events.add(new ProblemChanged(EventType.PROBLEM_UPDATED, after, actor, "changed " + String.join(", ", changed),
          List.of(), at));
    }
    return new Decision<>(after, events);
  }

  /** Adds the cases not linked yet, in the order given. */
  public static Decision<Problem> link(Problem p, List<String> caseIds, String actor, Instant at) {
    LinkedHashSet<String> all = new LinkedHashSet<>(p.caseIds());
    List<String> added = caseIds.stream().filter(all::add).distinct().toList();
    if (added.isEmpty()) {
      return Decision.unchanged(p);
    }
    Problem after = p.with(p.status(), p.severity(), p.publicSummary(), p.department(), p.title(),
        List.copyOf(all), at);
    return new Decision<>(after, List.of(new ProblemChanged(EventType.PROBLEM_CASES_LINKED, after, actor,
        "linked " + added.size() + " case(s)", added, at)));
  }

  /**
   * Links a case to {@code problemId}; a case belongs to at most one Problem, so a case linked to
   * another fails with {@link DomainError.Conflict}.
   */
  public static Decision<CareCase> linkCase(CareCase c, String problemId, String actor, Instant at) {
    if (problemId.equals(c.problemId())) {
      return Decision.unchanged(c);
    }
    if (c.problemId() != null) {
      throw new DomainError.Conflict("case " + c.id() + " is already linked to Problem " + c.problemId());
    }
    CareCase after = c.withProblem(problemId, at);
    return new Decision<>(after, List.of(new CaseProblemLinked(after, problemId, actor, at)));
  }

  private static List<String> changedFields(Problem p, String summary, String department, Severity severity,
                                            String title) {
    List<String> changed = new ArrayList<>();
    if (!Objects.equals(summary, p.publicSummary())) {
      changed.add("publicSummary");
    }
    if (!Objects.equals(department, p.department())) {
      changed.add("department");
    }
    if (severity != p.severity()) {
      changed.add("severity");
    }
    if (!title.equals(p.title())) {
      changed.add("title");
    }
    return changed;
  }

  private static String title(String raw) {
    if (raw == null || raw.isBlank()) {
      throw new DomainError.Invalid("title", "is required");
    }
    return bounded(raw.strip(), "title", MAX_TITLE);
  }

  private static String bounded(String text, String field, int max) {
    if (text.length() > max) {
      throw new DomainError.Invalid(field, "must be at most " + max + " characters");
    }
    return text;
  }
}

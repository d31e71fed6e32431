package io.earshot.events;

import io.earshot.domain.event.DomainEvent;
import io.earshot.domain.event.ProblemEvents.AlertRaised;
import io.earshot.domain.event.ProblemEvents.DepartmentChanged;
import io.earshot.domain.event.ProblemEvents.DetectionPolicyUpdated;
import io.earshot.domain.event.ProblemEvents.ProblemChanged;
import io.earshot.problem.Alert;
import io.earshot.problem.Department;
import io.earshot.problem.Problem;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * The v1 payload of Problem, department, alert and detection-policy events (see
 * {@code docs/EVENTS.md}), kept apart from {@link EventPayloads} so each part of the hub adds its
 * own shapes without touching the others'.
 */
public final class ProblemPayloads {
  private ProblemPayloads() {
  }

  /** The event's {@code data}, or null when it is not one of these events. */
  static JsonObject data(DomainEvent event) {
    if (event instanceof ProblemChanged p) {
      return new JsonObject().put("problem", problem(p.problem())).put("detail", p.detail())
          .put("caseIds", new JsonArray(p.caseIds()));
    }
    if (event instanceof DepartmentChanged d) {
      return new JsonObject().put("department", department(d.department())).put("detail", d.detail());
    }
    if (event instanceof AlertRaised a) {
      return new JsonObject().put("alert", alert(a.alert()));
    }
    if (event instanceof DetectionPolicyUpdated p) {
      return new JsonObject().put("version", p.version()).put("detail", p.detail());
    }
    return null;
  }

  /** The audit log's one-line summary, or null when it is not one of these events. */
  static String summary(DomainEvent event) {
    if (event instanceof ProblemChanged p) {
      return p.detail();
    }
    if (event instanceof DepartmentChanged d) {
      return d.detail();
    }
    if (event instanceof AlertRaised a) {
      Alert alert = a.alert();
      return alert.kind() + " spike for " + alert.brand() + (alert.reason() == null ? "" : " × " + alert.reason())
          + (alert.phrase() == null ? "" : " \"" + alert.phrase() + "\"") + ": " + alert.observed() + " vs "
          + alert.expected() + " expected";
    }
    if (event instanceof DetectionPolicyUpdated p) {
      return p.detail();
    }
    return null;
  }

  public static JsonObject problem(Problem p) {
    return new JsonObject().put("id", p.id()).put("version", p.version()).put("title", p.title())
        .put("brand", p.brand()).put("department", p.department()).put("status", p.status().code())
        .put("severity", p.severity().code()).put("publicSummary", p.publicSummary())
        .put("caseIds", new JsonArray(p.caseIds())).put("reasons", new JsonArray(p.reasons()))
        .put("fromAlert", p.fromAlert()).put("createdBy", p.createdBy()).put("createdAt", time(p.createdAt()))
        .put("updatedAt", time(p.updatedAt())).put("resolvedAt", time(p.resolvedAt()));
  }

  public static JsonObject department(Department d) {
    return new JsonObject().put("id", d.id()).put("version", d.version()).put("name", d.name())
        .put("members", new JsonArray(d.members())).put("contact", d.contact())
        .put("createdAt", time(d.createdAt())).put("updatedAt", time(d.updatedAt()));
  }

  public static JsonObject alert(Alert a) {
    return new JsonObject().put("id", a.id()).put("kind", a.kind()).put("brand", a.brand()).put("reason", a.reason())
        .put("phrase", a.phrase()).put("startedAt", time(a.startedAt())).put("raisedAt", time(a.raisedAt()))
        .put("observed", a.observed()).put("expected", a.expected()).put("severity", a.severity().code())
        .put("sampleMentionIds", new JsonArray(a.sampleMentionIds()))
        .put("proposedCaseIds", new JsonArray(a.proposedCaseIds())).put("problemId", a.problemId());
  }

  private static String time(Instant at) {
    return at == null ? null : at.toString();
  }
}

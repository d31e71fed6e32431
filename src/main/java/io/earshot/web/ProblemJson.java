package io.earshot.web;

import io.earshot.problem.Alert;
import io.earshot.problem.CaseLinks;
import io.earshot.problem.Department;
import io.earshot.problem.Problem;
import io.earshot.problem.ProblemDetails;
import io.earshot.problem.Suggestions;
import io.earshot.problem.detect.DetectionPolicy;
import io.earshot.problem.detect.Thresholds;
import io.earshot.store.ProblemTimelineStore.Entry;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The API's JSON for Problems, departments, alerts, suggestions and detection thresholds. */
final class ProblemJson {
  private ProblemJson() {
  }

  static JsonObject problem(Problem p) {
    return new JsonObject().put("id", p.id()).put("version", p.version()).put("title", p.title())
        .put("brand", p.brand()).put("department", p.department()).put("status", p.status().code())
        .put("severity", p.severity().code()).put("publicSummary", p.publicSummary())
        .put("caseIds", new JsonArray(p.caseIds())).put("caseCount", p.caseIds().size())
        .put("reasons", new JsonArray(p.reasons())).put("fromAlert", p.fromAlert()).put("createdBy", p.createdBy())
        .put("createdAt", ApiJson.time(p.createdAt())).put("updatedAt", ApiJson.time(p.updatedAt()))
        .put("resolvedAt", ApiJson.time(p.resolvedAt()));
  }

  static JsonObject linked(CaseLinks.Linked l) {
    JsonArray skipped = new JsonArray();
    l.skipped().forEach(s -> skipped.add(new JsonObject(new java.util.HashMap<>(s))));
    return problem(l.problem()).put("linked", new JsonArray(l.linked())).put("skipped", skipped);
  }

  static JsonObject detail(ProblemDetails.Detail d) {
    JsonArray cases = new JsonArray();
    d.cases().forEach(c -> cases.add(ApiJson.careCase(c)));
    JsonArray timeline = new JsonArray();
    d.timeline().forEach(e -> timeline.add(entry(e)));
    JsonObject affected = new JsonObject();
    d.affectedCustomers().forEach(affected::put);
    JsonArray volume = new JsonArray();
    d.volume().forEach((hour, n) -> volume.add(new JsonObject().put("hour", ApiJson.time(hour)).put("cases", n)));
    ProblemDetails.Avoidable a = d.avoidable();
    JsonObject avoidable = new JsonObject().put("caused", a.caused()).put("before", a.before()).put("after", a.after())
        .put("stopped", a.stopped()).put("spanHours", a.span() == null ? null : a.span().toMinutes() / 60.0);
    return problem(d.problem()).put("cases", cases).put("timeline", timeline)
        .put("department", d.department() == null ? null : department(d.department()))
        .put("departmentId", d.problem().department())
        .put("affectedCustomers", affected).put("affectedTotal", d.affectedCustomers().values().stream()
            .mapToInt(Integer::intValue).sum())
        .put("volume", volume).put("avoidableContacts", avoidable);
  }

  static JsonObject entry(Entry e) {
    return new JsonObject().put("id", e.id()).put("at", ApiJson.time(e.at())).put("kind", e.kind())
        .put("actor", e.actor()).put("text", e.text()).put("caseIds", new JsonArray(e.caseIds()));
  }

  static JsonObject department(Department d) {
    return new JsonObject().put("id", d.id()).put("version", d.version()).put("name", d.name())
        .put("members", new JsonArray(d.members())).put("contact", d.contact())
        .put("createdAt", ApiJson.time(d.createdAt())).put("updatedAt", ApiJson.time(d.updatedAt()));
  }

  static JsonObject suggestion(Suggestions.Suggestion s) {
    return new JsonObject().put("case", ApiJson.careCase(s.careCase())).put("score", s.evidence().score())
        .put("evidence", new JsonObject().put("reason", s.evidence().reason())
            .put("phrases", new JsonArray(s.evidence().phrases())));
  }

  static JsonObject alert(Alert a) {
    return new JsonObject().put("id", a.id()).put("kind", a.kind()).put("brand", a.brand()).put("reason", a.reason())
        .put("phrase", a.phrase()).put("startedAt", ApiJson.time(a.startedAt()))
        .put("raisedAt", ApiJson.time(a.raisedAt())).put("observed", a.observed()).put("expected", a.expected())
        .put("severity", a.severity().code()).put("sampleMentionIds", new JsonArray(a.sampleMentionIds()))
        .put("proposedCaseIds", new JsonArray(a.proposedCaseIds())).put("problemId", a.problemId());
  }

  static JsonObject policy(DetectionPolicy p) {
    JsonObject brands = new JsonObject();
    p.brands().forEach((b, t) -> brands.put(b, thresholds(t)));
    return new JsonObject().put("version", p.version()).put("defaults", thresholds(p.defaults())).put("brands", brands);
  }

  static JsonObject thresholds(Thresholds t) {
    return new JsonObject().put("windowMinutes", t.windowMinutes()).put("minCount", t.minCount())
        .put("ratio", t.ratio()).put("floor", t.floor()).put("persistSeconds", t.persistSeconds())
        .put("sentimentDrop", t.sentimentDrop());
  }
}

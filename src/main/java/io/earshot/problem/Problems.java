package io.earshot.problem;

import io.earshot.events.EventDispatcher;
import io.earshot.problem.detect.DetectionEvaluator;
import io.earshot.problem.detect.DetectionFeed;
import io.earshot.redis.Lease;
import io.earshot.redis.RedisConnection;
import io.earshot.store.AlertStore;
import io.earshot.store.CaseNoteWrites;
import io.earshot.store.CaseStore;
import io.earshot.store.DepartmentStore;
import io.earshot.store.DetectionFactStore;
import io.earshot.store.DetectionPolicyStore;
import io.earshot.store.MongoStore;
import io.earshot.store.ProblemCaseReads;
import io.earshot.store.ProblemStore;
import io.earshot.store.ProblemTimelineStore;
import io.earshot.store.SuggestionDecisionStore;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;

/**
 * The wiring of Problems, departments, suggestions and spike detection for one instance: the
 * services the API uses, the two listeners ({@link DetectionFeed}, the {@link ProblemTimeline})
 * registered on the dispatcher, and the leased {@link DetectionEvaluator}.
 */
public final class Problems {
  private static final Duration DETECTION_LEASE = Duration.ofSeconds(10);
  private final ProblemService problems;
  private final DepartmentService departments;
  private final ProblemTimeline timeline;
  private final ProblemDetails details;
  private final Suggestions suggestions;
  private final AlertService alerts;
  private final DetectionEvaluator evaluator;
  private final DetectionFactStore facts;

  public Problems(MongoStore mongo, RedisConnection redis, CaseStore cases, EventDispatcher dispatcher, String instanceId,
                  Clock clock) {
    DepartmentStore departmentStore = new DepartmentStore(mongo);
    ProblemStore problemStore = new ProblemStore(mongo);
    ProblemCaseReads reads = new ProblemCaseReads(mongo);
    this.facts = new DetectionFactStore(mongo);
    AlertStore alertStore = new AlertStore(mongo);
    DetectionPolicyStore policies = new DetectionPolicyStore(mongo);
    CaseLinks links = new CaseLinks(cases, problemStore, new CaseNoteWrites(mongo), dispatcher, clock);
    this.departments = new DepartmentService(departmentStore, dispatcher, clock);
    this.timeline = new ProblemTimeline(new ProblemTimelineStore(mongo), dispatcher, clock);
    this.details = new ProblemDetails(cases, reads, departmentStore, timeline, clock);
    this.suggestions = new Suggestions(reads, cases, new SuggestionDecisionStore(mongo), dispatcher, clock);
    this.alerts = new AlertService(alertStore, facts, policies, dispatcher, clock);
    this.problems = new ProblemService(problemStore, departmentStore, links, alerts, dispatcher, clock);
    this.evaluator = new DetectionEvaluator(facts, alertStore, policies, dispatcher,
        new Lease(redis, "detection", instanceId, DETECTION_LEASE), clock);
    dispatcher.register(new DetectionFeed(facts, clock));
    dispatcher.register(timeline);
  }

  public Future<Void> createIndexes() {
    return facts.createIndexes();
  }

  public ProblemService problems() {
    return problems;
  }

  public DepartmentService departments() {
    return departments;
  }

  public ProblemTimeline timeline() {
    return timeline;
  }

  public ProblemDetails details() {
    return details;
  }

  public Suggestions suggestions() {
    return suggestions;
  }

  public AlertService alerts() {
    return alerts;
  }

  public DetectionEvaluator evaluator() {
    return evaluator;
  }
}

package io.earshot.broadcast;

import io.earshot.events.EventEnvelope;
import io.earshot.events.EventListener;
import io.earshot.store.ProblemReads;
import io.vertx.core.Future;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A customer whose case is linked to a Problem after its broadcast went out still gets the
 * current status: on any {@code case.*} event, a case that carries a {@code problemId} (read by
 * key; the problems part links cases) has the runner notify the newest released broadcast of
 * that Problem, which makes only the notices still missing. Never holds the writer up.
 */
final class LateLinks implements EventListener {
  private static final Logger LOG = LoggerFactory.getLogger(LateLinks.class);
  private final ProblemReads problems;
  private final BroadcastRunner runner;

  LateLinks(ProblemReads problems, BroadcastRunner runner) {
    this.problems = problems;
    this.runner = runner;
  }

  @Override
  public String name() {
    return "broadcast-late-links";
  }

  @Override
  public boolean durable() {
    return false;
  }

  @Override
  public boolean accepts(EventEnvelope event) {
    // A case just opened is linked to nothing yet; a priority that grew changes no link.
    return event.type().startsWith("case.") && !event.type().equals("case.reprioritized")
        && !event.type().equals("case.opened");
  }

  @Override
  public Future<Void> handle(List<EventEnvelope> events) {
    Set<String> caseIds = new LinkedHashSet<>();
    for (EventEnvelope e : events) {
      var c = e.data().getJsonObject("case");
      if (c != null) {
        // Once the problems part adds problemId to the case payload, the read by key is skipped.
        if (c.containsKey("problemId")) {
          String problemId = c.getString("problemId");
          if (problemId != null) {
            relink(problemId);
          }
        } else {
          caseIds.add(c.getString("id"));
        }
      }
    }
    caseIds.forEach(id -> problems.problemOfCase(id).onSuccess(p -> {
      if (p != null) {
        relink(p);
      }
    }));
    return Future.succeededFuture();
  }

  private void relink(String problemId) {
    runner.relink(problemId).onFailure(e -> LOG.warn("problem={} late notices not made: {}", problemId, e.toString()));
  }
}

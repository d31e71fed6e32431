package io.earshot.assign;

import io.earshot.auth.Person;
import io.earshot.domain.Assignment;
import io.earshot.domain.CareCase;
import io.earshot.domain.CaseLifecycle;
import io.earshot.domain.Decision;
import io.earshot.domain.event.DomainEvent;
import io.earshot.domain.routing.Routing;
import io.earshot.domain.routing.RoutingPolicy;
import io.earshot.events.Change;
import io.earshot.events.EventDispatcher;
import io.earshot.find.WaitingCases;
import io.earshot.redis.Lease;
import io.earshot.store.CaseStore;
import io.earshot.store.MongoStore;
import io.earshot.store.RoutingPolicyStore;
import io.earshot.store.StaleWrite;
import io.earshot.store.UserStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Auto-assignment: every round, the instance holding the Redis lease {@code earshot:lease:routing}
 * reads the routing policy, the people and the open cases, returns to the queue the cases of
 * people who went away (or waited untouched past their brand's {@code reassignAfterMinutes}), and
 * gives each waiting case of a routed brand, most urgent first, to an available agent with room
 * ({@link Routing}). One planner at a time keeps the shares fair across instances; each
 * assignment is still stored only over the case version it was decided on, so even two rounds
 * racing (a lease that lapsed mid-round) never give one case twice: the second write finds the
 * case changed and is dropped. Every change is a {@code case.assigned} by {@code system:routing}.
 */
public final class AutoAssigner {
  private static final Logger LOG = LoggerFactory.getLogger(AutoAssigner.class);
  /** Open cases a round reads at most; more wait for the next round. */
  private static final int OPEN_LIMIT = 20_000;
  /** Writes in flight at once: enough to share the embedded store's group commits, few enough to stay polite. */
  private static final int WRITES_AT_ONCE = 32;
  private final Vertx vertx;
  private final WaitingCases waiting;
  private final CaseStore cases;
  private final UserStore users;
  private final RoutingPolicyStore policies;
  private final Reassignments reassignments;
  private final Turns turns;
  private final EventDispatcher events;
  private final Lease lease;
  private final Clock clock;
  private boolean running;
  private long timer = -1;

  /** What a round needs: the stores it reads and the dispatcher it tells through. */
  public record Stores(WaitingCases waiting, CaseStore cases, UserStore users, RoutingPolicyStore policies,
                       Reassignments reassignments,
                       Turns turns, EventDispatcher events) {
  }

  public AutoAssigner(Vertx vertx, Stores stores, Lease lease, Clock clock) {
    this.vertx = vertx;
    this.waiting = stores.waiting();
    this.cases = stores.cases();
    this.users = stores.users();
    this.policies = stores.policies();
    this.reassignments = stores.reassignments();
    this.turns = stores.turns();
    this.events = stores.events();
    this.lease = lease;
    this.clock = clock;
  }

  public void start(Duration every) {
    timer = vertx.setPeriodic(every.toMillis(), id -> tick());
  }

  public void stop() {
    vertx.cancelTimer(timer);
  }

  /** A round only while holding the lease, and never two at once on this instance. */
  private void tick() {
    if (running) {
      return;
    }
    running = true;
    long started = System.nanoTime();
    lease.acquireOrRenew().compose(held -> held ? round(clock.instant(), lease::acquireOrRenew)
            : Future.succeededFuture(0))
        .onSuccess(n -> {
          if (n > 0) {
            LOG.info("auto-assignment: {} cases assigned in {} ms", n, (System.nanoTime() - started) / 1_000_000);
          }
        })
        .onFailure(e -> LOG.warn("auto-assignment round failed: {}", e.toString()))
        .onComplete(r -> running = false);
  }

  /**
   * One round as of {@code now}, without the lease (tests race two instances through it); answers
   * how many cases were given to an agent.
   */
  public Future<Integer> round(Instant now) {
    return round(now, () -> Future.succeededFuture(true));
  }

  private Future<Integer> round(Instant now, Supplier<Future<Boolean>> holding) {
    return policies.get().compose(policy -> policy.routesAny() ? round(policy, now, holding)
        : Future.succeededFuture(0));
  }

  private Future<Integer> round(RoutingPolicy policy, Instant now, Supplier<Future<Boolean>> holding) {
    Future<List<Person>> people = users.listUsers().map(all -> all.stream().map(Person::of).toList());
    Future<List<CareCase>> open = waiting.oldestChangedFirst(OPEN_LIMIT);
    return Future.all(people, open).compose(v -> {
      Roster roster = new Roster(people.result(), open.result());
      List<CareCase> routed = open.result().stream().filter(c -> policy.of(c.brand()).routes()).toList();
      return reassignments.due(policy, roster, routed, now)
          .compose(due -> returnAll(due, roster, now).map(back -> queue(routed, due, back)))
          .compose(queue -> assignAll(policy, roster, queue, now, holding));
    });
  }

  /** Sends each due case back to the queue; answers them as stored (left out when they changed meanwhile). */
  private Future<List<Waiting>> returnAll(List<Waiting> due, Roster roster, Instant now) {
    return inBatches(due, w -> write(w.careCase(), Assignment.toQueue(w.careCase()), now)
        .map(c -> c == null ? null : new Waiting(c, w.except())))
        .onSuccess(back -> back.forEach(w -> roster.tookFrom(w.except())));
  }

  /** Unassigned cases and those just returned, most urgent first, then longest waiting. */
  private static List<Waiting> queue(List<CareCase> routed, List<Waiting> due, List<Waiting> back) {
    List<String> dueIds = due.stream().map(w -> w.careCase().id()).toList();
    List<Waiting> queue = new ArrayList<>(back);
    routed.stream().filter(c -> c.assignee() == null && !dueIds.contains(c.id()))
        .forEach(c -> queue.add(new Waiting(c, null)));
    queue.sort(Comparator.comparingInt((Waiting w) -> -w.careCase().priority().value())
        .thenComparing(w -> w.careCase().lastMentionAt(), Comparator.nullsLast(Comparator.naturalOrder())));
    return queue;
  }

  /**
   * Plans and writes {@link #WRITES_AT_ONCE} cases at a time, so each batch is planned over the
   * loads the writes before it really left (a case that changed meanwhile gives its agent's slot
   * back), and renews the lease between batches: a round that loses it stops, so two planners
   * never share cases out at once.
   */
  private Future<Integer> assignAll(RoutingPolicy policy, Roster roster, List<Waiting> queue, Instant now,
                                    Supplier<Future<Boolean>> holding) {
    if (queue.isEmpty()) {
      return Future.succeededFuture(0);
    }
    return turns.last(policy).compose(last -> {
      int[] assigned = {0};
      Future<Boolean> chain = Future.succeededFuture(true);
      for (int from = 0; from < queue.size(); from += WRITES_AT_ONCE) {
        List<Waiting> batch = queue.subList(from, Math.min(queue.size(), from + WRITES_AT_ONCE));
        chain = chain.compose(go -> go ? holding.get() : Future.succeededFuture(false)).compose(go -> !go
            ? Future.succeededFuture(false)
            : assignBatch(policy, roster, batch, last, now).map(n -> {
              assigned[0] += n;
              return true;
            }));
      }
      return chain.compose(v -> turns.remember(last)).map(v -> assigned[0]);
    });
  }

  private Future<Integer> assignBatch(RoutingPolicy policy, Roster roster, List<Waiting> batch,
                                      Map<String, String> last, Instant now) {
    List<Future<CareCase>> writes = new ArrayList<>();
    List<String> agents = new ArrayList<>();
    for (Waiting w : batch) {
      CareCase c = w.careCase();
      Routing.pick(c, policy.of(c.brand()), roster.agents(w.except()), last.get(c.brand())).ifPresent(agent -> {
        roster.gave(agent);
        last.put(c.brand(), agent);
        agents.add(agent);
        writes.add(write(c, Assignment.toAgent(c, agent), now));
      });
    }
    return Future.all(writes).map(all -> {
      int stored = 0;
      for (int i = 0; i < writes.size(); i++) {
        if (all.resultAt(i) == null) {
          roster.tookFrom(agents.get(i));
        } else {
          stored++;
        }
      }
      return stored;
    });
  }

  /** The case as stored after the assignment, or null when it changed since it was read (left for the next round). */
  private Future<CareCase> write(CareCase c, Assignment to, Instant now) {
    Decision<CareCase> decision = CaseLifecycle.assign(c, to, DomainEvent.ROUTING, now);
    if (!decision.changed()) {
      return Future.succeededFuture(null);
    }
    Change change = Change.of(MongoStore.CASES, c.id(), decision.events());
    return events.apply(change, () -> cases.save(decision.state(), c.version(), change.id()))
        .recover(e -> e instanceof StaleWrite ? Future.succeededFuture(null) : Future.failedFuture(e));
  }

  /** Runs {@code step} over {@code items}, {@link #WRITES_AT_ONCE} at a time; answers the non-null results. */
  private static <T, R> Future<List<R>> inBatches(List<T> items, Function<T, Future<R>> step) {
    List<R> results = new ArrayList<>();
    Future<Void> chain = Future.succeededFuture();
    for (int from = 0; from < items.size(); from += WRITES_AT_ONCE) {
      List<T> batch = items.subList(from, Math.min(items.size(), from + WRITES_AT_ONCE));
      chain = chain.compose(v -> Future.all(batch.stream().map(step).toList()).onSuccess(all -> {
        for (int i = 0; i < all.size(); i++) {
          R r = all.resultAt(i);
          if (r != null) {
            results.add(r);
          }
        }
      }).mapEmpty());
    }
    return chain.map(results);
  }

  /** A case waiting for an agent, and who must not get it back ({@code except}: the one it was taken from). */
  record Waiting(CareCase careCase, String except) {
  }
}

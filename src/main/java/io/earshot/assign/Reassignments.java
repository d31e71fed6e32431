package io.earshot.assign;

import io.earshot.assign.AutoAssigner.Waiting;
import io.earshot.domain.CareCase;
import io.earshot.domain.routing.BrandRouting;
import io.earshot.domain.routing.RoutingPolicy;
import io.earshot.store.AssignedAtStore;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which assigned cases of routed brands go back to the queue this round: those of people who are
 * away or disabled, and those their assignee left untouched (still new or open: a published reply
 * makes a case pending) for longer than
 * the brand's {@code reassignAfterMinutes} since they got it; the latter are not given back to
 * the same person.
 */
public final class Reassignments {
  private final AssignedAtStore assignedAt;

  public Reassignments(AssignedAtStore assignedAt) {
    this.assignedAt = assignedAt;
  }

  Future<List<Waiting>> due(RoutingPolicy policy, Roster roster, List<CareCase> routed, Instant now) {
    List<CareCase> held = routed.stream().filter(c -> c.assignee() != null).toList();
    List<String> timed = held.stream().filter(c -> policy.of(c.brand()).reassignAfterMinutes() != null)
        .map(CareCase::id).toList();
    return assignedAt.of(timed).map(since -> {
      List<Waiting> due = new ArrayList<>();
      for (CareCase c : held) {
        if (roster.gone(c.assignee()) || untouched(c, policy.of(c.brand()), since, now)) {
          due.add(new Waiting(c, c.assignee()));
        }
      }
      return due;
    });
  }

  /** Measured from when the assignee got it; from the case's last change when that was not recorded. */
  private static boolean untouched(CareCase c, BrandRouting rule, Map<String, AssignedAtStore.Assigned> since,
                                   Instant now) {
    if (rule.reassignAfterMinutes() == null) {
      return false;
    }
    AssignedAtStore.Assigned last = since.get(c.id());
    Instant from = last != null && c.assignee().equals(last.assignee()) ? last.at() : c.updatedAt();
    return from != null && from.plus(Duration.ofMinutes(rule.reassignAfterMinutes())).isBefore(now);
  }
}

package io.earshot.web;

import io.earshot.domain.broadcast.Broadcast;
import io.earshot.domain.broadcast.BroadcastState;
import io.earshot.problem.Problem;
import io.earshot.problem.ProblemStatus;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * The broadcast a Problem's change invites, as the request that would send it: confirming the
 * cause ({@code identified}) invites the "we know about it" notice, {@code fixing} a status
 * update, {@code resolved} the "it's fixed" announcement, each to every affected customer too.
 * The dashboard opens the composer with it; nothing is sent until someone submits it and a
 * manager approves it.
 */
final class BroadcastOffers {
  private BroadcastOffers() {
  }

  /** What kind of news a status step is, and the built-in template that tells it. */
  private record Offer(String kind, String template) {
  }

  /** The offer after a change to {@code p}; null when the change invites none. */
  static JsonObject after(Problem p, ProblemStatus changedTo) {
    Offer offer = of(p.status() == ProblemStatus.RESOLVED ? ProblemStatus.RESOLVED : changedTo);
    if (offer == null) {
      return null;
    }
    JsonObject body = new JsonObject().put("problemId", p.id()).put("notifyAffected", true)
        .put("template", offer.template());
    return new JsonObject().put("broadcast", new JsonObject().put("kind", offer.kind()).put("method", "POST")
        .put("path", "/api/v1/broadcasts").put("body", body));
  }

  /**
   * The offer that still stands for {@code p} as it is: its status invites one and nobody has
   * written a broadcast about it since it reached that status ({@code statusSince}; a rejected
   * one told nobody, so it does not count). The Problem page shows it again after a reload.
   */
  static JsonObject standing(Problem p, Instant statusSince, List<Broadcast> about) {
    boolean answered = about.stream()
        .anyMatch(b -> b.state() != BroadcastState.REJECTED && !b.createdAt().isBefore(statusSince));
    return answered ? null : after(p, p.status());
  }

  /** The offer for a status just reached; null for none. */
  private static Offer of(ProblemStatus status) {
    if (status == null) {
      return null;
    }
    return switch (status) {
      case IDENTIFIED -> new Offer("known", "incident-notice");
      case FIXING -> new Offer("update", "status-update");
      case RESOLVED -> new Offer("fixed", "fix-announcement");
      case INVESTIGATING -> null;
    };
  }
}

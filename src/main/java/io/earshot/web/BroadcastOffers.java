package io.earshot.web;

import io.earshot.problem.Problem;
import io.earshot.problem.ProblemStatus;
import io.vertx.core.json.JsonObject;

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

  /** The offer after a change to {@code p}; null when the change invites none. */
  static JsonObject after(Problem p, ProblemStatus changedTo) {
    String[] offer = kind(p.status() == ProblemStatus.RESOLVED ? ProblemStatus.RESOLVED : changedTo);
    if (offer == null) {
      return null;
    }
    JsonObject body = new JsonObject().put("problemId", p.id()).put("notifyAffected", true).put("template", offer[1]);
    return new JsonObject().put("broadcast", new JsonObject().put("kind", offer[0]).put("method", "POST")
        .put("path", "/api/v1/broadcasts").put("body", body));
  }

  /** {kind, built-in template} for a status just reached. */
  private static String[] kind(ProblemStatus status) {
    if (status == null) {
      return null;
    }
    return switch (status) {
      case IDENTIFIED -> new String[] {"known", "incident-notice"};
      case FIXING -> new String[] {"update", "status-update"};
      case RESOLVED -> new String[] {"fixed", "fix-announcement"};
      case INVESTIGATING -> null;
    };
  }
}

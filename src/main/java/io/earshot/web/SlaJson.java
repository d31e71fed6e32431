package io.earshot.web;

import io.earshot.domain.SlaClock;
import io.vertx.core.json.JsonObject;

/** A case's SLA clocks as the API answers them ({@code sla} of a case): the summary and each target. */
final class SlaJson {
  private SlaJson() {
  }

  static JsonObject clock(SlaClock s) {
    if (s == null) {
      return null;
    }
    return new JsonObject().put("state", s.state().code()).put("dueAt", ApiJson.time(s.dueAt())).put("band", s.band())
        .put("policyVersion", s.policyVersion()).put("pausedAt", ApiJson.time(s.pausedAt()))
        .put("firstResponse", target(s.firstResponse())).put("nextResponse", target(s.nextResponse()))
        .put("resolution", target(s.resolution()));
  }

  private static JsonObject target(SlaClock.Target t) {
    if (t == null) {
      return null;
    }
    return new JsonObject().put("minutes", t.minutes()).put("startedAt", ApiJson.time(t.startedAt()))
        .put("warnAt", ApiJson.time(t.warnAt())).put("dueAt", ApiJson.time(t.dueAt()))
        .put("leftSeconds", t.leftSeconds()).put("usedSeconds", t.usedSeconds()).put("metAt", ApiJson.time(t.metAt()))
        .put("warned", t.warned()).put("breached", t.breached());
  }
}

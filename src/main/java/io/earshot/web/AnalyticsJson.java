package io.earshot.web;

import io.earshot.analytics.Overview;
import io.earshot.analytics.Questions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/** The analytics overview as the API's JSON (the shape is in README, "Analytics"). */
final class AnalyticsJson {
  private AnalyticsJson() {
  }

  static JsonObject overview(Overview o, boolean agents) {
    JsonObject json = new JsonObject().put("from", o.from()).put("to", o.to())
        .put("mentions", o.mentions()).put("cases", o.casesOpened()).put("casesResolved", o.casesResolved())
        .put("sentiment", counts(o.sentiment())).put("sentimentAverage", averages(o))
        .put("shareNegative", o.shareNegative()).put("reasons", reasons(o)).put("platforms", platforms(o))
        .put("byHourOfWeek", hours(o.byHourOfWeek()))
        .put("firstResponse", durations(o.firstResponse(), o.firstResponseBusiness()))
        .put("resolution", durations(o.resolution(), o.resolutionBusiness()))
        .put("sla", new JsonObject().put("met", o.slaMet()).put("breached", o.slaBreached()))
        .put("avoidableContactRate", o.avoidableContactRate()).put("avoidableContacts", o.avoidable())
        .put("exits", new JsonObject().put("count", o.exits()).put("rate", o.exitRate()))
        .put("repeatContacts", new JsonObject().put("count", o.repeats()).put("rate", o.repeatRate()))
        .put("replies", new JsonObject().put("sent", o.repliesSent()))
        .put("approvals", new JsonObject().put("approved", o.approvals().approved())
            .put("rejected", o.approvals().rejected()).put("wait", durations(o.approvals().waitTime())))
        .put("engagement", engagement(o.engagement()))
        .put("broadcasts", new JsonObject().put("sent", o.broadcasts().sent()).put("notices", o.broadcasts().notices())
            .put("engagement", engagement(o.broadcasts().engagement())))
        .put("series", series(o)).put("questions", questions(o));
    if (agents) {
      JsonArray list = new JsonArray();
      o.agents().forEach(a -> list.add(new JsonObject().put("username", a.username()).put("repliesSent", a.sent())
          .put("casesResolved", a.resolved()).put("approvalsDecided", a.decided())));
      json.put("agents", list);
    }
    return json;
  }

  private static JsonObject engagement(Overview.Engagement e) {
    return new JsonObject().put("posts", e.posts()).put("likes", e.likes()).put("reposts", e.reposts())
        .put("replies", e.replies()).put("quotes", e.quotes()).put("impressions", e.impressions());
  }

  private static JsonObject averages(Overview o) {
    JsonObject json = new JsonObject();
    o.sentimentAverage().forEach(json::put);
    return json;
  }

  private static JsonObject counts(Map<String, Long> counts) {
    JsonObject json = new JsonObject();
    counts.forEach(json::put);
    return json;
  }

  private static JsonArray reasons(Overview o) {
    JsonArray list = new JsonArray();
    o.reasons().forEach(r -> list.add(new JsonObject().put("code", r.code()).put("count", r.count())
        .put("previous", r.previous()).put("change", r.count() - r.previous())
        .put("changeRate", r.previous() == 0 ? null : (double) (r.count() - r.previous()) / r.previous())
        .put("sentiment", counts(r.sentiment()))));
    return list;
  }

  private static JsonArray platforms(Overview o) {
    JsonArray list = new JsonArray();
    o.platforms().forEach(p -> list.add(new JsonObject().put("platform", p.platform()).put("count", p.count())
        .put("sentiment", counts(p.sentiment()))));
    return list;
  }

  private static JsonArray hours(long[][] byHourOfWeek) {
    JsonArray rows = new JsonArray();
    for (long[] day : byHourOfWeek) {
      JsonArray row = new JsonArray();
      for (long n : day) {
        row.add(n);
      }
      rows.add(row);
    }
    return rows;
  }

  private static JsonObject durations(Overview.Durations d) {
    return new JsonObject().put("count", d.count()).put("medianSeconds", d.medianSeconds()).put("p90Seconds", d.p90Seconds());
  }

  /** Wall-clock figures with the same cases' business-hours ones beside them. */
  private static JsonObject durations(Overview.Durations wall, Overview.Durations business) {
    return durations(wall).put("businessMedianSeconds", business.medianSeconds())
        .put("businessP90Seconds", business.p90Seconds());
  }

  private static JsonArray series(Overview o) {
    JsonArray list = new JsonArray();
    o.series().forEach(d -> list.add(new JsonObject().put("day", d.day()).put("mentions", d.mentions())
        .put("positive", d.positive()).put("neutral", d.neutral()).put("negative", d.negative())
        .put("casesOpened", d.opened()).put("casesResolved", d.resolved())));
    return list;
  }

  private static JsonArray questions(Overview o) {
    JsonArray list = new JsonArray();
    for (Questions.Group g : o.questions()) {
      list.add(new JsonObject().put("words", g.words()).put("count", g.count()).put("examples", new JsonArray(g.examples())));
    }
    return list;
  }
}

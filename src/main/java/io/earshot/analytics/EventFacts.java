package io.earshot.analytics;

import io.earshot.analytics.Facts.BroadcastFact;
import io.earshot.analytics.Facts.CaseFact;
import io.earshot.analytics.Facts.MentionFact;
import io.earshot.analytics.Facts.ReplyFact;
import io.earshot.domain.Brand;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The rollups' facts read from the v1 event payload ({@code docs/EVENTS.md}, "Records in data"). Pure. */
final class EventFacts {
  private EventFacts() {
  }

  static MentionFact mention(JsonObject m) {
    JsonObject triage = m.getJsonObject("triage");
    List<String> reasons = new ArrayList<>();
    if (triage != null) {
      JsonArray list = triage.getJsonArray("reasons", new JsonArray());
      for (int i = 0; i < list.size(); i++) {
        reasons.add(list.getJsonObject(i).getString("code"));
      }
    }
    return new MentionFact(m.getString("platform"), brand(m), time(m, "createdAt"),
        triage == null ? null : triage.getString("label"),
        triage == null ? 0 : triage.getDouble("sentiment", 0.0), reasons, publicText(m));
  }

  /**
   * The text a figure may sample: a private message counts in volume, sentiment and reasons, but
   * its words never become a frequent question or its example (the overview is read by marketers
   * and exported).
   */
  static String publicText(JsonObject m) {
    return "private".equals(m.getString("visibility")) ? null : m.getString("text");
  }

  /** A case from its payload; {@code slaState} and {@code problemId} come from the stored case, when given. */
  static CaseFact careCase(JsonObject c, CaseFact stored) {
    JsonObject customer = c.getJsonObject("customer", new JsonObject());
    return new CaseFact(c.getString("id"), c.getString("platform"), brand(c), customer.getString("id"),
        c.getString("assignee"), time(c, "createdAt"), time(c, "firstResponseAt"), time(c, "lastMentionAt"),
        time(c, "resolvedAt"), stored == null ? null : stored.slaState(), stored == null ? null : stored.problemId(),
        false, time(c, "previousCaseAt"));
  }

  static ReplyFact reply(JsonObject r) {
    JsonObject approval = r.getJsonObject("approval");
    JsonObject e = r.getJsonObject("engagement", new JsonObject());
    return new ReplyFact(r.getString("id"), r.getString("caseId"), r.getString("platform"), r.getString("author"),
        time(r, "sentAt"), approval == null ? null : time(approval, "heldAt"),
        approval == null ? null : time(approval, "decidedAt"), approval == null ? null : approval.getString("decidedBy"),
        approval != null && approval.getBoolean("approved", false),
        e.getLong("likes", 0L), e.getLong("reposts", 0L), e.getLong("replies", 0L), e.getLong("quotes"),
        e.getLong("impressions"), time(e, "measuredAt"));
  }

  /** A finished broadcast, dated by its finishing change. */
  static BroadcastFact broadcast(JsonObject b) {
    return new BroadcastFact(b.getString("id"), brand(b), time(b, "updatedAt"));
  }

  private static String brand(JsonObject o) {
    String brand = o.getString("brand");
    return brand == null ? Brand.DEFAULT_ID : brand;
  }

  private static Instant time(JsonObject o, String field) {
    String value = o.getString(field);
    return value == null ? null : Instant.parse(value);
  }
}

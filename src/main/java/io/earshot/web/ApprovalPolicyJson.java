package io.earshot.web;

import io.earshot.domain.approval.ApprovalConditions;
import io.earshot.domain.approval.ApprovalKind;
import io.earshot.domain.approval.ApprovalPolicy;
import io.earshot.domain.approval.ApprovalRule;
import io.earshot.error.DomainError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The approval policy as the API reads and writes it ({@code GET|PUT /policies/approval}). A
 * wrong value is refused naming its place, such as {@code rules[2].when.followersAtLeast}.
 */
final class ApprovalPolicyJson {
  private static final int MAX_RULES = 100;
  private static final int MAX_WORDS = 500;

  private ApprovalPolicyJson() {
  }

  static JsonObject policy(ApprovalPolicy p) {
    JsonArray rules = new JsonArray();
    p.rules().forEach(r -> rules.add(rule(r)));
    return new JsonObject().put("rules", rules).put("version", p.version());
  }

  static JsonObject rule(ApprovalRule r) {
    ApprovalConditions w = r.when();
    JsonObject when = new JsonObject();
    putList(when, "words", w.words());
    when.put("followersAtLeast", w.followersAtLeast()).put("verified", w.verified())
        .put("sentimentBelow", w.sentimentBelow()).put("authorNewerThanDays", w.authorNewerThanDays())
        .put("authorFlagged", w.authorFlagged());
    putList(when, "reasons", w.reasons());
    putList(when, "platforms", w.platforms());
    if (w.always()) {
      when.put("always", true);
    }
    when.getMap().values().removeIf(v -> v == null);
    return new JsonObject().put("id", r.id()).put("brand", r.brand())
        .put("kinds", new JsonArray(r.kinds().stream().map(ApprovalKind::code).sorted().toList()))
        .put("when", when).put("approver", r.approver()).put("escalateAfterMinutes", r.escalateAfterMinutes())
        .put("selfApproval", r.selfApproval());
  }

  static List<ApprovalRule> rules(JsonObject body) {
    Object value = body.getValue("rules");
    if (!(value instanceof JsonArray array) || array.size() > MAX_RULES) {
      throw new DomainError.Invalid("rules", "must be a list of at most " + MAX_RULES + " rules");
    }
    List<ApprovalRule> rules = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      String at = "rules[" + i + "]";
      if (!(array.getValue(i) instanceof JsonObject rule)) {
        throw new DomainError.Invalid(at, "must be an object");
      }
      rules.add(within(at, () -> rule(rule)));
    }
    return rules;
  }

  private static ApprovalRule rule(JsonObject r) {
    Object when = r.getValue("when");
    if (!(when instanceof JsonObject w)) {
      throw new DomainError.Invalid("when", "must be an object of conditions");
    }
    return new ApprovalRule(Bodies.requiredString(r, "id").strip(), Bodies.optionalString(r, "brand"), kinds(r),
        within("when", () -> conditions(w)), approver(r), Bodies.optionalInteger(r, "escalateAfterMinutes", 1, 10_080),
        Boolean.TRUE.equals(Bodies.optionalBoolean(r, "selfApproval")));
  }

  private static ApprovalConditions conditions(JsonObject w) {
    Integer followers = Bodies.optionalInteger(w, "followersAtLeast", 0, Integer.MAX_VALUE);
    return new ApprovalConditions(Bodies.optionalStrings(w, "words", MAX_WORDS, 200), followers == null ? null : followers.longValue(),
        Bodies.optionalBoolean(w, "verified"), sentiment(w), Bodies.optionalStrings(w, "reasons", 100, 64),
        Bodies.optionalStrings(w, "platforms", 20, 32), Bodies.optionalInteger(w, "authorNewerThanDays", 1, 3650),
        Bodies.optionalBoolean(w, "authorFlagged"),
        Boolean.TRUE.equals(Bodies.optionalBoolean(w, "always")));
  }

  private static Double sentiment(JsonObject w) {
    Object v = w.getValue("sentimentBelow");
    if (v == null) {
      return null;
    }
    if (!(v instanceof Number n) || n.doubleValue() < -1 || n.doubleValue() > 1) {
      throw new DomainError.Invalid("sentimentBelow", "must be a number from -1 to 1");
    }
    return n.doubleValue();
  }

  private static Set<ApprovalKind> kinds(JsonObject r) {
    List<String> codes = Bodies.optionalStrings(r, "kinds", 2, 16);
    if (codes == null) {
      return Set.of(ApprovalKind.REPLY);
    }
    Set<ApprovalKind> kinds = EnumSet.noneOf(ApprovalKind.class);
    for (String code : codes) {
      kinds.add(ApprovalKind.fromCode(code).orElseThrow(() -> new DomainError.Invalid("kinds", "must be reply or broadcast")));
    }
    return kinds;
  }

  private static String approver(JsonObject r) {
    String approver = Bodies.optionalString(r, "approver");
    return approver == null ? "manager" : approver;
  }

  private static void putList(JsonObject o, String key, List<String> values) {
    if (!values.isEmpty()) {
      o.put(key, new JsonArray(values));
    }
  }

  /** Runs {@code parse}, naming a refused field by its place inside {@code prefix}. */
  private static <T> T within(String prefix, Supplier<T> parse) {
    try {
      return parse.get();
    } catch (DomainError.Invalid e) {
      String message = e.getMessage().substring(e.field().length() + 2);
      throw new DomainError.Invalid(prefix + "." + e.field(), message);
    }
  }
}

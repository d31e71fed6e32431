package io.earshot.triage;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * The most points each priority signal can add (they sum, capped at 100) and the scales they
 * are measured on. {@code sla} is the answer-time target; waiting points grow on a log scale
 * and are full at {@code waitingSaturation} times the SLA. {@code reachFollowers} is the
 * follower count that earns full reach points (log scale from 100 followers).
 */
public record PriorityWeights(int negative, int urgency, int reach, int verified, int vip,
                              int repeat, int waiting, int directQuestion, int directAddress,
                              Duration sla, double waitingSaturation, long reachFollowers,
                              int repeatSaturation) {

  public PriorityWeights {
    if (sla == null || sla.isZero() || sla.isNegative()) {
      throw new IllegalArgumentException("sla: must be a positive duration");
    }
    if (waitingSaturation <= 1 || reachFollowers <= 100 || repeatSaturation < 1) {
      throw new IllegalArgumentException(
          "waitingSaturation must be > 1, reachFollowers > 100, repeatSaturation >= 1");
    }
  }

  public static PriorityWeights defaults() {
    return new PriorityWeights(35, 35, 10, 3, 15, 10, 25, 6, 3, Duration.ofHours(1), 48.0,
        1_000_000L, 3);
  }

  /** Reads weights, taking defaults for absent fields; fails naming the bad field. */
  public static PriorityWeights fromJson(JsonObject json) {
    PriorityWeights d = defaults();
    return new PriorityWeights(
        points(json, "negative", d.negative()), points(json, "urgency", d.urgency()),
        points(json, "reach", d.reach()), points(json, "verified", d.verified()),
        points(json, "vip", d.vip()), points(json, "repeat", d.repeat()),
        points(json, "waiting", d.waiting()), points(json, "directQuestion", d.directQuestion()),
        points(json, "directAddress", d.directAddress()), duration(json, "sla", d.sla()),
        Json.number(json, "waitingSaturation", "waitingSaturation", d.waitingSaturation()),
        (long) Json.number(json, "reachFollowers", "reachFollowers", d.reachFollowers()),
        points(json, "repeatSaturation", d.repeatSaturation()));
  }

  public JsonObject toJson() {
    return new JsonObject().put("negative", negative).put("urgency", urgency).put("reach", reach)
        .put("verified", verified).put("vip", vip).put("repeat", repeat).put("waiting", waiting)
        .put("directQuestion", directQuestion).put("directAddress", directAddress)
        .put("sla", sla.toString()).put("waitingSaturation", waitingSaturation)
        .put("reachFollowers", reachFollowers).put("repeatSaturation", repeatSaturation);
  }

  private static int points(JsonObject json, String key, int fallback) {
    double value = Json.number(json, key, key, fallback);
    if (value < 0 || value > 100 || value != Math.rint(value)) {
      throw new IllegalArgumentException(key + ": must be a whole number between 0 and 100");
    }
    return (int) value;
  }

  private static Duration duration(JsonObject json, String key, Duration fallback) {
    Object value = json.getValue(key);
    if (value == null) {
      return fallback;
    }
    try {
      return Duration.parse(String.valueOf(value));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(key + ": must be an ISO-8601 duration such as PT1H");
    }
  }
}

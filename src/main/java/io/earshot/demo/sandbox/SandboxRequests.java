package io.earshot.demo.sandbox;

import io.earshot.error.DomainError;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Reading parameters and bodies; every problem becomes an {@link DomainError} naming the field. */
final class SandboxRequests {
  private SandboxRequests() {
  }

  static JsonObject jsonObject(RoutingContext ctx) {
    try {
      JsonObject body = ctx.body().asJsonObject();
      if (body == null) {
        throw new DomainError.Invalid("body", "a JSON object is required");
      }
      return body;
    } catch (DecodeException | ClassCastException e) {
      throw new DomainError.Invalid("body", "is not a JSON object");
    }
  }

  static JsonArray jsonArray(RoutingContext ctx) {
    try {
      JsonArray body = ctx.body().asJsonArray();
      if (body == null) {
        throw new DomainError.Invalid("body", "a JSON array is required");
      }
      return body;
    } catch (DecodeException | ClassCastException e) {
      throw new DomainError.Invalid("body", "is not a JSON array");
    }
  }

  /** A string field; {@code required} fields must be present and non-blank. */
  static String string(JsonObject body, String field, boolean required) {
    Object value = body.getValue(field);
    if (value == null && !required) {
      return null;
    }
    if (!(value instanceof String s) || s.isBlank()) {
      throw new DomainError.Invalid(field, "must be a non-empty string");
    }
    return s;
  }

  static long number(JsonObject body, String field, long fallback, long min, long max) {
    Object value = body.getValue(field);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof Number n) || n.longValue() < min || n.longValue() > max) {
      throw new DomainError.Invalid(field, "must be a number from " + min + " to " + max);
    }
    return n.longValue();
  }

  static long queryNumber(RoutingContext ctx, String name, long fallback, long min, long max) {
    String raw = ctx.queryParams().get(name);
    if (raw == null || raw.isEmpty()) {
      return fallback;
    }
    try {
      long value = Long.parseLong(raw);
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // falls through to the same answer as an out-of-range number
    }
    throw new DomainError.Invalid(name, "must be a whole number from " + min + " to " + max);
  }
}

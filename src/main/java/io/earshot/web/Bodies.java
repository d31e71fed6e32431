package io.earshot.web;

import io.earshot.error.ApiException;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Reading request bodies and query parameters with errors that name the field; writing JSON. */
final class Bodies {
  private Bodies() {
  }

  static JsonObject object(RoutingContext ctx) {
    try {
      JsonObject body = ctx.body().asJsonObject();
      if (body == null) {
        throw new ApiException.Invalid("body", "a JSON object is required");
      }
      return body;
    } catch (DecodeException | ClassCastException e) {
      throw new ApiException.Invalid("body", "must be a JSON object");
    }
  }

  static String requiredString(JsonObject body, String field) {
    Object value = body.getValue(field);
    if (!(value instanceof String s) || s.isBlank()) {
      throw new ApiException.Invalid(field, value == null ? "is required" : "must be a non-empty string");
    }
    return s;
  }

  static String optionalString(JsonObject body, String field) {
    Object value = body.getValue(field);
    if (value != null && !(value instanceof String)) {
      throw new ApiException.Invalid(field, "must be a string");
    }
    return (String) value;
  }

  static int intParam(RoutingContext ctx, String name, int fallback, int min, int max) {
    String raw = ctx.request().getParam(name);
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(raw.trim());
      if (value < min || value > max) {
        throw new ApiException.Invalid(name, "must be between " + min + " and " + max);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new ApiException.Invalid(name, "'" + raw + "' is not a whole number");
    }
  }

  static void json(RoutingContext ctx, int status, Object body) {
    String encoded = body instanceof JsonObject o ? o.encode() : ((JsonArray) body).encode();
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(encoded);
  }
}

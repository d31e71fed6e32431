package io.earshot.web;

import io.earshot.error.DomainError;
import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Reading request bodies and query parameters with errors that name the field; writing JSON. */
final class Bodies {
  private Bodies() {
  }

  /**
   * Handler for JSON routes: a body must say it is JSON, so an HTML form or a {@code text/plain}
   * request from another site (which browsers send without asking) is refused with 415 before
   * its body is read. A request without a body needs no type.
   */
  static void requireJson(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    String type = request.getHeader("Content-Type");
    String length = request.getHeader("Content-Length");
    boolean hasBody = request.getHeader("Transfer-Encoding") != null || length != null && !length.trim().equals("0");
    if (type == null ? hasBody : !isJson(type)) {
      throw new HttpRefusal.UnsupportedMediaType("Content-Type: must be application/json, was "
          + (type == null ? "missing" : "'" + type + "'"));
    }
    ctx.next();
  }

  private static boolean isJson(String contentType) {
    String media = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return media.equals("application/json") || media.startsWith("application/") && media.endsWith("+json");
  }

  static JsonObject object(RoutingContext ctx) {
    try {
      JsonObject body = ctx.body().asJsonObject();
      if (body == null) {
        throw new DomainError.Invalid("body", "a JSON object is required");
      }
      return body;
    } catch (DecodeException | ClassCastException e) {
      throw new DomainError.Invalid("body", "must be a JSON object");
    }
  }

  static String requiredString(JsonObject body, String field) {
    Object value = body.getValue(field);
    if (!(value instanceof String s) || s.isBlank()) {
      throw new DomainError.Invalid(field, value == null ? "is required" : "must be a non-empty string");
    }
    return s;
  }

  static Boolean optionalBoolean(JsonObject body, String field) {
    Object value = body.getValue(field);
    if (value != null && !(value instanceof Boolean)) {
      throw new DomainError.Invalid(field, "must be true or false");
    }
    return (Boolean) value;
  }

  /** A whole number within bounds, or null when absent. */
  static Integer optionalInteger(JsonObject body, String field, int min, int max) {
    Object value = body.getValue(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof Integer || value instanceof Long) || ((Number) value).longValue() < min
        || ((Number) value).longValue() > max) {
      throw new DomainError.Invalid(field, "must be a whole number from " + min + " to " + max);
    }
    return ((Number) value).intValue();
  }

  /** A list of non-blank strings (trimmed), or null when absent. */
  static List<String> optionalStrings(JsonObject body, String field, int maxItems, int maxLength) {
    Object value = body.getValue(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof JsonArray array) || array.size() > maxItems) {
      throw new DomainError.Invalid(field, "must be a list of at most " + maxItems + " strings");
    }
    List<String> items = new ArrayList<>();
    for (Object item : array) {
      if (!(item instanceof String s) || s.isBlank() || s.strip().length() > maxLength) {
        throw new DomainError.Invalid(field, "each item must be a non-empty string of at most " + maxLength + " characters");
      }
      items.add(s.strip());
    }
    return List.copyOf(items);
  }

  static String optionalString(JsonObject body, String field) {
    Object value = body.getValue(field);
    if (value != null && !(value instanceof String)) {
      throw new DomainError.Invalid(field, "must be a string");
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
        throw new DomainError.Invalid(name, "must be between " + min + " and " + max);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new DomainError.Invalid(name, "'" + raw + "' is not a whole number");
    }
  }

  static void json(RoutingContext ctx, int status, Object body) {
    send(ctx, status, encode(body));
  }

  /**
   * Answers what {@code result} brings, rendered by {@code render} as a JSON object or array,
   * with {@code status}; a failure goes to the failure handler ({@link ErrorHandler}). Rendering
   * and encoding are steps of the chain, so a render that throws is a failure (a 500 with the
   * error body) too: thrown inside an {@code onSuccess} handler it would reach no one, and the
   * client would wait for its timeout.
   */
  static <T> void answer(RoutingContext ctx, int status, Future<T> result, Function<? super T, ?> render) {
    result.map(value -> encode(render.apply(value)))
        .onSuccess(encoded -> send(ctx, status, encoded))
        .onFailure(ctx::fail);
  }

  /** Answers 204 once {@code result} succeeds; a failure goes to the failure handler. */
  static void noContent(RoutingContext ctx, Future<?> result) {
    result.onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
  }

  /** {@code {"items":[…],"total":n}}: every one of {@code all}, rendered by {@code item}. */
  static <T> JsonObject list(Collection<? extends T> all, Function<? super T, ?> item) {
    JsonArray items = new JsonArray();
    all.forEach(value -> items.add(item.apply(value)));
    return new JsonObject().put("items", items).put("total", all.size());
  }

  private static String encode(Object body) {
    return body instanceof JsonObject o ? o.encode() : ((JsonArray) body).encode();
  }

  private static void send(RoutingContext ctx, int status, String encoded) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(encoded);
  }
}

package io.earshot.triage;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** Typed reads from admin-edited JSON that fail with the offending field's name. */
final class Json {
  private Json() {
  }

  static JsonObject object(Object value, String field) {
    if (value instanceof JsonObject o) {
      return o;
    }
    throw new IllegalArgumentException(field + ": must be an object");
  }

  static JsonArray array(JsonObject json, String key, String field) {
    if (json.getValue(key) instanceof JsonArray a) {
      return a;
    }
    throw new IllegalArgumentException(field + ": must be an array");
  }

  static String string(JsonObject json, String key, String field) {
    if (json.getValue(key) instanceof String s && !s.isBlank()) {
      return s;
    }
    throw new IllegalArgumentException(field + ": must be a non-empty string");
  }

  static List<String> strings(JsonObject json, String key, String field) {
    JsonArray array = array(json, key, field);
    List<String> out = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      if (!(array.getValue(i) instanceof String s) || s.isBlank()) {
        throw new IllegalArgumentException(field + "[" + i + "]: must be a non-empty string");
      }
      out.add(s);
    }
    return out;
  }

  static double number(JsonObject json, String key, String field, double fallback) {
    Object value = json.getValue(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Number n && Double.isFinite(n.doubleValue())) {
      return n.doubleValue();
    }
    throw new IllegalArgumentException(field + ": must be a number");
  }
}

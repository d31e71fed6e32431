package io.earshot.web.hostile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * JSON bodies for the routes that take one: a body the route would accept (fields as JSON text),
 * then one thing wrong with it: a field of the wrong type or an odd value, a field missing or
 * unknown, a key twice, or the body itself broken (truncated, invalid UTF-8, NUL and control
 * bytes, 10,000 levels deep, not an object, empty, UTF-16, several MB). A route added later that
 * this table does not know gets the same treatment of an empty object and the fields of all.
 */
final class RouteBodies {
  private static final Map<String, Map<String, String>> GOOD = new LinkedHashMap<>();

  static {
    GOOD.put("POST /api/v1/session", fields("username", "\"fuzz-target\"", "password", "\"not-the-password\""));
    GOOD.put("POST /api/v1/users", fields("username", "\"fz-made\"", "password", "\"long-enough-password\"",
        "roles", "[\"agent\"]"));
    GOOD.put("PATCH /api/v1/users/:username", fields("capacity", "5", "skills", "[\"billing\"]", "roles", "[\"agent\"]"));
    GOOD.put("PATCH /api/v1/cases/:id", fields("status", "\"open\"", "assignee", "\"fuzz-target\""));
    GOOD.put("POST /api/v1/cases/:id/replies", fields("text", "\"We are on it\""));
    GOOD.put("POST /api/v1/cases/:id/reply-check", fields("text", "\"Checking the length\""));
    GOOD.put("POST /api/v1/templates", fields("name", "\"Fuzzed\"", "body", "\"Hi {{customer.firstName}}\""));
    GOOD.put("PATCH /api/v1/templates/:id", fields("body", "\"Hello {{customer.handle}}\""));
    GOOD.put("POST /api/v1/cases/:id/template-preview", fields("body", "\"Hi {{customer.name}}\""));
    GOOD.put("POST /api/v1/webhooks", fields("url", "\"http://127.0.0.1:9/hook\"", "secret", "\"a-secret-of-enough-length\"",
        "events", "[\"case.assigned\"]"));
    GOOD.put("PATCH /api/v1/webhooks/:id", fields("enabled", "true", "events", "[\"case.assigned\"]"));
    GOOD.put("POST /api/v1/cases/:id/notes", fields("text", "\"@fuzz-target have a look\""));
    GOOD.put("POST /api/v1/cases/:id/merge", fields("from", "\"no-such-case\""));
    GOOD.put("POST /api/v1/cases/bulk", fields("ids", "[\"no-such-case\"]", "action", "\"tag\"", "value", "\"fuzz\""));
    GOOD.put("PUT /api/v1/tags", fields("tags", "[{\"name\":\"fuzz\",\"color\":\"#123456\"}]"));
    GOOD.put("POST /api/v1/broadcasts", fields("text", "\"Maintenance tonight\"", "accounts", "[\"sandbox\"]",
        "notifyAffected", "false"));
    GOOD.put("POST /api/v1/broadcasts/preview", fields("template", "\"incident-notice\"", "accounts", "[\"sandbox\"]"));
    GOOD.put("POST /api/v1/teams", fields("name", "\"fz-team\"", "members", "[\"fuzz-target\"]"));
    GOOD.put("PATCH /api/v1/teams/:name", fields("members", "[\"fuzz-target\"]"));
    GOOD.put("PUT /api/v1/policies/routing", fields("brands", "{\"default\":{\"mode\":\"least_load\",\"match\":[\"platform\"]}}"));
    GOOD.put("PUT /api/v1/cases/:id/presence", fields("state", "\"typing\""));
    GOOD.put("POST /api/v1/mentions/:id/moderation", fields("action", "\"hide\""));
  }

  /** Every field any route takes, for routes this table does not know. */
  private static final List<String> ALL_FIELDS = List.of("username", "password", "currentPassword", "roles", "role",
      "disabled", "capacity", "skills", "status", "assignee", "tags", "snoozedUntil", "text", "template", "inReplyTo",
      "url", "secret", "events", "enabled", "decision", "reason", "rules", "title", "department", "caseIds", "id",
      "name", "body", "brand", "from", "ids", "action", "value", "accounts", "notifyAffected", "problemId",
      "noticeText", "noticeTemplate", "team", "members", "availability", "confirm", "state", "brands");

  private RouteBodies() {
  }

  private static Map<String, String> fields(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return map;
  }

  /** A body the route accepts (for an unknown route, an empty object). */
  static String good(String route) {
    return object(new ArrayList<>(GOOD.getOrDefault(route, Map.of()).entrySet().stream()
        .map(e -> new String[] {e.getKey(), e.getValue()}).toList()));
  }

  /** A body with one thing wrong, described in a note on {@code request}. */
  static byte[] hostile(Random random, String route, HostileRequest.Builder request) {
    List<String[]> fields = new ArrayList<>(GOOD.getOrDefault(route, Map.of()).entrySet().stream()
        .map(e -> new String[] {e.getKey(), e.getValue()}).toList());
    int way = random.nextInt(10);
    if (way <= 3) {
      String field = fields.isEmpty() || random.nextInt(4) == 0 ? HostileValues.pick(random, ALL_FIELDS)
          : fields.get(random.nextInt(fields.size()))[0];
      String value = HostileValues.any(random);
      fields.removeIf(f -> f[0].equals(field));
      fields.add(random.nextInt(fields.size() + 1), new String[] {field, value});
      request.note("field " + field + " = " + shorten(value));
    } else if (way == 4 && !fields.isEmpty()) {
      String[] dropped = fields.remove(random.nextInt(fields.size()));
      request.note("without " + dropped[0]);
    } else if (way == 5) {
      String[] twice = fields.isEmpty() ? new String[] {"text", "\"a\""} : fields.get(random.nextInt(fields.size()));
      fields.add(new String[] {twice[0], HostileValues.any(random)});
      request.note("duplicate key " + twice[0]);
    } else if (way == 6) {
      fields.add(new String[] {HostileValues.pick(random, List.of("$where", "__proto__", "constructor", "", "\\u0000",
          "a.b", "$set", "x".repeat(5000))), HostileValues.any(random)});
      request.note("odd extra key");
    } else {
      return broken(random, object(fields).getBytes(StandardCharsets.UTF_8), request);
    }
    return object(fields).getBytes(StandardCharsets.UTF_8);
  }

  /** The body itself broken. */
  static byte[] broken(Random random, byte[] good, HostileRequest.Builder request) {
    int way = random.nextInt(14);
    request.note("broken body #" + way);
    return switch (way) {
      case 0 -> java.util.Arrays.copyOf(good, random.nextInt(Math.max(1, good.length)));
      case 1 -> HostileValues.splice(random, good, HostileValues.invalidUtf8(random));
      case 2 -> HostileValues.splice(random, good, new byte[] {0});
      case 3 -> HostileValues.splice(random, good, new byte[] {1, 0x1b, 0x7f, 8, 0x0b});
      case 4 -> HostileValues.utf8(HostileValues.deepArray(HostileValues.DEEP));
      case 5 -> HostileValues.utf8(HostileValues.deepObject(HostileValues.DEEP));
      case 6 -> HostileValues.utf8(HostileValues.pick(random, List.of("[]", "[{}]", "\"text\"", "1", "null", "true",
          "1e400", "{}{}", "{\"a\":1}garbage", "{'a':1}", "{a:1}", "{\"a\"}")));
      case 7 -> new byte[0];
      case 8 -> HostileValues.utf8(" \r\n\t ");
      case 9 -> new String(good, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16);
      case 10 -> concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, good);
      case 11 -> megabytes(random);
      case 12 -> HostileValues.utf8(HostileValues.pick(random, HostileValues.NOT_JSON));
      default -> HostileValues.utf8("{\"text\":" + HostileValues.longString(random) + "}");
    };
  }

  /** 1 to 6 MB of something JSON-like: over every small limit, under ingest's. */
  static byte[] megabytes(Random random) {
    int size = (1 + random.nextInt(6)) * 1024 * 1024;
    byte[] body = new byte[size];
    java.util.Arrays.fill(body, (byte) (random.nextBoolean() ? ' ' : '['));
    body[0] = '{';
    return body;
  }

  private static String object(List<String[]> fields) {
    StringBuilder out = new StringBuilder("{");
    for (String[] field : fields) {
      out.append(out.length() > 1 ? "," : "").append('"').append(field[0]).append("\":").append(field[1]);
    }
    return out.append('}').toString();
  }

  static String shorten(String value) {
    return value.length() > 60 ? value.substring(0, 60) + "…(" + value.length() + ")" : value;
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}

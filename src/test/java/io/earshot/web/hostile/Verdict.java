package io.earshot.web.hostile;

import io.earshot.testing.RawExchange;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * What every answer to a hostile request must be. There is one; within 5 s; never a 5xx but a
 * 503 with {@code Retry-After} (the documented upload cap and an unavailable store), and the 501
 * Vert.x answers itself to a request line of an HTTP version it does not speak; every 4xx
 * is {@code {"error_code","message"}}, and a refusal of what the request said or how it said it
 * (400, 405, 408, 413, 414, 415, 426, 431) names the field or part in {@code validation_errors}; a request with a credential that must not work is refused; a file
 * from outside the webroot is never served; and a mixed ingest batch is accepted with its good
 * items. Answers the problems found, none when the answer is right.
 */
final class Verdict {
  static final long SLOW_MS = 5_000;
  /** Refusals of what the request said or how: they name its field or part in {@code validation_errors}. */
  private static final java.util.Set<Integer> NAMES_THE_PART = java.util.Set.of(400, 405, 408, 413, 414, 415, 426, 431);

  private Verdict() {
  }

  static List<String> judge(HostileRequest request, boolean mustRefuse, RawExchange.Answer answer, boolean head) {
    List<String> problems = new ArrayList<>();
    if (answer.status() == 0) {
      boolean cutOff = answer.headers().isEmpty() && answer.failure().startsWith("no HTTP status line");
      if (!(request.mayClose() && cutOff && answer.millis() <= SLOW_MS)) {
        problems.add("no answer: " + answer.failure());
      }
      return problems;
    }
    int status = answer.status();
    if (answer.millis() > SLOW_MS) {
      problems.add("took " + answer.millis() + " ms");
    }
    if (status == 501 && !spokenVersion(request)) {
      return problems; // Vert.x's own answer to a version it does not speak, before any route: see RELIABILITY.md
    }
    if (status >= 500 && !(status == 503 && answer.header("retry-after") != null)) {
      problems.add("answered " + status + ": " + shorten(answer.bodyText()));
    }
    if (status >= 400 && !head) {
      shape(status, answer.bodyText(), problems);
    }
    if (mustRefuse && status < 400 && status != 101) {
      problems.add("a credential that must not work got " + status);
    }
    if (mustRefuse && status == 101) {
      problems.add("a credential that must not work opened the live socket");
    }
    String text = answer.bodyText();
    if (text.contains("root:x:0:0") || text.contains("<modelVersion>")) {
      problems.add("served a file from outside the webroot");
    }
    if (request.mixedIngest()) {
      ingest(request, status, text, problems);
    }
    return problems;
  }

  /** Whether the request line claims HTTP/1.0 or HTTP/1.1. */
  static boolean spokenVersion(HostileRequest request) {
    String head = new String(request.head(), java.nio.charset.StandardCharsets.ISO_8859_1);
    String line = head.substring(0, Math.max(0, head.indexOf("\r\n")));
    return line.endsWith(" HTTP/1.1") || line.endsWith(" HTTP/1.0");
  }

  private static void shape(int status, String text, List<String> problems) {
    JsonObject body;
    try {
      body = new JsonObject(text);
    } catch (RuntimeException e) {
      problems.add(status + " without the error shape: '" + shorten(text) + "'");
      return;
    }
    if (!(body.getValue("error_code") instanceof String code) || code.isBlank()
        || !(body.getValue("message") instanceof String message) || message.isBlank()) {
      problems.add(status + " without error_code and message: " + shorten(text));
      return;
    }
    if (NAMES_THE_PART.contains(status)) {
      JsonArray errors = body.getJsonArray("validation_errors");
      if (errors == null || errors.isEmpty() || !(errors.getJsonObject(0).getValue("field") instanceof String field)
          || field.isBlank()) {
        problems.add(status + " " + code + " without the field or part at fault: " + shorten(text));
      }
    }
  }

  /** 202; no good item among the rejected; every item accounted for. Whether they are stored is checked after. */
  private static void ingest(HostileRequest request, int status, String text, List<String> problems) {
    if (status != 202) {
      problems.add("mixed batch answered " + status + ": " + shorten(text));
      return;
    }
    JsonObject body = new JsonObject(text);
    for (Object o : body.getJsonArray("rejected")) {
      JsonObject rejection = (JsonObject) o;
      if (request.goodItems().containsKey(rejection.getInteger("index"))) {
        problems.add("good item rejected: " + rejection.encode());
      }
      if (!(rejection.getValue("field") instanceof String field) || field.isBlank()) {
        problems.add("rejection without the field at fault: " + rejection.encode());
      }
    }
    if (body.getInteger("accepted") + body.getInteger("duplicates") < request.goodItems().size()) {
      problems.add("fewer accepted than good items: " + shorten(text));
    }
  }

  static String shorten(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }
}

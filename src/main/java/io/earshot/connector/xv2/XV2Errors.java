package io.earshot.connector.xv2;

import io.earshot.connector.ConnectorException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Instant;
import java.util.Locale;

/**
 * X's v2 answers as the runner's typed failures. v2 errors are problem documents
 * ({@code {"title","detail","type","status"}}, sometimes with {@code "errors":[…]}); a 403 means
 * either "this app or token may not do that" (the project is not enrolled for the endpoint,
 * the authentication kind is not supported: Unauthorized) or "not this post" (a duplicate, a
 * reply the conversation does not allow: Rejected). 402 is pay-per-use credits run out.
 */
final class XV2Errors {
  private static final long DEFAULT_BACKOFF_SECONDS = 900;

  private XV2Errors() {
  }

  static ConnectorException failure(HttpResponse<Buffer> r, String what) {
    int status = r.statusCode();
    JsonObject problem = problem(r);
    String detail = what + " answered " + status + ": " + summary(problem);
    if (status == 429) {
      return new ConnectorException.RateLimited(detail, resetAt(r));
    }
    if (status == 401 || status == 402 || (status == 403 && accessProblem(problem))) {
      return new ConnectorException.Unauthorized(detail);
    }
    if (status >= 500 || status == 408) {
      return new ConnectorException.Transient(detail, null);
    }
    return new ConnectorException.Rejected(detail);
  }

  /** X refuses a post whose text the account already posted with 403 "duplicate content". */
  static boolean isDuplicate(Throwable e) {
    return e instanceof ConnectorException.Rejected && e.getMessage().toLowerCase(Locale.ROOT).contains("duplicate");
  }

  /** A 403 refusal (as {@link #failure} words it): for a DM read, a token without the DM scopes. */
  static boolean isForbidden(Throwable e) {
    return e instanceof ConnectorException.Rejected && e.getMessage() != null && e.getMessage().contains(" answered 403: ");
  }

  /** The window end from {@code x-rate-limit-reset} (epoch seconds), else a cautious default. */
  static Instant resetAt(HttpResponse<Buffer> r) {
    String reset = r.getHeader("x-rate-limit-reset");
    try {
      return Instant.ofEpochSecond(Long.parseLong(reset.trim()));
    } catch (RuntimeException missing) {
      return Instant.now().plusSeconds(DEFAULT_BACKOFF_SECONDS);
    }
  }

  private static boolean accessProblem(JsonObject problem) {
    String type = problem.getString("type", "");
    String reason = problem.getString("reason", "");
    return type.endsWith("/client-forbidden") || type.endsWith("/unsupported-authentication")
        || reason.equals("client-not-enrolled") || reason.equals("official-client-forbidden");
  }

  private static JsonObject problem(HttpResponse<Buffer> r) {
    try {
      JsonObject body = r.bodyAsJsonObject();
      return body == null ? new JsonObject() : body;
    } catch (RuntimeException notJson) {
      return new JsonObject();
    }
  }

  private static String summary(JsonObject p) {
    StringBuilder out = new StringBuilder(p.getString("title", "no problem document"));
    if (p.getString("detail") != null) {
      out.append(": ").append(p.getString("detail"));
    }
    JsonArray errors = p.getJsonArray("errors");
    if (errors != null && !errors.isEmpty() && errors.getValue(0) instanceof JsonObject first
        && first.getString("message") != null) {
      out.append(" (").append(first.getString("message")).append(")");
    }
    String text = out.toString();
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }
}

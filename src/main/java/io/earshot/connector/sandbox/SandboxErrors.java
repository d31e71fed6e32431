package io.earshot.connector.sandbox;

import io.earshot.connector.ConnectorException;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Clock;
import java.time.Instant;

/**
 * The one place where sandbox answers become {@link ConnectorException}s: 401/403 Unauthorized,
 * 429 RateLimited (reset from {@code X-RateLimit-Reset}, epoch seconds; a minute when absent),
 * 5xx and network faults Transient, any other 4xx Rejected.
 */
final class SandboxErrors {
  // Without a reset header the connector still must not hammer the platform.
  private static final long DEFAULT_RESET_SECONDS = 60;

  private final Clock clock;

  SandboxErrors(Clock clock) {
    this.clock = clock;
  }

  Future<HttpResponse<Buffer>> check(HttpResponse<Buffer> response, String what) {
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return Future.succeededFuture(response);
    }
    String detail = what + " answered " + status + messageOf(response);
    if (status == 401 || status == 403) {
      return Future.failedFuture(new ConnectorException.Unauthorized(detail));
    }
    if (status == 429) {
      return Future.failedFuture(new ConnectorException.RateLimited(detail, resetAt(response)));
    }
    if (status >= 500) {
      return Future.failedFuture(new ConnectorException.Transient(detail, null));
    }
    return Future.failedFuture(new ConnectorException.Rejected(detail));
  }

  /** Anything that is not already typed is a network fault or timeout: worth a retry. */
  static <T> Future<T> network(Throwable err, String what) {
    if (err instanceof ConnectorException) {
      return Future.failedFuture(err);
    }
    return Future.failedFuture(new ConnectorException.Transient(what + " failed: " + err, err));
  }

  private Instant resetAt(HttpResponse<Buffer> response) {
    String header = response.getHeader("X-RateLimit-Reset");
    try {
      if (header != null) {
        return Instant.ofEpochSecond(Long.parseLong(header.trim()));
      }
    } catch (NumberFormatException e) {
      // a garbled header is treated like a missing one
    }
    return clock.instant().plusSeconds(DEFAULT_RESET_SECONDS);
  }

  /** The platform's own message when it sent one; never the request, which holds the token. */
  private static String messageOf(HttpResponse<Buffer> response) {
    try {
      JsonObject error = response.bodyAsJsonObject().getJsonObject("error");
      String message = error == null ? null : error.getString("message");
      return message == null ? "" : ": " + message;
    } catch (RuntimeException e) {
      return "";
    }
  }
}

package io.earshot.connector.http;

import io.earshot.connector.ConnectorException;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Instant;
import java.util.function.Function;

/**
 * Turns a platform's HTTP answer into success or a typed {@link ConnectorException}, the one
 * place where status codes become runner decisions. Platforms differ only in how they say when
 * a rate-limit window resets, so they pass that as a function of the response.
 */
public final class HttpOutcome {
  private static final long DEFAULT_BACKOFF_SECONDS = 60;

  private HttpOutcome() {
  }

  public static Future<HttpResponse<Buffer>> check(HttpResponse<Buffer> response, String what,
                                                   Function<HttpResponse<Buffer>, Instant> resetOf) {
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return Future.succeededFuture(response);
    }
    return Future.failedFuture(failure(response, what, resetOf));
  }

  public static ConnectorException failure(HttpResponse<Buffer> response, String what,
                                           Function<HttpResponse<Buffer>, Instant> resetOf) {
    int status = response.statusCode();
    String detail = what + " answered " + status + ": " + snippet(response.bodyAsString());
    if (status == 429) {
      Instant reset = resetOf.apply(response);
      return new ConnectorException.RateLimited(detail,
          reset != null ? reset : Instant.now().plusSeconds(DEFAULT_BACKOFF_SECONDS));
    }
    if (status == 401 || status == 403) {
      return new ConnectorException.Unauthorized(detail);
    }
    if (status >= 500 || status == 408) {
      return new ConnectorException.Transient(detail, null);
    }
    return new ConnectorException.Rejected(detail);
  }

  /** Network faults (connection refused, reset, timeout) are always worth a retry. */
  public static Throwable network(Throwable error, String what) {
    if (error instanceof ConnectorException) {
      return error;
    }
    return new ConnectorException.Transient(what + " failed: " + error.getMessage(), error);
  }

  private static String snippet(String body) {
    if (body == null) {
      return "";
    }
    return body.length() > 200 ? body.substring(0, 200) + "…" : body;
  }
}

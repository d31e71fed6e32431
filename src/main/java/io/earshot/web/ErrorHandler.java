package io.earshot.web;

import io.earshot.error.DomainError;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place failures become HTTP answers: {@code {"error_code","message","validation_errors"}}.
 * A {@link DomainError} is answered as {@link ErrorAnswers} says, an {@link HttpRefusal} with its
 * own status; a bare status code set by Vert.x (413, 405…)
 * keeps it; anything else is a 500, logged once with its stack trace. A backing service that is
 * unreachable is a 503 with {@code Retry-After}, not logged here: the outage is logged once
 * where it is detected, not once per refused request.
 */
final class ErrorHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorHandler.class);

  private ErrorHandler() {
  }

  static void handle(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    if (failure instanceof DomainError error) {
      if (error.retryAfterSeconds() > 0 && !ctx.response().ended()) {
        ctx.response().putHeader("Retry-After", Long.toString(error.retryAfterSeconds()));
      }
      respond(ctx, ErrorAnswers.status(error), body(error));
    } else if (failure instanceof HttpRefusal refusal) {
      respond(ctx, refusal.status(), refusal(refusal));
    } else if (failure instanceof HttpClosedException) {
      LOG.debug("{} {}: the client went away", ctx.request().method(), ctx.request().path());
    } else if (failure == null && ctx.statusCode() == 413) {
      // Vert.x's body reader found a body longer than the route allows while reading it.
      respond(ctx, 413, refusal(new HttpRefusal.TooLarge("body: larger than this route accepts")));
    } else if (failure == null || ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
      int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
      respond(ctx, status, bare(status, failure == null ? describe(status) : failure.getMessage()));
    } else {
      LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), failure);
      respond(ctx, 500, new JsonObject().put("error_code", "internal")
          .put("message", "internal error; the server log has the details"));
    }
  }

  /**
   * Answers {@code error} at once, without the router's failure routing: for a request whose
   * path cannot even be matched against a route (failure routing would match it again, and fail
   * the same way).
   */
  static void refuse(RoutingContext ctx, DomainError error) {
    respond(ctx, ErrorAnswers.status(error), body(error));
  }

  /**
   * The server's handler for requests Netty could not decode (an over-long request line or
   * header block, a malformed header, conflicting lengths): they never reach a router, and
   * Vert.x's own answer is an empty 400/414/431 or a closed connection. The connection closes
   * after the answer, since nothing after such a head can be trusted to frame a next request.
   */
  static void invalidRequest(HttpServerRequest request) {
    Throwable cause = request.decoderResult().cause();
    String detail = cause == null || cause.getMessage() == null ? "malformed" : cause.getMessage();
    HttpRefusal refusal = cause instanceof TooLongHttpLineException
        ? new HttpRefusal.UriTooLong("request line: longer than this server accepts (" + detail + ")")
        : cause instanceof TooLongHttpHeaderException
        ? new HttpRefusal.HeadersTooLarge("headers: larger than this server accepts (" + detail + ")")
        : new HttpRefusal.BadRequest("request: not valid HTTP/1.1 (" + detail + ")");
    request.response().setStatusCode(refusal.status()).putHeader("Content-Type", "application/json")
        .putHeader("Connection", "close").end(refusal(refusal).encode());
  }

  private static JsonObject refusal(HttpRefusal refusal) {
    return new JsonObject().put("error_code", refusal.code()).put("message", refusal.getMessage())
        .put("validation_errors", new JsonArray().add(new JsonObject().put("field", refusal.part())
            .put("message", refusal.getMessage())));
  }

  private static JsonObject body(DomainError error) {
    JsonObject body = new JsonObject().put("error_code", ErrorAnswers.code(error)).put("message", error.getMessage());
    if (error instanceof DomainError.Invalid invalid) {
      body.put("validation_errors", new JsonArray().add(new JsonObject()
          .put("field", invalid.field()).put("message", invalid.getMessage())));
    }
    if (error instanceof DomainError.Collision collision) {
      body.put("who", new JsonArray(collision.who())).put("reason", collision.reason());
    }
    return body;
  }

  /** A status Vert.x set itself; one that refuses how the request was sent names the part at fault. */
  private static JsonObject bare(int status, String message) {
    JsonObject body = new JsonObject().put("error_code", "http_" + status).put("message", message);
    String part = switch (status) {
      case 400 -> "request";
      case 405 -> "method";
      case 413 -> "body";
      case 415 -> "Content-Type";
      default -> null;
    };
    return part == null ? body : body.put("validation_errors", new JsonArray().add(new JsonObject()
        .put("field", part).put("message", message)));
  }

  private static String describe(int status) {
    return switch (status) {
      case 404 -> "no such resource";
      case 405 -> "method not allowed here";
      case 413 -> "request body too large";
      default -> "request failed with status " + status;
    };
  }

  private static void respond(RoutingContext ctx, int status, JsonObject body) {
    if (ctx.response().ended()) {
      return;
    }
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
  }
}

package io.earshot.web;

import io.earshot.error.DomainError;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Request bodies are read only once the route has decided the caller may send one. Every
 * POST/PUT/PATCH is paused as it arrives ({@link #pause}); a route then reads its body with
 * {@link #read}, which refuses a declared length over the route's limit (413), takes one of a
 * bounded number of upload slots (503 with {@code Retry-After} when none is free), and fails
 * with 408 if the body is not complete within the deadline. Whenever an answer goes out before
 * the body was read (401, 403, 413, 415, 408…), the connection is closed, so nobody can keep
 * sending into it.
 */
final class BodyReader {
  /** The ingest API takes batches of up to 10,000 mentions. */
  static final long INGEST_LIMIT = 16L * 1024 * 1024;
  /** Every other JSON body (a reply, a user, a policy) is small. */
  static final long SMALL_LIMIT = 64L * 1024;
  /** A username and a password. */
  static final long SIGN_IN_LIMIT = 4L * 1024;
  private static final Set<HttpMethod> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);
  private static final String FINISH = "earshot.body.finish";
  private final Vertx vertx;
  private final Duration deadline;

  BodyReader(Vertx vertx, Duration deadline) {
    this.vertx = vertx;
    this.deadline = deadline;
  }

  /**
   * The first handler of every request. GET and DELETE are left alone: Vert.x discards the data
   * of a request nobody reads, so only paused requests can hold memory, and only routes unpause.
   * An HTTP/1 connection whose request body was not read is told it closes, then closed; on
   * HTTP/2 the stream's flow-control window already bounds what a paused request can send.
   */
  static void pause(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    if (WITH_BODY.contains(request.method())) {
      request.pause();
      if (request.version() != HttpVersion.HTTP_2) {
        ctx.addHeadersEndHandler(v -> {
          if (!request.isEnded()) {
            ctx.response().putHeader("Connection", "close");
          }
        });
        ctx.addEndHandler(v -> {
          if (!request.isEnded()) {
            request.connection().close();
          }
        });
      }
    }
    ctx.next();
  }

  /** Reads the body (at most {@code limit} bytes) into {@code ctx.body()}, then goes on. */
  Handler<RoutingContext> read(long limit, UploadSlots slots) {
    BodyHandler body = BodyHandler.create(false).setBodyLimit(limit);
    return ctx -> {
      long declared = declaredLength(ctx.request());
      if (declared > limit) {
        throw new HttpRefusal.TooLarge("body: " + declared + " bytes; this route accepts at most " + limit);
      }
      if (!slots.tryTake()) {
        throw new DomainError.Unavailable("too many uploads in progress; try again in a moment", 1);
      }
      ctx.put(FINISH, release(ctx, slots));
      body.handle(ctx);
      ctx.request().exceptionHandler(unreadable(ctx)); // replaces the body handler's own
    };
  }

  /**
   * A body the client cut off or framed wrongly is its fault, and was logged as an internal
   * error with a stack trace. (A chunk size that is not hex never gets here: Vert.x closes the
   * connection as soon as its decoder fails, before any handler can answer.)
   */
  private static Handler<Throwable> unreadable(RoutingContext ctx) {
    return e -> {
      if (!ctx.response().ended() && !ctx.failed()) {
        ctx.fail(new HttpRefusal.BadRequest("body: could not be read (" + e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")"));
      }
    };
  }

  /** The handler right after {@link #read}'s: the body is complete (unless the deadline answered first). */
  static void finished(RoutingContext ctx) {
    BooleanSupplier finish = ctx.get(FINISH);
    if (finish == null || finish.getAsBoolean()) {
      ctx.next();
    }
  }

  private BooleanSupplier release(RoutingContext ctx, UploadSlots slots) {
    AtomicBoolean done = new AtomicBoolean();
    long timer = vertx.setTimer(deadline.toMillis(), id -> {
      if (done.compareAndSet(false, true)) {
        slots.give();
        ctx.fail(new HttpRefusal.RequestTimeout("body: not complete within " + deadline.toSeconds() + " s"));
      }
    });
    BooleanSupplier finish = () -> {
      if (!done.compareAndSet(false, true)) {
        return false;
      }
      vertx.cancelTimer(timer);
      slots.give();
      return true;
    };
    ctx.addEndHandler(v -> finish.getAsBoolean());
    return finish;
  }

  private static long declaredLength(HttpServerRequest request) {
    String header = request.getHeader("Content-Length");
    try {
      return header == null ? -1 : Long.parseLong(header.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}

package io.earshot.demo.emulator;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The common shape of a platform emulator: one Vert.x HTTP server on loopback serving that
 * platform's real endpoints, with a {@link FaultPlan} consulted before every request so tests
 * (and the sandbox demo) can script rate-limit storms, outages and revoked tokens.
 */
public abstract class EmulatorServer {
  protected final Vertx vertx;
  protected final FaultPlan faults = new FaultPlan();
  private HttpServer server;
  private long streamTimer = -1;

  protected EmulatorServer(Vertx vertx) {
    this.vertx = vertx;
  }

  /** Listens on {@code port} (0: a free port) and completes with the actual port. */
  public Future<Integer> start(int port) {
    Router router = Router.router(vertx);
    router.route().handler(BodyHandler.create().setBodyLimit(1_000_000));
    router.route().handler(this::applyFaults);
    routes(router);
    return vertx.createHttpServer().requestHandler(router).listen(port, "127.0.0.1")
        .map(s -> {
          server = s;
          return s.actualPort();
        });
  }

  public Future<Void> stop() {
    stopStream();
    return server == null ? Future.succeededFuture() : server.close();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  public FaultPlan faults() {
    return faults;
  }

  /** Adds one realistic mention every {@code everyMillis}, for a live-looking sandbox. */
  public void streamMentions(long everyMillis) {
    stopStream();
    streamTimer = vertx.setPeriodic(everyMillis, id -> seedMentions(1, 0));
  }

  /**
   * Adds one mention with a text from {@code texts} after a random pause between
   * {@code minMillis} and {@code maxMillis}, again and again: a trickle that looks live.
   */
  public void streamMentions(long minMillis, long maxMillis, Supplier<String> texts) {
    stopStream();
    scheduleNext(minMillis, maxMillis, texts);
  }

  private void scheduleNext(long minMillis, long maxMillis, Supplier<String> texts) {
    long delay = ThreadLocalRandom.current().nextLong(minMillis, maxMillis + 1);
    streamTimer = vertx.setTimer(delay, id -> {
      seedMention(texts.get());
      scheduleNext(minMillis, maxMillis, texts);
    });
  }

  public void stopStream() {
    if (streamTimer >= 0) {
      vertx.cancelTimer(streamTimer);
      streamTimer = -1;
    }
  }

  /** The platform's state, where scenarios seed its feed. */
  protected abstract SeededFeed feed();

  /** Seeds {@code count} mentions; every {@code threadEvery}-th one replies to an earlier one. */
  public void seedMentions(int count, int threadEvery) {
    feed().seedMentions(count, threadEvery);
  }

  /** Adds one customer mention of the brand with this text (the brand's handle added if absent). */
  public void seedMention(String text) {
    feed().seedMention(text);
  }

  /** Adds one item the connector must skip as malformed. */
  public void seedMalformed() {
    feed().seedMalformed();
  }

  protected abstract void routes(Router router);

  /** Writes the platform's own rate-limit answer (headers and body differ per platform). */
  protected abstract void rateLimited(RoutingContext ctx, long resetEpochMillis);

  protected abstract void serverError(RoutingContext ctx);

  private void applyFaults(RoutingContext ctx) {
    FaultPlan.Fault fault = faults.next();
    switch (fault) {
      case RATE_LIMITED -> rateLimited(ctx, faults.rateLimitResetMillis());
      case SERVER_ERROR -> serverError(ctx);
      case NONE -> ctx.next();
    }
  }
}

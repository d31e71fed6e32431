package io.earshot.demo.emulator.mastodon;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The emulated streaming API: open Server-Sent Events connections that receive a
 * {@code notification} event for every new mention and a {@code :thump} heartbeat, as Mastodon's
 * streaming server sends them. Thread-safe because tests seed (and drop connections) from their
 * own thread; every write hops onto the connection's event loop.
 */
final class MastodonStreams {
  private static final long HEARTBEAT_MS = 10_000;
  private record Stream(HttpServerResponse response, HttpConnection connection, Context context) {
  }

  private final Vertx vertx;
  private final Set<Stream> open = ConcurrentHashMap.newKeySet();
  private long heartbeat = -1;

  MastodonStreams(Vertx vertx) {
    this.vertx = vertx;
  }

  /** Keeps the response open; Mastodon greets a new stream with a ":)" comment. */
  void serve(RoutingContext ctx) {
    HttpServerResponse response = ctx.response().setChunked(true)
        .putHeader("Content-Type", "text/event-stream").putHeader("Cache-Control", "no-store");
    Stream stream = new Stream(response, ctx.request().connection(), vertx.getOrCreateContext());
    open.add(stream);
    response.closeHandler(v -> open.remove(stream));
    response.write(":)\n");
    startHeartbeat();
  }

  void push(JsonObject notification) {
    String frame = "event: notification\ndata: " + notification.encode() + "\n\n";
    open.forEach(s -> s.context().runOnContext(v -> s.response().write(frame)));
  }

  /** Closes every stream's connection abruptly, as a restarting streaming server does. */
  void dropAll() {
    open.forEach(s -> {
      open.remove(s);
      s.context().runOnContext(v -> s.connection().close());
    });
  }

  int count() {
    return open.size();
  }

  synchronized void stop() {
    vertx.cancelTimer(heartbeat);
    heartbeat = -1;
    dropAll();
  }

  private synchronized void startHeartbeat() {
    if (heartbeat < 0) {
      heartbeat = vertx.setPeriodic(HEARTBEAT_MS, id -> open.forEach(s ->
          s.context().runOnContext(v -> s.response().write(":thump\n"))));
    }
  }
}

package io.earshot.web;

import io.earshot.auth.AuthService;
import io.earshot.live.LiveFeed;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /api/v1/live}: a WebSocket per dashboard that relays every live event arriving on this
 * instance (from any instance, via Redis) as a text frame. A socket too slow to keep up is
 * closed rather than buffered without bound; the dashboard reconnects and re-reads the list.
 */
final class LiveSocket {
  private static final int WRITE_QUEUE_BYTES = 8 * 1024 * 1024;
  private final Vertx vertx;
  private final AuthService auth;

  LiveSocket(Vertx vertx, AuthService auth) {
    this.vertx = vertx;
    this.auth = auth;
  }

  /**
   * Authenticates before upgrading. The request is paused first: if its (empty) body were read
   * while the session lookup runs, the upgrade would no longer be possible.
   */
  void handle(RoutingContext ctx) {
    ctx.request().pause();
    auth.authenticate(Authenticator.secretOf(ctx.request()))
        .compose(user -> ctx.request().toWebSocket())
        .onSuccess(this::relay)
        .onFailure(ctx::fail);
  }

  private void relay(ServerWebSocket socket) {
    // An ingest batch arrives as a burst of events; allow a few bursts to queue before calling
    // the client too slow.
    socket.setWriteQueueMaxSize(WRITE_QUEUE_BYTES);
    MessageConsumer<String> consumer = vertx.eventBus().consumer(LiveFeed.LIVE_ADDRESS, message -> {
      if (socket.writeQueueFull()) {
        socket.close((short) 1013, "too slow; reconnect and reload");
      } else {
        socket.writeTextMessage(message.body());
      }
    });
    socket.closeHandler(v -> consumer.unregister());
    socket.exceptionHandler(e -> consumer.unregister());
  }
}

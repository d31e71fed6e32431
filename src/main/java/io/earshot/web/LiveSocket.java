package io.earshot.web;

import io.earshot.auth.AuthService;
import io.earshot.auth.Caller;
import io.earshot.auth.Revocations;
import io.earshot.error.DomainError;
import io.earshot.live.LiveFeed;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code /api/v1/live}: a WebSocket per dashboard that relays every live event arriving on this
 * instance (from any instance, via Redis) as a text frame, and the messages addressed to its
 * user (notifications). It opens only for a signed-in caller
 * from the hub's own origin (a page elsewhere cannot read the feed with the user's cookie), and
 * it lives only as long as its credential: it closes (1008) as soon as that credential is ended
 * anywhere ({@link Events#REVOKED_ADDRESS}), and re-checks it every {@link #RECHECK} in case that
 * signal was lost. A socket too slow to keep up is closed rather than buffered without bound;
 * the dashboard reconnects and re-reads the list. Pings keep an idle feed inside the HTTP idle
 * timeout.
 */
final class LiveSocket {
  static final Duration RECHECK = Duration.ofSeconds(2);
  private static final int WRITE_QUEUE_BYTES = 8 * 1024 * 1024;
  private static final short POLICY_VIOLATION = 1008;
  private final Vertx vertx;
  private final AuthService auth;
  private final CsrfGuard csrf;
  private final long pingEveryMs;
  private final Set<ServerWebSocket> checking = ConcurrentHashMap.newKeySet();

  LiveSocket(Vertx vertx, AuthService auth, CsrfGuard csrf, Duration idleTimeout) {
    this.vertx = vertx;
    this.auth = auth;
    this.csrf = csrf;
    this.pingEveryMs = Math.max(1000, idleTimeout.toMillis() / 3);
  }

  /**
   * Checks origin and credential before upgrading. The request is paused first: if its (empty)
   * body were read while the session lookup runs, the upgrade would no longer be possible.
   */
  void handle(RoutingContext ctx) {
    ctx.request().pause();
    requireHandshake(ctx.request());
    csrf.rejectForeignOrigin(ctx.request());
    auth.authenticate(Authenticator.secretOf(ctx.request())).compose(PasswordGate::admit)
        .compose(caller -> ctx.request().toWebSocket().map(socket -> {
          relay(socket, caller);
          return socket;
        }))
        .onFailure(ctx::fail);
  }

  /**
   * A handshake Vert.x would refuse is refused here, in the error shape and naming the header:
   * Vert.x itself answers an empty 400 or 426, and the failed upgrade was logged as an internal
   * error with its stack trace, once per request. A declared body, which no handshake has, would
   * hold the upgrade until it arrived: refused at once.
   */
  private static void requireHandshake(HttpServerRequest request) {
    if (!hasToken(request, "Upgrade", "websocket") || !hasToken(request, "Connection", "upgrade")) {
      throw new DomainError.Invalid("Upgrade", "this is the live WebSocket: send Upgrade: websocket and Connection: Upgrade");
    }
    String version = request.getHeader("Sec-WebSocket-Version");
    if (version == null || !version.trim().equals("13")) {
      request.response().putHeader("Sec-WebSocket-Version", "13");
      throw new HttpRefusal.UpgradeRequired("Sec-WebSocket-Version: this hub speaks version 13 only");
    }
    if (!validKey(request.getHeader("Sec-WebSocket-Key"))) {
      throw new DomainError.Invalid("Sec-WebSocket-Key", "must be 16 bytes in base64");
    }
    String length = request.getHeader("Content-Length");
    if (request.getHeader("Transfer-Encoding") != null || length != null && !length.trim().equals("0")) {
      throw new DomainError.Invalid("body", "a WebSocket handshake has no body");
    }
  }

  private static boolean hasToken(HttpServerRequest request, String header, String token) {
    return request.headers().getAll(header).stream().flatMap(v -> Arrays.stream(v.split(",")))
        .anyMatch(t -> t.trim().equalsIgnoreCase(token));
  }

  private static boolean validKey(String key) {
    try {
      return key != null && Base64.getDecoder().decode(key.trim()).length == 16;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private void relay(ServerWebSocket socket, Caller caller) {
    // An ingest batch arrives as a burst of events; allow a few bursts to queue before calling
    // the client too slow.
    socket.setWriteQueueMaxSize(WRITE_QUEUE_BYTES);
    MessageConsumer<String> events = vertx.eventBus().consumer(LiveFeed.LIVE_ADDRESS, message -> {
      if (socket.writeQueueFull()) {
        socket.close((short) 1013, "too slow; reconnect and reload");
      } else {
        socket.writeTextMessage(message.body());
      }
    });
    MessageConsumer<String> addressed = vertx.eventBus().consumer(LiveFeed.userAddress(caller.user().username()),
        message -> {
          if (!socket.writeQueueFull()) {
            socket.writeTextMessage(message.body());
          }
        });
    MessageConsumer<String> revoked = vertx.eventBus().consumer(Revocations.REVOKED_ADDRESS, message -> {
      if (names(message.body(), caller.credentialId())) {
        socket.close(POLICY_VIOLATION, "session ended");
      }
    });
    long recheck = vertx.setPeriodic(RECHECK.toMillis(), id -> recheck(socket, caller));
    long ping = vertx.setPeriodic(pingEveryMs, id -> socket.writePing(Buffer.buffer("earshot")));
    Runnable stop = () -> {
      events.unregister();
      addressed.unregister();
      revoked.unregister();
      vertx.cancelTimer(recheck);
      vertx.cancelTimer(ping);
    };
    socket.closeHandler(v -> stop.run());
    socket.exceptionHandler(e -> stop.run());
  }

  /**
   * Only an ended credential closes the socket; a failed lookup (MongoDB unreachable) keeps it,
   * since the dashboard could not sign in again meanwhile anyway. One check at a time per socket.
   */
  private void recheck(ServerWebSocket socket, Caller caller) {
    if (socket.isClosed() || checking.contains(socket)) {
      return;
    }
    checking.add(socket);
    auth.callerOf(caller.credentialId())
        .onComplete(r -> checking.remove(socket))
        .onFailure(e -> {
          if (e instanceof DomainError.Unauthenticated) {
            socket.close(POLICY_VIOLATION, "session ended");
          }
        });
  }

  private static boolean names(String message, String credentialId) {
    try {
      return new JsonObject(message).getJsonArray("credentials").contains(credentialId);
    } catch (RuntimeException e) {
      return false;
    }
  }
}

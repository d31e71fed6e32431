package io.earshot.bench;

import io.earshot.domain.Mention;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.earshot.domain.event.EventType;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.core.http.PoolOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ingest-to-dashboard latency: posts mentions to the ingest API at a steady rate while a real
 * WebSocket client, signed in like a dashboard, waits for each one's {@code mention.received}
 * event. Latency is measured from just before the HTTP request to the event's arrival.
 */
final class LatencyProbe {
  private static final long TICK_MS = 10;
  private final Vertx vertx;
  private final WebClient http;
  /** Held for the whole run: Vert.x closes a client (and its sockets) once it is unreachable. */
  private final WebSocketClient sockets;
  private final int port;
  private final String ingestToken;
  private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
  private final List<Double> latenciesMs = new ArrayList<>();

  LatencyProbe(Vertx vertx, int port, String ingestToken) {
    this.vertx = vertx;
    // Enough connections that the client never caps the offered rate.
    this.http = WebClient.create(vertx, new WebClientOptions(), new PoolOptions().setHttp1MaxSize(64));
    this.sockets = vertx.createWebSocketClient();
    this.port = port;
    this.ingestToken = ingestToken;
  }

  Future<Void> connect(String sessionCookie) {
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
        .setURI("/api/v1/live").addHeader("Cookie", sessionCookie);
    return sockets.connect(options).onSuccess(this::listen).mapEmpty();
  }

  private void listen(WebSocket socket) {
    socket.textMessageHandler(text -> {
      JsonObject event = new JsonObject(text);
      if (EventType.MENTION_RECEIVED.code().equals(event.getString("type"))) {
        Long sent = sentAt.remove(event.getJsonObject("data").getJsonObject("mention").getString("externalId"));
        if (sent != null) {
          latenciesMs.add((System.nanoTime() - sent) / 1e6);
        }
      }
    });
  }

  /** Sends {@code rate} mentions per second for {@code seconds}; answers the latencies seen. */
  Future<double[]> run(BenchMentions source, int rate, int seconds) {
    Promise<double[]> done = Promise.promise();
    long ticks = seconds * 1000L / TICK_MS;
    double perTick = rate * TICK_MS / 1000.0;
    double[] carry = {0};
    long[] tick = {0};
    vertx.setPeriodic(TICK_MS, id -> {
      if (tick[0]++ >= ticks) {
        vertx.cancelTimer(id);
        vertx.setTimer(2000, t -> done.complete(latenciesMs.stream().mapToDouble(Double::doubleValue).toArray()));
        return;
      }
      carry[0] += perTick;
      int n = (int) carry[0];
      carry[0] -= n;
      if (n > 0) {
        send(source, n);
      }
    });
    return done.future();
  }

  private void send(BenchMentions source, int n) {
    JsonArray batch = new JsonArray();
    long now = System.nanoTime();
    for (int i = 0; i < n; i++) {
      Mention m = source.next();
      sentAt.put(m.externalId(), now);
      batch.add(BenchMentions.json(m, ""));
    }
    http.post(port, "127.0.0.1", "/api/v1/mentions").bearerTokenAuthentication(ingestToken)
        .sendBuffer(Buffer.buffer(batch.encode()));
  }

  int lost() {
    return sentAt.size();
  }
}

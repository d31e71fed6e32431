package io.earshot.testing;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A dashboard-like WebSocket client on {@code /api/v1/live} that records every event. */
public final class LiveListener implements AutoCloseable {
  private final Vertx vertx = Vertx.vertx();
  private final List<JsonObject> events = new CopyOnWriteArrayList<>();
  private final WebSocket socket;
  /** Held while listening: Vert.x closes a client (and its sockets) once it is unreachable. */
  private final WebSocketClient client;

  public LiveListener(int port, String sessionCookie) {
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
        .setURI("/api/v1/live").addHeader("Cookie", sessionCookie);
    client = vertx.createWebSocketClient();
    socket = client.connect(options).await();
    socket.textMessageHandler(text -> events.add(new JsonObject(text)));
  }

  /**
   * Whether an event of {@code type} arrived whose payload record {@code record} (e.g. {@code mention}
   * in {@code data.mention}) has {@code field} equal to {@code value}.
   */
  public boolean saw(String type, String record, String field, String value) {
    return events.stream().anyMatch(e -> type.equals(e.getString("type"))
        && e.getJsonObject("data").getJsonObject(record) != null
        && value.equals(e.getJsonObject("data").getJsonObject(record).getString(field)));
  }

  public List<JsonObject> events() {
    return events;
  }

  @Override
  public void close() {
    vertx.close().await();
  }
}

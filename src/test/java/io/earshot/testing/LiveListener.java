package io.earshot.testing;

import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A dashboard-like WebSocket client on {@code /api/v1/live} that records every event, and whether it was closed. */
public final class LiveListener implements AutoCloseable {
  private final Vertx vertx = Vertx.vertx();
  private final List<JsonObject> events = new CopyOnWriteArrayList<>();
  private final WebSocket socket;
  /** Held while listening: Vert.x closes a client (and its sockets) once it is unreachable. */
  private final WebSocketClient client;
  private volatile Short closeStatus;

  public LiveListener(int port, String sessionCookie) {
    this(port, sessionCookie, null);
  }

  /** Connects with the given cookie and, when not null, {@code Origin} header. */
  public LiveListener(int port, String sessionCookie, String origin) {
    client = vertx.createWebSocketClient();
    socket = client.connect(options(port, sessionCookie, origin)).await();
    socket.textMessageHandler(text -> events.add(new JsonObject(text)));
    socket.closeHandler(v -> closeStatus = socket.closeStatusCode() == null ? -1 : socket.closeStatusCode());
  }

  /** The HTTP status the hub answers an upgrade with: 101 when the socket opens. */
  public static int upgradeStatus(int port, String sessionCookie, String origin) {
    Vertx vertx = Vertx.vertx();
    try {
      vertx.createWebSocketClient().connect(options(port, sessionCookie, origin)).await().close().await();
      return 101;
    } catch (UpgradeRejectedException e) {
      return e.getStatus();
    } finally {
      vertx.close().await();
    }
  }

  private static WebSocketConnectOptions options(int port, String sessionCookie, String origin) {
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
        .setURI("/api/v1/live");
    if (sessionCookie != null) {
      options.addHeader("Cookie", sessionCookie);
    }
    if (origin != null) {
      options.addHeader("Origin", origin);
    }
    return options;
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

  /** Whether the hub closed the socket. */
  public boolean closed() {
    return closeStatus != null;
  }

  /** The close status the hub sent (1008 for an ended session), or null while open. */
  public Short closeStatus() {
    return closeStatus;
  }

  @Override
  public void close() {
    vertx.close().await();
  }
}

package io.earshot.webhook;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook receiver for tests, as a customer would write one: a real HTTP server on a free port
 * that keeps every request it got and answers as scripted: 200, 500, or nothing at all (the
 * request is left hanging, as a receiver that stopped answering would). Signatures are checked
 * with the JDK's own HMAC, not with the hub's code.
 */
final class Receiver implements AutoCloseable {
  enum Answer { OK, FAIL, HANG }

  /** One request as it arrived, and how it was answered. */
  record Request(Map<String, String> headers, byte[] body, Answer answer) {
    JsonObject json() {
      return new JsonObject(new String(body, StandardCharsets.UTF_8));
    }

    String eventId() {
      return json().getString("id");
    }

    String type() {
      return json().getString("type");
    }

    /** The receiver's check: HMAC-SHA256 over the raw bytes, compared in constant time. */
    boolean verifies(String secret) {
      try {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        String given = headers.getOrDefault("x-earshot-signature", "");
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
            given.getBytes(StandardCharsets.US_ASCII));
      } catch (java.security.GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private final Vertx vertx = Vertx.vertx();
  private final HttpServer server;
  private final Queue<Answer> script = new ConcurrentLinkedQueue<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private volatile Answer otherwise = Answer.OK;

  Receiver() {
    server = vertx.createHttpServer().requestHandler(this::handle).listen(0, "127.0.0.1").await();
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.actualPort() + path;
  }

  /** The next requests are answered so, in order; then {@link #otherwise}. */
  void script(Answer... next) {
    script.addAll(List.of(next));
  }

  void otherwise(Answer answer) {
    otherwise = answer;
  }

  List<Request> requests() {
    return requests;
  }

  /** The requests deduplicated by event id, as a receiver must: the first of each id, in arrival order. */
  Map<String, Request> distinct() {
    Map<String, Request> byId = new LinkedHashMap<>();
    requests.forEach(r -> byId.putIfAbsent(r.eventId(), r));
    return byId;
  }

  /** Event ids this receiver answered 2xx. */
  List<String> acknowledged() {
    return requests.stream().filter(r -> r.answer() == Answer.OK).map(Request::eventId).toList();
  }

  private void handle(HttpServerRequest request) {
    request.body().onSuccess(body -> {
      Answer scripted = script.poll();
      Answer answer = scripted == null ? otherwise : scripted;
      Map<String, String> headers = new LinkedHashMap<>();
      request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
      requests.add(new Request(headers, body.getBytes(), answer));
      switch (answer) {
        case OK -> request.response().setStatusCode(200).end("thanks");
        case FAIL -> request.response().setStatusCode(500).end("receiver is down");
        case HANG -> { }
      }
    });
  }

  @Override
  public void close() {
    vertx.close().await();
  }
}

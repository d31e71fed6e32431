package io.earshot.connector.mastodon;

import io.earshot.connector.http.SseParser;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mastodon's streaming API ({@code GET /api/v1/streaming/user/notification}, Server-Sent Events)
 * as a wake-up signal only: it stores nothing and calls {@code wake} for each mention
 * notification and once after every (re)connect, so the poll's min_id catch-up reads whatever
 * was missed. Drops reconnect with exponential backoff, 1 s up to 60 s, reset once a connection
 * stayed up for a minute. Never throws; failures are logged and retried.
 */
final class MastodonStream {
  private static final Logger LOG = LoggerFactory.getLogger(MastodonStream.class);
  private static final long MAX_DELAY_MS = 60_000;
  private static final long HEALTHY_MS = 60_000;
  // The streaming server sends a ":thump" heartbeat about every 15 s; silence much longer than
  // that means a half-open connection, which only an idle timeout notices.
  private static final int IDLE_SECONDS = 45;
  private final Vertx vertx;
  private final HttpClient client;
  private final String account;
  private final String token;
  private String url;
  private Runnable wake;
  private long session;
  private int failures;
  private long connectedAt;
  private long retryTimer = -1;
  private HttpClientRequest current;

  MastodonStream(Vertx vertx, String account, String token) {
    this.vertx = vertx;
    this.account = account;
    this.token = token;
    this.client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(10_000)
        .setIdleTimeout(IDLE_SECONDS).setKeepAlive(false));
  }

  /** Connects to {@code url} and keeps reconnecting until {@link #close}. */
  synchronized void open(String url, Runnable wake) {
    close();
    this.url = url;
    this.wake = wake;
    failures = 0;
    connect(session);
  }

  synchronized void close() {
    session++;
    wake = null;
    vertx.cancelTimer(retryTimer);
    if (current != null) {
      current.reset();
      current = null;
    }
  }

  Future<Void> shutdown() {
    close();
    return client.close();
  }

  private void connect(long s) {
    RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url)
        .putHeader("Authorization", "Bearer " + token).putHeader("Accept", "text/event-stream");
    client.request(request)
        .compose(req -> remember(s, req).send())
        .compose(MastodonStream::accepted)
        .onSuccess(response -> listen(s, response))
        .onFailure(e -> dropped(s, e.toString()));
  }

  private synchronized HttpClientRequest remember(long s, HttpClientRequest req) {
    if (s == session) {
      current = req;
    }
    return req;
  }

  private static Future<HttpClientResponse> accepted(HttpClientResponse response) {
    if (response.statusCode() == 200) {
      return Future.succeededFuture(response);
    }
    return response.body().transform(ar -> Future.failedFuture("HTTP " + response.statusCode()));
  }

  private synchronized void listen(long s, HttpClientResponse response) {
    if (s != session) {
      response.request().reset();
      return;
    }
    connectedAt = System.currentTimeMillis();
    LOG.info("mastodon stream connected account={}", account);
    SseParser parser = new SseParser(event -> onEvent(s, event));
    response.handler(chunk -> parser.feed(chunk.getBytes()));
    response.exceptionHandler(e -> dropped(s, e.toString()));
    response.endHandler(v -> dropped(s, "closed by the server"));
    fire(s);
  }

  /** Only the first report of a connection counts: an exception is often followed by its end. */
  private synchronized void dropped(long s, String reason) {
    if (s != session) {
      return;
    }
    long next = ++session;
    current = null;
    if (connectedAt > 0 && System.currentTimeMillis() - connectedAt >= HEALTHY_MS) {
      failures = 0;
    }
    connectedAt = 0;
    long delay = Math.min(MAX_DELAY_MS, 1000L << Math.min(failures, 6));
    failures++;
    LOG.warn("mastodon stream down account={} reconnect_in_ms={}: {}", account, delay, reason);
    retryTimer = vertx.setTimer(delay, id -> reconnect(next));
  }

  private synchronized void reconnect(long s) {
    if (s == session) {
      connect(s);
    }
  }

  private void onEvent(long s, SseParser.Event event) {
    if ("notification".equals(event.type()) && isMention(event.data())) {
      fire(s);
    }
  }

  /** An unreadable notification still wakes the poller: a poll is cheap and decides for itself. */
  private static boolean isMention(String data) {
    try {
      return "mention".equals(new JsonObject(data).getString("type"));
    } catch (DecodeException | ClassCastException unreadable) {
      return true;
    }
  }

  private void fire(long s) {
    Runnable target;
    synchronized (this) {
      target = s == session ? wake : null;
    }
    try {
      if (target != null) {
        target.run();
      }
    } catch (RuntimeException e) {
      LOG.warn("mastodon stream wake-up failed account={}: {}", account, e.toString());
    }
  }
}

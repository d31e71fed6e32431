package io.earshot.webhook;

import io.earshot.domain.Webhook;
import io.earshot.domain.WebhookDelivery;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.codec.BodyCodec;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * POSTs one delivery's body to its endpoint, signed with the endpoint's current secret, and says
 * how it went. The receiver's answer body is discarded unread (a receiver cannot make the hub
 * buffer it), redirects are not followed, and an answer that has not come within the timeout
 * counts as no answer. Never fails: every fault is an {@link Outcome}.
 */
final class WebhookSender {
  static final String EVENT_ID = "X-Earshot-Event-Id";
  static final String EVENT_TYPE = "X-Earshot-Event";
  static final String TIMESTAMP = "X-Earshot-Timestamp";
  static final String DELIVERY = "X-Earshot-Delivery";
  private static final int MAX_ERROR = 300;
  private final WebClient client;
  private final Duration timeout;
  private final Clock clock;

  /** What one attempt came to: the answer's status, or null and what went wrong. */
  record Outcome(Integer status, String error) {
    boolean delivered() {
      return status != null && status >= 200 && status < 300;
    }
  }

  WebhookSender(Vertx vertx, Duration timeout, int maxConnectionsPerHost, Clock clock) {
    WebClientOptions options = new WebClientOptions().setUserAgent("Earshot-Webhooks/1")
        .setFollowRedirects(false).setConnectTimeout((int) timeout.toMillis());
    this.client = WebClient.create(vertx, options, new PoolOptions().setHttp1MaxSize(maxConnectionsPerHost));
    this.timeout = timeout;
    this.clock = clock;
  }

  Future<Outcome> post(Webhook webhook, WebhookDelivery delivery) {
    Buffer body = Buffer.buffer(delivery.body());
    Future<HttpResponse<Void>> answer;
    try {
      answer = client.postAbs(webhook.url()).timeout(timeout.toMillis()).as(BodyCodec.none())
          .putHeader("Content-Type", "application/json")
          .putHeader(Signature.HEADER, Signature.of(webhook.secret(), body.getBytes()))
          .putHeader(EVENT_ID, delivery.eventId()).putHeader(EVENT_TYPE, delivery.type())
          .putHeader(DELIVERY, delivery.id())
          .putHeader(TIMESTAMP, Long.toString(clock.instant().getEpochSecond()))
          .sendBuffer(body);
    } catch (RuntimeException e) {
      answer = Future.failedFuture(e);
    }
    // The client's timeout ends a silent receiver; this bound also ends one that trickles its answer.
    return answer.timeout(2 * timeout.toMillis(), TimeUnit.MILLISECONDS)
        .map(r -> new Outcome(r.statusCode(), r.statusCode() / 100 == 2 ? null : "answered HTTP " + r.statusCode()))
        .recover(e -> Future.succeededFuture(new Outcome(null, describe(e))));
  }

  private static String describe(Throwable e) {
    String text = e.getClass().getSimpleName() + ": " + e.getMessage();
    return text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) : text;
  }

  void close() {
    client.close();
  }
}

package io.earshot.demo.emulator.meta;

import io.earshot.demo.emulator.meta.MetaState.Comment;
import io.earshot.demo.emulator.meta.MetaState.Surface;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Meta's webhook side: every new customer comment is POSTed to the subscribed callback as Meta
 * sends it (Page {@code feed} changes, Instagram {@code comments} changes), signed with
 * {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body with the app secret>}.
 * Tests make it lossy with {@link #drop(double)}, as a hub that is down or slow would see it.
 */
public final class MetaWebhookSender {
  private final WebClient client;
  private final String appSecret;
  private final Random random = new Random(15);
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();
  private final AtomicLong answered = new AtomicLong();
  private volatile String callback;
  private volatile double dropFraction;

  MetaWebhookSender(Vertx vertx, String appSecret) {
    this.client = WebClient.create(vertx);
    this.appSecret = appSecret;
  }

  /** Deliveries go to this URL from now on (null: none). */
  public void subscribe(String callbackUrl) {
    callback = callbackUrl;
  }

  /** This fraction of deliveries (0..1) is silently never sent. */
  public void drop(double fraction) {
    dropFraction = fraction;
  }

  /** Meta's verification request: answers the body the callback gave for {@code hub.challenge}. */
  public Future<String> verify(String callbackUrl, String verifyToken, String challenge) {
    return client.getAbs(callbackUrl).addQueryParam("hub.mode", "subscribe")
        .addQueryParam("hub.verify_token", verifyToken).addQueryParam("hub.challenge", challenge).send()
        .map(r -> r.statusCode() + " " + r.bodyAsString());
  }

  public long sent() {
    return sent.get();
  }

  public long dropped() {
    return dropped.get();
  }

  /** Deliveries whose answer (or failure) came back. */
  public long answered() {
    return answered.get();
  }

  /** Deliveries the callback answered with anything but 200. */
  public long refused() {
    return refused.get();
  }

  void deliver(Comment c) {
    String url = callback;
    if (url == null) {
      return;
    }
    synchronized (random) {
      if (random.nextDouble() < dropFraction) {
        dropped.incrementAndGet();
        return;
      }
    }
    send(url, payload(c));
  }

  private void send(String url, JsonObject payload) {
    Buffer body = Buffer.buffer(payload.encode());
    sent.incrementAndGet();
    client.postAbs(url).putHeader("Content-Type", "application/json")
        .putHeader("X-Hub-Signature-256", "sha256=" + sign(body.getBytes(), appSecret)).sendBuffer(body)
        .onComplete(ar -> {
          if (ar.failed() || ar.result().statusCode() != 200) {
            refused.incrementAndGet();
          }
          answered.incrementAndGet();
        });
  }

  /** Meta's Instagram {@code mentions} change: the media, and the comment when the mention is in one. */
  void deliverMention(String mediaId, String commentId) {
    String url = callback;
    if (url == null) {
      return;
    }
    JsonObject value = new JsonObject().put("media_id", mediaId);
    if (commentId != null) {
      value.put("comment_id", commentId);
    }
    JsonObject entry = new JsonObject().put("id", MetaState.IG_USER_ID).put("time", System.currentTimeMillis() / 1000)
        .put("changes", new JsonArray().add(new JsonObject().put("field", "mentions").put("value", value)));
    send(url, new JsonObject().put("object", "instagram").put("entry", new JsonArray().add(entry)));
  }

  static JsonObject payload(Comment c) {
    boolean fb = c.post.surface == Surface.FACEBOOK;
    JsonObject value = fb ? facebookValue(c) : instagramValue(c);
    JsonObject change = new JsonObject().put("field", fb ? "feed" : "comments").put("value", value);
    JsonObject entry = new JsonObject().put("id", fb ? MetaState.PAGE_ID : MetaState.IG_USER_ID)
        .put("time", c.created.getEpochSecond()).put("changes", new JsonArray().add(change));
    return new JsonObject().put("object", fb ? "page" : "instagram").put("entry", new JsonArray().add(entry));
  }

  private static JsonObject facebookValue(Comment c) {
    return new JsonObject().put("from", new JsonObject().put("id", c.authorId).put("name", c.authorName))
        .put("post", new JsonObject().put("id", c.post.id)).put("message", c.text).put("post_id", c.post.id)
        .put("comment_id", c.id).put("created_time", c.created.getEpochSecond()).put("item", "comment")
        .put("parent_id", c.parent == null ? c.post.id : c.parent.id).put("verb", "add");
  }

  private static JsonObject instagramValue(Comment c) {
    JsonObject value = new JsonObject().put("from", new JsonObject().put("id", c.authorId).put("username", c.authorName))
        .put("media", new JsonObject().put("id", c.post.id).put("media_product_type", "FEED"))
        .put("id", c.id).put("text", c.text);
    if (c.parent != null) {
      value.put("parent_id", c.parent.id);
    }
    return value;
  }

  /** Hex HMAC-SHA256, as Meta signs deliveries. */
  public static String sign(byte[] body, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  void close() {
    client.close();
  }
}

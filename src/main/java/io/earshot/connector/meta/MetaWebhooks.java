package io.earshot.connector.meta;

import io.earshot.connector.ConnectorException;
import io.earshot.connector.ConnectorRegistry;
import io.earshot.domain.Mention;
import io.earshot.ingest.IngestPipeline;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Meta's webhook deliveries may do to this hub: prove they come from one of the configured
 * Meta apps (the subscription handshake's {@code verifyToken}, every delivery's
 * {@code X-Hub-Signature-256} over its raw body, both compared in constant time), and bring the
 * next poll of the accounts they name forward. A comment delivery stores nothing: the poll that
 * follows reads the comments and advances the cursor only after they are stored, so a dropped,
 * replayed or reordered delivery changes nothing but timing. Instagram @mentions elsewhere are the
 * exception ({@link #deliver}): no poll can find them. Every instance builds every account's
 * connector, so every instance can verify; only the one polling an account is woken (on the
 * others the poll interval is the safety net).
 */
public final class MetaWebhooks {
  private static final Logger LOG = LoggerFactory.getLogger(MetaWebhooks.class);
  private final ConnectorRegistry registry;
  private final IngestPipeline pipeline;

  public MetaWebhooks(ConnectorRegistry registry, IngestPipeline pipeline) {
    this.registry = registry;
    this.pipeline = pipeline;
  }

  private List<MetaConnector> accounts() {
    return registry.all().stream().filter(MetaConnector.class::isInstance).map(MetaConnector.class::cast).toList();
  }

  /** True when some Meta account names this verify token. */
  public boolean verifyTokenMatches(String token) {
    if (token == null || token.isEmpty()) {
      return false;
    }
    byte[] given = token.getBytes(StandardCharsets.UTF_8);
    boolean match = false;
    for (String expected : accounts().stream().map(MetaConnector::verifyToken).filter(Objects::nonNull).toList()) {
      match |= MessageDigest.isEqual(given, expected.getBytes(StandardCharsets.UTF_8));
    }
    return match;
  }

  /** True when {@code header} is {@code sha256=<hex>} of {@code body} under some account's app secret. */
  public boolean signedByMeta(byte[] body, String header) {
    if (header == null || !header.startsWith("sha256=")) {
      return false;
    }
    byte[] given;
    try {
      given = HexFormat.of().parseHex(header.substring(7).trim().toLowerCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException notHex) {
      return false;
    }
    boolean match = false;
    for (String secret : accounts().stream().map(MetaConnector::appSecret).filter(Objects::nonNull).distinct().toList()) {
      match |= MessageDigest.isEqual(given, mac(body, secret));
    }
    return match;
  }

  /** What a verified delivery did on this instance: polls woken, Instagram @mentions stored. */
  public record Delivered(int woken, int mentions) {
  }

  /**
   * Wakes the accounts a verified delivery's entries name, and stores the Instagram @mentions it
   * announces (field {@code mentions}): those exist nowhere a poll could find them, so they are
   * read from Graph and offered to the pipeline here, and the Future completes only once they are
   * stored (a failure fails it, the hub answers 503, and Meta delivers again; ingest keeps one;
   * a mention Graph refuses outright is skipped).
   */
  public Future<Delivered> deliver(JsonObject delivery) {
    int woken = 0;
    List<Future<Mention>> mentions = new ArrayList<>();
    JsonArray entries = delivery.getJsonArray("entry", new JsonArray());
    for (Object e : entries) {
      JsonObject entry = e instanceof JsonObject o ? o : new JsonObject();
      String id = entry.getValue("id") == null ? null : String.valueOf(entry.getValue("id"));
      for (MetaConnector c : accounts()) {
        woken += c.poke(id) ? 1 : 0;
        mentionsOf(entry).forEach(value -> mentions.add(c.mentioned(id, value).map(m -> m == null ? null
            : m.orBrand(c.account().brand())).recover(MetaWebhooks::gone)));
      }
    }
    int wokenHere = woken;
    LOG.debug("meta webhook object={} entries={} woken={} mentions={}", delivery.getString("object"), entries.size(),
        woken, mentions.size());
    return Future.all(new ArrayList<>(mentions)).compose(all -> store(mentions.stream().map(Future::result)
        .filter(Objects::nonNull).toList())).map(stored -> new Delivered(wokenHere, stored));
  }

  private Future<Integer> store(List<Mention> mentions) {
    if (mentions.isEmpty()) {
      return Future.succeededFuture(0);
    }
    return pipeline.offer(mentions).map(r -> {
      r.rejected().forEach(x -> LOG.warn("meta mention refused index={} field={}: {}", x.index(), x.field(), x.error()));
      return r.accepted() + r.duplicates();
    });
  }

  /**
   * A mention Graph refuses outright (deleted since, or comments turned off on its post) will not
   * come back however often Meta delivers it: skipped, so Meta is not made to retry for a day.
   * Anything else (token, throttling, Graph down) fails the delivery, and Meta delivers it again.
   */
  private static Future<Mention> gone(Throwable e) {
    if (e instanceof ConnectorException.Rejected) {
      LOG.warn("meta mention skipped, Graph refused it: {}", e.getMessage());
      return Future.succeededFuture();
    }
    return Future.failedFuture(e);
  }

  /** The values of an entry's {@code mentions} changes (Instagram only sends them). */
  private static List<JsonObject> mentionsOf(JsonObject entry) {
    List<JsonObject> out = new ArrayList<>();
    for (Object c : entry.getJsonArray("changes", new JsonArray())) {
      if (c instanceof JsonObject change && "mentions".equals(change.getString("field"))
          && change.getValue("value") instanceof JsonObject value && value.getValue("media_id") != null) {
        out.add(value);
      }
    }
    return out;
  }

  private static byte[] mac(byte[] body, String secret) {
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(body);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}

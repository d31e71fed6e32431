package io.earshot.connector.meta;

import io.earshot.connector.ConnectorRegistry;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Meta's webhook deliveries may do to this hub: prove they come from one of the configured
 * Meta apps (the subscription handshake's {@code verifyToken}, every delivery's
 * {@code X-Hub-Signature-256} over its raw body, both compared in constant time), and bring the
 * next poll of the accounts they name forward. A delivery stores nothing: the poll that follows
 * reads the comments and advances the cursor only after they are stored, so a dropped, replayed
 * or reordered delivery changes nothing but timing. Every instance builds every account's
 * connector, so every instance can verify; only the one polling an account is woken (on the
 * others the poll interval is the safety net).
 */
public final class MetaWebhooks {
  private static final Logger LOG = LoggerFactory.getLogger(MetaWebhooks.class);
  private final ConnectorRegistry registry;

  public MetaWebhooks(ConnectorRegistry registry) {
    this.registry = registry;
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

  /** Wakes the accounts a verified delivery's entries name; how many were woken on this instance. */
  public int deliver(JsonObject delivery) {
    int woken = 0;
    JsonArray entries = delivery.getJsonArray("entry", new JsonArray());
    for (Object e : entries) {
      String id = e instanceof JsonObject entry ? String.valueOf(entry.getValue("id")) : null;
      for (MetaConnector c : accounts()) {
        woken += c.poke(id) ? 1 : 0;
      }
    }
    LOG.debug("meta webhook object={} entries={} woken={}", delivery.getString("object"), entries.size(), woken);
    return woken;
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

package io.earshot.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook signature header, {@code X-Earshot-Signature: sha256=<hex>}: the HMAC-SHA256 of the
 * raw request body, keyed with the endpoint's secret (its UTF-8 bytes). A receiver recomputes it
 * over the bytes it received, before parsing them, and compares in constant time.
 */
public final class Signature {
  public static final String HEADER = "X-Earshot-Signature";
  private static final String PREFIX = "sha256=";

  private Signature() {
  }

  public static String of(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      // Every Java runtime ships HmacSHA256; failing here means a broken JDK.
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}

package io.earshot.connector.bluesky;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;

/**
 * atproto record keys for posts are TIDs: 64 bits (53 of microseconds since the epoch, 10 of
 * clock id, top bit zero) written as 13 characters of base32-sortable. Earshot needs the same
 * key on every retry of one publish, so {@link #fromKey} derives it from the idempotency key:
 * a hash chooses a microsecond within the year after {@link #BASE} and a clock id, which keeps
 * the key a syntactically valid, past-dated TID without any stored state.
 */
public final class Tid {
  private static final String ALPHABET = "234567abcdefghijklmnopqrstuvwxyz";
  private static final long BASE = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli() * 1000;
  private static final long YEAR_MICROS = 365L * 24 * 3600 * 1_000_000;

  private Tid() {
  }

  public static String of(long micros, int clockId) {
    long value = ((micros & ((1L << 53) - 1)) << 10) | (clockId & 0x3FF);
    char[] out = new char[13];
    for (int i = 12; i >= 0; i--) {
      out[i] = ALPHABET.charAt((int) (value & 31));
      value >>>= 5;
    }
    return new String(out);
  }

  /** The same idempotency key (within one repo) always yields the same record key. */
  public static String fromKey(String repo, String idempotencyKey) {
    byte[] hash = sha256(repo + "\n" + idempotencyKey);
    long bits = 0;
    for (int i = 0; i < 8; i++) {
      bits = (bits << 8) | (hash[i] & 0xFF);
    }
    return of(BASE + Long.remainderUnsigned(bits, YEAR_MICROS), (hash[8] & 0xFF) << 2 | (hash[9] & 3));
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}

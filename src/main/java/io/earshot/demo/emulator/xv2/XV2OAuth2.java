package io.earshot.demo.emulator.xv2;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * X's OAuth 2.0 token side: access tokens that expire (two hours unless a test says otherwise)
 * and refresh tokens that rotate, each valid for exactly one refresh, as X issues them with
 * {@code offline.access}. Synchronized: tests script it from their own thread.
 */
final class XV2OAuth2 {
  private final Map<String, Instant> access = new HashMap<>();
  private final Set<String> refresh = new HashSet<>();
  private Duration accessTtl = Duration.ofHours(2);
  private int refreshes;

  /** A grant as the authorization step (PKCE) would leave it: one refresh token. */
  synchronized String grant() {
    String token = "rt-" + UUID.randomUUID();
    refresh.add(token);
    return token;
  }

  synchronized void accessTtl(Duration ttl) {
    accessTtl = ttl;
  }

  synchronized void expireAll() {
    access.replaceAll((k, v) -> Instant.EPOCH);
  }

  /** Revokes every token, as when the user removes the app. */
  synchronized void revokeAll() {
    access.clear();
    refresh.clear();
  }

  synchronized boolean valid(String accessToken) {
    Instant until = access.get(accessToken);
    return until != null && Instant.now().isBefore(until);
  }

  /** New access and refresh tokens for a valid refresh token (which is spent), else null. */
  synchronized String[] refresh(String refreshToken) {
    if (!refresh.remove(refreshToken)) {
      return null;
    }
    refreshes++;
    String at = "at-" + UUID.randomUUID();
    String rt = "rt-" + UUID.randomUUID();
    access.put(at, Instant.now().plus(accessTtl));
    refresh.add(rt);
    return new String[] {at, rt, String.valueOf(accessTtl.toSeconds())};
  }

  synchronized int refreshes() {
    return refreshes;
  }
}

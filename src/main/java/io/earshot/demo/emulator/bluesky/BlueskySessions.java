package io.earshot.demo.emulator.bluesky;

import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Session tokens of the emulated PDS. Access tokens can be expired on demand (the PDS then
 * answers 400 ExpiredToken) and each refresh token works once, as with the real rotation.
 * Counts let tests prove the connector refreshes instead of logging in again.
 */
public final class BlueskySessions {
  /** How the PDS judges a bearer token. */
  public enum Verdict { VALID, EXPIRED, INVALID }

  private final Map<String, Boolean> access = new HashMap<>();
  private final Map<String, Boolean> refresh = new HashMap<>();
  private String password = BlueskyEmulator.APP_PASSWORD;
  private int created;
  private int refreshed;

  synchronized boolean passwordMatches(String candidate) {
    return password.equals(candidate);
  }

  synchronized JsonObject create() {
    created++;
    return issue();
  }

  /** Null when the refresh token is unknown or already used. */
  synchronized JsonObject refresh(String refreshJwt) {
    if (refreshJwt == null || refresh.remove(refreshJwt) == null) {
      return null;
    }
    refreshed++;
    return issue();
  }

  synchronized Verdict check(String accessJwt) {
    Boolean valid = accessJwt == null ? null : access.get(accessJwt);
    return valid == null ? Verdict.INVALID : valid ? Verdict.VALID : Verdict.EXPIRED;
  }

  /** Every access token issued so far now answers ExpiredToken. */
  public synchronized void expireAccessTokens() {
    access.replaceAll((token, valid) -> false);
  }

  /** The app password is revoked: sessions and logins are refused from now on. */
  public synchronized void revokeAppPassword() {
    password = "revoked-" + UUID.randomUUID();
    access.clear();
    refresh.clear();
  }

  public synchronized int created() {
    return created;
  }

  public synchronized int refreshed() {
    return refreshed;
  }

  private JsonObject issue() {
    String accessJwt = "acc." + UUID.randomUUID();
    String refreshJwt = "ref." + UUID.randomUUID();
    access.put(accessJwt, true);
    refresh.put(refreshJwt, true);
    return new JsonObject().put("accessJwt", accessJwt).put("refreshJwt", refreshJwt);
  }
}

package io.earshot.connector.xv2;

import io.earshot.connector.ConnectorException;
import io.earshot.connector.budget.Meter;
import io.earshot.connector.http.HttpOutcome;
import io.earshot.store.OAuthTokenStore;
import io.earshot.store.OAuthTokenStore.Tokens;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OAuth 2.0 user context (authorization code with PKCE, scope {@code offline.access}): a bearer
 * access token that lives about two hours, renewed with the refresh token at
 * {@code POST /2/oauth2/token}. X rotates the refresh token on every renewal and voids the old
 * one, so the newest pair is kept in {@link OAuthTokenStore}: it survives a restart and is shared
 * by instances (a compare-and-set save; the instance that lost a race adopts the winner's pair).
 * The account file's {@code refreshToken} seeds the store once; a different one in the file (the
 * admin authorized again) replaces what is stored. Tokens are never logged.
 */
final class OAuth2Session implements XAuth {
  private static final Logger LOG = LoggerFactory.getLogger(OAuth2Session.class);
  private static final Duration EARLY = Duration.ofSeconds(60);
  private final WebClient client;
  private final String tokenUrl;
  private final String account;
  private final String clientId;
  private final String clientSecret;
  private final String fileRefresh;
  private final String fileAccess;
  private final OAuthTokenStore store;
  private final Meter meter;
  private final Clock clock;
  private volatile Tokens current;
  private volatile Future<Boolean> renewing;

  OAuth2Session(WebClient client, String base, String account, Credentials credentials, OAuthTokenStore store,
                Meter meter, Clock clock) {
    this.client = client;
    this.tokenUrl = base + "/2/oauth2/token";
    this.account = account;
    this.clientId = credentials.clientId();
    this.clientSecret = credentials.clientSecret();
    this.fileRefresh = credentials.refreshToken();
    this.fileAccess = credentials.accessToken();
    this.store = store;
    this.meter = meter;
    this.clock = clock;
  }

  /** What the account file says: the app's client id (and secret, for a confidential client), the tokens. */
  record Credentials(String clientId, String clientSecret, String refreshToken, String accessToken) {
  }

  @Override
  public Future<Void> start() {
    return store.load(account).map(stored -> {
      String seed = fingerprint(fileRefresh);
      boolean fileIsNewer = stored == null || !seed.equals(stored.seed());
      current = fileIsNewer ? new Tokens(fileAccess, fileRefresh, null, seed, stored == null ? 0 : stored.version())
          : stored;
      LOG.info("x oauth2 account={} tokens from {}", account, fileIsNewer ? "the account file" : "the token store");
      return null;
    });
  }

  @Override
  public Future<String> header(HttpMethod method, String url, MultiMap query) {
    Tokens t = current;
    boolean due = t.accessToken() == null || t.accessToken().isBlank()
        || (t.expiresAt() != null && clock.instant().plus(EARLY).isAfter(t.expiresAt()));
    Future<Boolean> ready = due ? renew() : Future.succeededFuture(true);
    return ready.map(v -> "Bearer " + current.accessToken());
  }

  /** One renewal at a time: concurrent 401s share it. */
  @Override
  public synchronized Future<Boolean> renew() {
    if (renewing == null) {
      Tokens before = current;
      renewing = adoptNewer(before).compose(adopted -> adopted ? Future.succeededFuture(true) : refresh(current));
      renewing.onComplete(ar -> clearRenewing());
    }
    return renewing;
  }

  private synchronized void clearRenewing() {
    renewing = null;
  }

  /** Another instance may have renewed already: its pair is newer than ours and still fresh. */
  private Future<Boolean> adoptNewer(Tokens mine) {
    return store.load(account).map(stored -> {
      boolean newer = stored != null && stored.version() > mine.version() && stored.seed().equals(mine.seed())
          && stored.expiresAt() != null && clock.instant().plus(EARLY).isBefore(stored.expiresAt())
          && !stored.accessToken().equals(mine.accessToken());
      if (newer) {
        current = stored;
      }
      return newer;
    });
  }

  private Future<Boolean> refresh(Tokens from) {
    return meter.beforeCall().compose(v -> tokenRequest(from.refreshToken()))
        .compose(r -> r.statusCode() == 200 ? save(from, r.bodyAsJsonObject()) : refused(from, r));
  }

  private Future<HttpResponse<Buffer>> tokenRequest(String refreshToken) {
    MultiMap form = MultiMap.caseInsensitiveMultiMap().add("grant_type", "refresh_token")
        .add("refresh_token", refreshToken).add("client_id", clientId);
    HttpRequest<Buffer> req = client.postAbs(tokenUrl).timeout(30_000);
    if (clientSecret != null && !clientSecret.isBlank()) {
      req.basicAuthentication(clientId, clientSecret);
    }
    return req.sendForm(form).recover(e -> Future.failedFuture(HttpOutcome.network(e, "oauth2/token")));
  }

  private Future<Boolean> save(Tokens from, JsonObject body) {
    Instant expires = clock.instant().plusSeconds(body.getLong("expires_in", 7200L));
    String refresh = body.getString("refresh_token", from.refreshToken());
    Tokens next = new Tokens(body.getString("access_token"), refresh, expires, from.seed(), from.version() + 1);
    return store.replace(account, from.version(), next).compose(saved -> {
      if (saved) {
        current = next;
        LOG.info("x oauth2 token refreshed account={} expires={}", account, expires);
        return Future.succeededFuture(true);
      }
      // Lost the race: the winner's pair is stored; ours may already be void.
      return store.load(account).map(stored -> {
        current = stored;
        return true;
      });
    });
  }

  /**
   * 400 invalid_grant: our refresh token was used up, perhaps by another instance whose newer
   * pair is stored; otherwise the grant is gone (revoked app, expired) and the admin must
   * authorize again.
   */
  private Future<Boolean> refused(Tokens from, HttpResponse<Buffer> r) {
    if (r.statusCode() == 429 || r.statusCode() >= 500) {
      return Future.failedFuture(XV2Errors.failure(r, "oauth2/token"));
    }
    return store.load(account).compose(stored -> {
      if (stored != null && stored.version() > from.version() && stored.seed().equals(from.seed())) {
        current = stored;
        return Future.succeededFuture(true);
      }
      return Future.failedFuture(new ConnectorException.Unauthorized("oauth2/token answered " + r.statusCode()
          + ": the refresh token was refused; authorize the app again and put the new refreshToken in the account file"));
    });
  }

  static String fingerprint(String token) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(String.valueOf(token).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 12);
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}

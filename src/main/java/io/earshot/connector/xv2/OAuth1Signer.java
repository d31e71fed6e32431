package io.earshot.connector.xv2;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * OAuth 1.0a HMAC-SHA1 request signing (RFC 5849 section 3.4) for user context with the app's
 * consumer key/secret and the brand's access token/secret. A JSON body is not part of the
 * signature (only form bodies are), which is how X's v2 {@code POST /2/tweets} is signed.
 */
final class OAuth1Signer implements XAuth {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final String consumerKey;
  private final String consumerSecret;
  private final String token;
  private final String tokenSecret;
  private final Clock clock;

  OAuth1Signer(String consumerKey, String consumerSecret, String token, String tokenSecret, Clock clock) {
    this.consumerKey = consumerKey;
    this.consumerSecret = consumerSecret;
    this.token = token;
    this.tokenSecret = tokenSecret;
    this.clock = clock;
  }

  @Override
  public Future<String> header(HttpMethod method, String url, MultiMap query) {
    byte[] nonce = new byte[16];
    RANDOM.nextBytes(nonce);
    Map<String, String> oauth = new TreeMap<>();
    oauth.put("oauth_consumer_key", consumerKey);
    oauth.put("oauth_nonce", Base64.getUrlEncoder().withoutPadding().encodeToString(nonce).replaceAll("[^A-Za-z0-9]", ""));
    oauth.put("oauth_signature_method", "HMAC-SHA1");
    oauth.put("oauth_timestamp", String.valueOf(clock.instant().getEpochSecond()));
    oauth.put("oauth_token", token);
    oauth.put("oauth_version", "1.0");
    oauth.put("oauth_signature", sign(baseString(method, url, query, oauth)));
    List<String> parts = new ArrayList<>();
    oauth.forEach((k, v) -> parts.add(encode(k) + "=\"" + encode(v) + "\""));
    return Future.succeededFuture("OAuth " + String.join(", ", parts));
  }

  /** A signature cannot be refreshed: a 401 means the credentials themselves are refused. */
  @Override
  public Future<Boolean> renew() {
    return Future.succeededFuture(false);
  }

  static String baseString(HttpMethod method, String url, MultiMap query, Map<String, String> oauth) {
    List<String> pairs = new ArrayList<>();
    query.forEach(e -> pairs.add(encode(e.getKey()) + "=" + encode(e.getValue())));
    oauth.forEach((k, v) -> pairs.add(encode(k) + "=" + encode(v)));
    pairs.sort(null);
    return method.name() + "&" + encode(url) + "&" + encode(String.join("&", pairs));
  }

  private String sign(String base) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      String key = encode(consumerSecret) + "&" + encode(tokenSecret);
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return Base64.getEncoder().encodeToString(mac.doFinal(base.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  /** RFC 3986 percent-encoding: only unreserved characters stay as they are. */
  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
        .replace("%7E", "~");
  }
}

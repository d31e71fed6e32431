package io.earshot.demo.emulator.x;

import io.vertx.core.http.HttpServerRequest;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks an OAuth 1.0a HMAC-SHA1 request signature the way X does (RFC 5849 section 3.4), so a
 * connector that passes the wrong secret, or none, is refused like on the real API. The
 * timestamp and nonce are not checked: the emulator keeps no replay window.
 */
public final class OAuth1Verifier {
  private static final Pattern PARAM = Pattern.compile("(oauth_[a-z_]+)=\"([^\"]*)\"");
  private final String consumerKey;
  private final String consumerSecret;

  public OAuth1Verifier(String consumerKey, String consumerSecret) {
    this.consumerKey = consumerKey;
    this.consumerSecret = consumerSecret;
  }

  /** True when the request is signed by our consumer for {@code token} with {@code tokenSecret}. */
  public boolean verify(HttpServerRequest request, String token, String tokenSecret) {
    Map<String, String> oauth = oauthParams(request.getHeader("Authorization"));
    if (!consumerKey.equals(oauth.get("oauth_consumer_key")) || !token.equals(oauth.get("oauth_token"))
        || !"HMAC-SHA1".equals(oauth.get("oauth_signature_method"))) {
      return false;
    }
    String expected = sign(baseString(request, oauth), encode(consumerSecret) + "&" + encode(tokenSecret));
    String given = oauth.getOrDefault("oauth_signature", "");
    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII));
  }

  private static String baseString(HttpServerRequest request, Map<String, String> oauth) {
    List<String> pairs = new ArrayList<>();
    request.params().forEach(e -> pairs.add(encode(e.getKey()) + "=" + encode(e.getValue())));
    oauth.forEach((k, v) -> {
      if (!"oauth_signature".equals(k)) {
        pairs.add(encode(k) + "=" + encode(v));
      }
    });
    pairs.sort(null);
    String uri = request.absoluteURI();
    int query = uri.indexOf('?');
    String base = query < 0 ? uri : uri.substring(0, query);
    return request.method().name() + "&" + encode(base) + "&" + encode(String.join("&", pairs));
  }

  private static Map<String, String> oauthParams(String header) {
    Map<String, String> out = new HashMap<>();
    Matcher m = PARAM.matcher(header == null ? "" : header);
    while (m.find()) {
      out.put(m.group(1), URLDecoder.decode(m.group(2), StandardCharsets.UTF_8));
    }
    return out;
  }

  private static String sign(String base, String key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return Base64.getEncoder().encodeToString(mac.doFinal(base.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  /** RFC 3986 percent-encoding: unreserved characters only stay as they are. */
  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
        .replace("%7E", "~");
  }
}

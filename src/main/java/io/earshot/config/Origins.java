package io.earshot.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * Web origins ({@code scheme://host[:port]}) in one normal form, so that an {@code Origin} header,
 * a {@code Referer} and a configured public address compare as plain strings: lower case, no
 * path, and no port when it is the scheme's default. Only {@code http} and {@code https} count.
 */
public final class Origins {
  private Origins() {
  }

  /** The normal form of an origin or of a URL's origin, or null when it is not http(s). */
  public static String normalize(String urlOrOrigin) {
    if (urlOrOrigin == null || urlOrOrigin.isBlank()) {
      return null;
    }
    try {
      URI uri = new URI(urlOrOrigin.trim());
      String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getHost() == null) {
        return null;
      }
      return of(scheme, uri.getHost(), uri.getPort());
    } catch (URISyntaxException e) {
      return null;
    }
  }

  /** The normal form of {@code scheme://host:port}; a negative port means "the default". */
  public static String of(String scheme, String host, int port) {
    String s = scheme.toLowerCase(Locale.ROOT);
    boolean defaultPort = port < 0 || s.equals("http") && port == 80 || s.equals("https") && port == 443;
    String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    return s + "://" + h.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
  }

  /** Configured origins, normalized; fails naming the setting when one is not an http(s) origin. */
  static List<String> parse(List<String> values, String setting) {
    return values.stream().map(v -> {
      String origin = normalize(v);
      if (origin == null || !origin.equals(normalize(origin)) || hasPath(v)) {
        throw new ConfigException(setting + ": '" + v + "' is not an origin such as https://care.example.com");
      }
      return origin;
    }).toList();
  }

  /** Configured proxy addresses or CIDR ranges, checked now so a typo stops start-up. */
  static List<String> proxies(List<String> values, String setting) {
    for (String v : values) {
      if (AddressRange.parse(v) == null) {
        throw new ConfigException(setting + ": '" + v + "' is not an IP address or CIDR range such as 10.0.0.0/8");
      }
    }
    return values;
  }

  private static boolean hasPath(String value) {
    String rest = value.trim().replaceFirst("^[A-Za-z]+://", "");
    int slash = rest.indexOf('/');
    return slash >= 0 && slash < rest.length() - 1;
  }
}

package io.earshot.web;

import io.earshot.config.AddressRange;
import io.earshot.config.Origins;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import java.util.List;
import java.util.Set;

/**
 * What a request says about where it comes from, believing {@code X-Forwarded-For} and
 * {@code X-Forwarded-Proto} only from configured proxies (anyone else could write them): the
 * client's address (for the sign-in throttle), whether it arrived over TLS (for {@code Secure}
 * cookies), and the origins the hub's own pages are served from (the {@code Host} it was asked
 * for, plus configured public origins for a proxy that rewrites it).
 */
final class Forwarded {
  private final List<AddressRange> proxies;
  private final Set<String> extraOrigins;

  Forwarded(List<String> trustedProxies, List<String> allowedOrigins) {
    this.proxies = trustedProxies.stream().map(AddressRange::parse).toList();
    this.extraOrigins = Set.copyOf(allowedOrigins);
  }

  /** The nearest address that is not a trusted proxy. */
  String clientAddress(HttpServerRequest request) {
    String peer = peer(request);
    String forwarded = request.getHeader("X-Forwarded-For");
    if (!trusted(peer) || forwarded == null) {
      return peer;
    }
    String[] hops = forwarded.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].trim();
      if (!hop.isEmpty() && !trusted(hop)) {
        return hop;
      }
    }
    return hops[0].trim().isEmpty() ? peer : hops[0].trim();
  }

  boolean secure(HttpServerRequest request) {
    if (request.isSSL()) {
      return true;
    }
    String proto = request.getHeader("X-Forwarded-Proto");
    return proto != null && trusted(peer(request)) && proto.split(",")[0].trim().equalsIgnoreCase("https");
  }

  /** Whether {@code origin} (any form) is one the hub's own pages are served from. */
  boolean ownOrigin(HttpServerRequest request, String origin) {
    String normal = Origins.normalize(origin);
    return normal != null && (extraOrigins.contains(normal) || normal.equals(requestedOrigin(request)));
  }

  private String requestedOrigin(HttpServerRequest request) {
    HostAndPort authority = request.authority();
    return authority == null ? null : Origins.of(secure(request) ? "https" : "http", authority.host(), authority.port());
  }

  private boolean trusted(String address) {
    return proxies.stream().anyMatch(range -> range.contains(address));
  }

  private static String peer(HttpServerRequest request) {
    return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
  }
}

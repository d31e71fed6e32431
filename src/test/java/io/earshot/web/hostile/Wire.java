package io.earshot.web.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * What goes wrong below the JSON: wrong methods and content types, odd body framing (chunked,
 * conflicting or nonsense lengths, a body on GET), malformed request lines and headers, and
 * WebSocket upgrade attempts on the live feed.
 */
final class Wire {
  static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE",
      "PROPFIND", "FOO", "get", "Post", "M-SEARCH", "X".repeat(100));
  static final List<String> CONTENT_TYPES = List.of("text/plain", "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x", "application/json; charset=utf-16", "application/xml", "application/evil+json",
      "APPLICATION/JSON", "application/json, text/plain", "application/json;;;", "", "json", "*/*", "application/*",
      "application/json; charset=\"\u00e9\"", "application/" + "j".repeat(6000), "text/html; charset=utf-8");

  private Wire() {
  }

  /** A method the route was not made for, or no real method at all. */
  static String wrongMethod(Random random, String routed) {
    String method;
    do {
      method = HostileValues.pick(random, METHODS);
    } while (method.equals(routed));
    return method;
  }

  /** A content type other than JSON (or JSON said oddly), or two of them. */
  static void contentType(Random random, HostileRequest.Builder request) {
    if (random.nextInt(6) == 0) {
      request.header("Content-Type", "application/json").header("Content-Type", "text/plain").note("two content types");
      return;
    }
    String type = HostileValues.pick(random, CONTENT_TYPES);
    request.header("Content-Type", type).note("content type " + RouteBodies.shorten(type));
  }

  /** The body framed oddly: chunked (well or badly), two lengths, a nonsense length, both framings. */
  static void framing(Random random, HostileRequest.Builder request) {
    byte[] body = request.body();
    int way = random.nextInt(7);
    request.note("framing #" + way);
    switch (way) {
      case 0 -> request.withoutLength().header("Transfer-Encoding", "chunked").body(chunked(body, false));
      case 1 -> request.withoutLength().header("Transfer-Encoding", "chunked").body(chunked(body, true)).mayClose();
      case 2 -> request.withoutLength().header("Content-Length", String.valueOf(body.length))
          .header("Content-Length", String.valueOf(body.length + 1));
      case 3 -> request.withoutLength().header("Content-Length", HostileValues.pick(random,
          List.of("-1", "abc", "99999999999999999999", "1e3", " ", "0x10", String.valueOf(Long.MAX_VALUE)))).body(new byte[0]);
      case 4 -> request.withoutLength().header("Content-Length", String.valueOf(body.length))
          .header("Transfer-Encoding", "chunked").body(chunked(body, false));
      case 5 -> request.withoutLength().header("Transfer-Encoding", HostileValues.pick(random,
          List.of("gzip", "chunked, gzip", "identity", "xchunked", "chunked\u00e9"))).body(new byte[0]);
      default -> request.header("Expect", "100-continue");
    }
  }

  private static byte[] chunked(byte[] body, boolean garbled) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int at = 0; at < body.length; at += 1000) {
      int n = Math.min(1000, body.length - at);
      out.writeBytes(((garbled && at == 0 ? "zz" : Integer.toHexString(n)) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(body, at, n);
      out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    out.writeBytes((garbled ? "-5\r\n\r\n" : "0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  /** A malformed request: version, request line, header syntax, sizes, or bytes that are not HTTP. */
  static void protocol(Random random, HostileRequest.Builder request) {
    int way = random.nextInt(16);
    request.note("protocol #" + way);
    switch (way) {
      case 0 -> request.withoutHost();
      case 1 -> request.withoutHost().version("HTTP/1.0");
      case 2 -> request.version(HostileValues.pick(random, List.of("HTTP/9.9", "HTTP/2.0", "HTTP/1.", "HTTP/1.1x", "HTTPS/1.1", "")));
      case 3 -> request.target(("http://evil.example" + request.target()).getBytes(StandardCharsets.ISO_8859_1));
      case 4 -> request.method("OPTIONS").target("*".getBytes(StandardCharsets.US_ASCII));
      case 5 -> request.rawHeader("Garbage-Without-Colon".getBytes(StandardCharsets.US_ASCII));
      case 6 -> request.rawHeader("Bad Header Name: x".getBytes(StandardCharsets.US_ASCII));
      case 7 -> request.header("X-Folded", "first").rawHeader("   continued".getBytes(StandardCharsets.US_ASCII));
      case 8 -> request.header("X-Big", "b".repeat(9000));
      case 9 -> {
        for (int i = 0; i < 300; i++) {
          request.header("X-Many-" + i, "v");
        }
      }
      case 10 -> request.rawHeader(AuthModes.concat("X-Nul: a", new byte[] {0, 'b'}));
      case 11 -> request.target(("/" + "p".repeat(5000)).getBytes(StandardCharsets.US_ASCII));
      case 12 -> request.target(AuthModes.concat("/api/v1/", HostileValues.invalidUtf8(random)));
      case 13 -> request.header("Host", "evil.example").header("Host", "127.0.0.1");
      case 14 -> request.target(("/api/v1/health\u0000").getBytes(StandardCharsets.ISO_8859_1));
      default -> request.header("Upgrade", "h2c").header("HTTP2-Settings", "AAMAAABkAARAAAAAAAIAAAAA")
          .header("Connection", "Upgrade, HTTP2-Settings");
    }
  }

  /** A WebSocket upgrade of the live feed: proper or broken, with a good, foreign or no credential. */
  static void upgrade(Random random, HubFacts facts, HostileRequest.Builder request) {
    int way = random.nextInt(9);
    request.note("upgrade #" + way);
    if (way != 1) {
      request.header("Upgrade", way == 2 ? "websocketx" : "websocket").header("Connection", "Upgrade");
    }
    if (way != 3) {
      request.header("Sec-WebSocket-Key", way == 4 ? "not base64 at all!" : "dGhlIHNhbXBsZSBub25jZQ==");
    }
    request.header("Sec-WebSocket-Version", way == 5 ? HostileValues.pick(random, List.of("99", "-1", "", "abc")) : "13");
    if (way != 6) {
      request.header("Cookie", way == 7 ? "earshot_session=garbage" : facts.credentials().cookie());
    }
    request.header("Origin", way == 8 ? "http://127.0.0.1:1" : facts.origin());
  }
}

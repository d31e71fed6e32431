package io.earshot.web.hostile;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Request targets: a route's path with real or garbage path parameters (traversal, NUL, 10 KB,
 * Unicode, invalid percent-escapes, raw invalid UTF-8), bad query values, the dashboard's static
 * files and traversal attempts on them, and paths nothing serves.
 */
final class Targets {
  /** Path parameter values, already as they go on the wire (percent-encoded or not). */
  static final List<String> BAD_IDS = List.of("../../etc/passwd", "..%2f..%2fetc%2fpasswd",
      "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "%00", "abc%00def", "%", "%zz", "%c0%af", "%ed%a0%80", "%ff%fe", "%e9",
      "%F0%9F%91%8D", "%7B%22%24gt%22%3A%22%22%7D", "$where", "null", "undefined", "-1", "0", "1e400", "me", "none",
      "%20", "+", "a;b", "a%3Fb", "a%23b", "*", "admin%0d%0aSet-Cookie:%20x=1", "a/b", "..", ".", "%2e", "%2e%2e",
      "00000000-0000-0000-0000-000000000000", "x".repeat(300), "%u0041", "\u65e5\u672c\u8a9e", "caf\u00e9",
      "\u202Eevil", "%E2%80%AE", "%EF%BB%BF", "a%2Fb", "%5c..%5c..%5cwindows", "~root", "{id}", ":id");

  static final List<String> BAD_QUERIES = List.of("limit=-1", "limit=0", "limit=1e9", "limit=99999999999999999999",
      "limit=abc", "limit=", "limit=%00", "limit=1.5", "limit=%20%205", "limit=2147483648", "limit=-0", "sort=DROP",
      "sort=priority;DROP%20TABLE", "sort=", "sort=%00", "sort=newest&sort=priority", "status=closed", "status=%00",
      "status=%ff", "cursor=garbage", "cursor=..%2F..%2F", "cursor=AAAA", "cursor=%ff%fe", "cursor=" + "Z".repeat(3000),
      "platform=%00", "platform=x%27%20OR%201=1", "platform=%7B%22%24ne%22:null%7D", "q=" + "q".repeat(2000),
      "assignee=me", "assignee=%24ne", "state=x", "brand=..%2f", "limit=5&limit=6", "%zz=1", "limit=%zz", "=", "&&&",
      "a[b]=c", "%", "limit[$gt]=1", "limit=%E2%80%AE5", "tag=%C0%AF", "from=2026-13-45", "to=-1",
      "limit=" + "9".repeat(400));

  private Targets() {
  }

  /** The route's path with every parameter given its real value. */
  static String path(HubFacts facts, String path) {
    StringBuilder out = new StringBuilder();
    for (String segment : path.split("/", -1)) {
      if (out.length() > 0 || !segment.isEmpty()) {
        out.append('/');
      }
      out.append(segment.startsWith(":") ? facts.param(path, segment.substring(1)) : segment);
    }
    return out.toString();
  }

  /** The route's path with one parameter garbage (a real value elsewhere), noted on the request. */
  static byte[] hostilePath(Random random, HubFacts facts, String path, HostileRequest.Builder request) {
    String[] segments = path.split("/", -1);
    int params = (int) java.util.Arrays.stream(segments).filter(s -> s.startsWith(":")).count();
    int which = params == 0 ? -1 : random.nextInt(params);
    String bad = random.nextInt(12) == 0 ? "a".repeat(10 * 1024) : HostileValues.pick(random, BAD_IDS);
    byte[] raw = random.nextInt(15) == 0 ? HostileValues.invalidUtf8(random) : bad.getBytes(StandardCharsets.UTF_8);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    int seen = 0;
    for (int i = 1; i < segments.length; i++) {
      out.write('/');
      if (segments[i].startsWith(":") && seen++ == which) {
        out.writeBytes(raw);
      } else {
        out.writeBytes(segments[i].startsWith(":") ? facts.param(path, segments[i].substring(1)).getBytes(StandardCharsets.UTF_8)
            : segments[i].getBytes(StandardCharsets.UTF_8));
      }
    }
    if (which < 0) {
      out.writeBytes(("/" + bad).getBytes(StandardCharsets.UTF_8));
    }
    request.note("path param = " + RouteBodies.shorten(new String(raw, StandardCharsets.ISO_8859_1)));
    return out.toByteArray();
  }

  /** One to three bad query parameters. */
  static String hostileQuery(Random random, HostileRequest.Builder request) {
    StringBuilder query = new StringBuilder();
    for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
      query.append(i == 0 ? "" : "&").append(HostileValues.pick(random, BAD_QUERIES));
    }
    request.note("query " + RouteBodies.shorten(query.toString()));
    return "?" + query;
  }

  /** A static file, a traversal attempt out of the webroot, or a path nothing serves. */
  static String elsewhere(Random random, HubFacts facts) {
    return switch (random.nextInt(3)) {
      case 0 -> "/" + HostileValues.pick(random, facts.staticFiles());
      case 1 -> HostileValues.pick(random, List.of("/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd",
          "/..%2f..%2f..%2fetc%2fpasswd", "/%2e%2e%5c%2e%2e%5cetc%5cpasswd", "/index.html%00.js", "/..%00/etc/passwd",
          "/../pom.xml", "/%2e%2e/pom.xml", "/templates/../../pom.xml", "/.git/config", "//etc/passwd", "/\\..\\..\\pom.xml",
          "/app.js/..", "/app.js%2f..%2f..%2fpom.xml", "/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd", "/.%2e/.%2e/etc/passwd",
          "/templates/", "/templates/x.hbs", "/index.html?../../etc/passwd", "/file:///etc/passwd", "/%252e%252e/pom.xml",
          "/" + "a/".repeat(1000), "/index.html/", "/INDEX.HTML", "/style.css;x=1", "/%ff.js", "/.env"));
      default -> HostileValues.pick(random, List.of("/api", "/api/", "/api/v1", "/api/v1/", "/api/v2/cases",
          "/api/v1/nothing-here", "/API/V1/HEALTH", "//api//v1//health", "/api/v1/health;x=1", "/api/v1/health%20",
          "/api/v1/health/", "/api/v1/./health", "/api/v1/cases/../health", "/api/v1/%2e%2e/v1/health",
          "/api/v1/cases/x/y/z", "/metrics", "/api/v1/openapi.json", "/wp-login.php", "/admin", "/server-status",
          "/api/v1/health?" + "x".repeat(3000), "/api/v1/mentions/1", "/api/v1/session/x", "*", "/api/v1/live/x"));
    };
  }
}

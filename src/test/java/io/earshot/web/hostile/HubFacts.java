package io.earshot.web.hostile;

import java.util.List;
import java.util.Map;

/**
 * What the generator knows of the hub under attack: its port, every route its router has
 * ({@code "GET /api/v1/cases/:id"}), a real value for each path parameter (keyed by the segment
 * before it, {@code "cases/:id"}), the credentials it holds, and the webroot's files.
 */
record HubFacts(int port, List<String> routes, Map<String, String> params, Credentials credentials,
                List<String> staticFiles) {
  /**
   * An admin's cookie session and API token (the good ones), a second admin session (its CSRF
   * token is the wrong one for the first), a session that was signed out, and the ingest token.
   */
  record Credentials(String cookie, String csrfToken, String otherCookie, String otherCsrfToken, String endedCookie,
                     String apiToken, String ingestToken) {
  }

  String origin() {
    return "http://127.0.0.1:" + port;
  }

  /** The real value of a path parameter, or a well-formed id of nothing for a parameter not known here. */
  String param(String path, String name) {
    String[] segments = path.split("/");
    for (int i = 1; i < segments.length; i++) {
      if (segments[i].equals(":" + name)) {
        String value = params.get(segments[i - 1] + "/:" + name);
        if (value != null) {
          return value;
        }
      }
    }
    return "00000000-0000-4000-8000-000000000000";
  }
}

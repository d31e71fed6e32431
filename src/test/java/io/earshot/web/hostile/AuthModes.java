package io.earshot.web.hostile;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * How a generated request presents itself: as the signed-in admin (cookie with the hub's Origin
 * and the session's CSRF token, or the admin's API token), or with a credential that must not
 * work: none, garbled, oversized, non-ASCII, duplicated, another session's CSRF token, a
 * signed-out session, the ingest token where a person's is needed. {@link #hostile} answers
 * whether the route must then refuse the request.
 */
final class AuthModes {
  private final HubFacts.Credentials credentials;
  private final String origin;

  AuthModes(HubFacts facts) {
    this.credentials = facts.credentials();
    this.origin = facts.origin();
  }

  /** The admin, by cookie (with Origin and CSRF token) or by API token. */
  void good(Random random, HostileRequest.Builder request) {
    if (random.nextBoolean()) {
      request.header("Cookie", credentials.cookie()).header("Origin", origin)
          .header("X-CSRF-Token", credentials.csrfToken()).note("auth=cookie");
    } else {
      request.header("Authorization", "Bearer " + credentials.apiToken()).note("auth=token");
    }
  }

  /**
   * A credential that must not let the request through; answers false for the few that carry a
   * good credential too (a duplicated header, where either may count): never those when the
   * route would end the credential ({@code endsCredential}), or the admin would be signed out.
   */
  boolean hostile(Random random, HostileRequest.Builder request, boolean stateChanging, boolean endsCredential) {
    int mode = random.nextInt(stateChanging ? 20 : 15);
    if (endsCredential && (mode == 6 || mode == 11)) {
      mode = 0;
    }
    request.note("auth=hostile#" + mode);
    switch (mode) {
      case 0 -> request.note("no credential");
      case 1 -> request.header("Authorization", "Bearer " + "A".repeat(1024 * 1024));
      case 2 -> request.header("Authorization", "Bearer " + randomToken(random, 7000));
      case 3 -> request.header("Authorization", HostileValues.pick(random, java.util.List.of("Bearer", "Bearer ",
          "Bearer     ", "Basic YWRtaW46Y29ycmVjdC1ob3JzZQ==", "Token abc",
          "Bearer " + credentials.apiToken() + "x", "Bearer x" + credentials.apiToken(), "Bearer null", "Bearer undefined",
          "Bearer " + credentials.ingestToken(), "Bearer " + credentials.cookie().split("=", 2)[1] + "%00")));
      case 4 -> request.rawHeader(concat("Authorization: Bearer ", new byte[] {(byte) 0xE9, (byte) 0xFF, (byte) 0xC3, 0x28,
          (byte) 0x80}));
      case 5 -> request.header("Authorization", "Bearer \u00e9\u00e8\u00ff-caf\u00e9");
      case 6 -> request.header("Authorization", "Bearer garbage-" + random.nextInt())
          .header("Authorization", "Bearer " + credentials.apiToken());
      case 7 -> request.header("Cookie", "earshot_session=" + randomToken(random, 1 + random.nextInt(200)));
      case 8 -> request.header("Cookie", HostileValues.pick(random, java.util.List.of("earshot_session=../../etc/passwd",
          "earshot_session=", "earshot_session", ";;;===;;", "earshot_session=\"quoted\"", "earshot_session=%00",
          "earshot_session=" + "z".repeat(7000), "other=1; earshot_session=x; earshot_session=y",
          "earshot_session={\"$gt\":\"\"}", "EARSHOT_SESSION=" + credentials.cookie().split("=", 2)[1])));
      case 9 -> request.rawHeader(concat("Cookie: earshot_session=", new byte[] {(byte) 0xFF, (byte) 0xFE, 0x01, 0x7F}));
      case 10 -> request.header("Cookie", credentials.endedCookie()).header("Origin", origin);
      case 11 -> request.header("Cookie", "earshot_session=x").header("Cookie", credentials.cookie());
      case 12 -> request.header("Authorization", "Bearer " + credentials.ingestToken());
      case 13 -> request.header("Cookie", "earshot_session=" + credentials.apiToken().replace("-", "_") + "x");
      case 14 -> request.header("Authorization", "Bearer " + credentials.endedCookie().split("=", 2)[1]);
      case 15 -> request.header("Cookie", credentials.cookie()).header("Origin", origin)
          .header("X-CSRF-Token", credentials.otherCsrfToken());
      case 16 -> request.header("Cookie", credentials.cookie()).header("Origin", origin);
      case 17 -> request.header("Cookie", credentials.cookie()).header("Origin", "http://127.0.0.1:1")
          .header("X-CSRF-Token", credentials.csrfToken());
      case 18 -> request.header("Cookie", credentials.cookie()).header("X-CSRF-Token", credentials.csrfToken())
          .header("Origin", HostileValues.pick(random, java.util.List.of("null", "", "http://127.0.0.1", "127.0.0.1",
              "http://127.0.0.1:" + "9".repeat(30), "http://[::1", "http://user@127.0.0.1:1", "\u00e9")));
      default -> request.header("Cookie", credentials.otherCookie()).header("Origin", origin)
          .header("X-CSRF-Token", credentials.csrfToken());
    }
    return mode != 6 && mode != 11;
  }

  /** A credential the ingest API must refuse: anything but exactly its bearer token. */
  boolean hostileIngest(Random random, HostileRequest.Builder request) {
    String token = credentials.ingestToken();
    int mode = random.nextInt(8);
    request.note("ingest auth=hostile#" + mode);
    switch (mode) {
      case 0 -> request.note("no credential");
      case 1 -> request.header("Authorization", HostileValues.pick(random, java.util.List.of("Bearer wrong", "Bearer " + token
          + "x", "Bearer " + token.substring(1), "Bearer", "Basic " + token, token, "Bearer " + credentials.apiToken(),
          "Bearer " + token.toUpperCase(java.util.Locale.ROOT))));
      case 2 -> request.header("Authorization", "Bearer " + "A".repeat(1024 * 1024));
      case 3 -> request.rawHeader(concat("Authorization: Bearer ", new byte[] {(byte) 0xE9, (byte) 0xFF, 0}));
      case 4 -> request.header("Cookie", credentials.cookie()).header("Origin", origin)
          .header("X-CSRF-Token", credentials.csrfToken());
      case 5 -> request.header("Authorization", "Bearer " + randomToken(random, 5000));
      case 6 -> request.header("Authorization", "Bearer \u00e9" + token);
      default -> request.header("X-Ingest-Token", token).header("Authorization", "Bearer  ");
    }
    return true;
  }

  private static String randomToken(Random random, int length) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~+/=";
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return out.toString();
  }

  static byte[] concat(String prefix, byte[] tail) {
    byte[] head = prefix.getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[head.length + tail.length];
    System.arraycopy(head, 0, out, 0, head.length);
    System.arraycopy(tail, 0, out, head.length, tail.length);
    return out;
  }
}

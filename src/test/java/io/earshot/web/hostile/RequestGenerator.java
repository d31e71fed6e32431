package io.earshot.web.hostile;

import java.util.Random;
import java.util.Set;

/**
 * Generates request number {@code i} of a storm from {@code (seed, i)} alone, so any one request
 * can be made again from the two numbers a failure prints. Most requests go to a route the
 * router has, with one thing hostile about them (its body, a path parameter, the query, the
 * method, the content type, the framing, the credential, the request syntax), and otherwise
 * what the route needs to get that far; the rest go to ingest, health, the live socket, static
 * files and unknown paths.
 */
final class RequestGenerator {
  private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");
  private static final String INGEST = "POST /api/v1/mentions";
  private static final String SIGN_IN = "POST /api/v1/session";
  private static final String LIVE = "GET /api/v1/live";
  private static final String HEALTH = "GET /api/v1/health";
  /** Routes anyone may call: no credential decides their answer. */
  private static final Set<String> PUBLIC = Set.of(SIGN_IN, HEALTH, "GET /api/v1/openapi.json");
  /** Sent with a good credential, these end it: only ever sent with a hostile one. */
  private static final Set<String> ENDS_CREDENTIAL = Set.of("DELETE /api/v1/session");
  private final long seed;
  private final HubFacts facts;
  private final AuthModes auth;
  private final IngestBodies ingest;

  RequestGenerator(long seed, HubFacts facts) {
    this.seed = seed;
    this.facts = facts;
    this.auth = new AuthModes(facts);
    this.ingest = new IngestBodies(seed);
  }

  /** A generated request and whether its answer must be a refusal (it carried a credential that must not work). */
  record Generated(HostileRequest request, boolean mustRefuse) {
  }

  Generated next(int index) {
    Random random = new Random(seed * 1_000_003L + index);
    int pick = random.nextInt(100);
    String route = pick < 18 ? INGEST : pick < 24 ? HEALTH : pick < 28 ? LIVE : pick < 36 ? null
        : HostileValues.pick(random, facts.routes());
    return route == null ? elsewhere(random, index) : routed(random, index, route);
  }

  /** Static files, traversal and unknown paths: public or not, so no credential decides the answer. */
  private Generated elsewhere(Random random, int index) {
    HostileRequest.Builder request = new HostileRequest.Builder("elsewhere", "GET", Targets.elsewhere(random, facts));
    if (random.nextInt(8) == 0) {
      request.method(Wire.wrongMethod(random, "GET")).note("method " + request.target());
    }
    if (random.nextBoolean()) {
      auth.hostile(random, request, false, false);
    } else {
      auth.good(random, request);
    }
    return new Generated(request.build(index, facts.port()), false);
  }

  private Generated routed(Random random, int index, String route) {
    String method = route.split(" ", 2)[0];
    String path = route.split(" ", 2)[1];
    HostileRequest.Builder request = new HostileRequest.Builder(route, method, Targets.path(facts, path));
    int focus = random.nextInt(route.equals(INGEST) ? 16 : 10);
    boolean refuse = credential(random, route, focus, request);
    if (WITH_BODY.contains(method)) {
      request.body(route.equals(INGEST) ? ingest.body(random, index, request)
          : focus >= 1 && focus <= 4 ? RouteBodies.hostile(random, route, request) : HostileValues.utf8(RouteBodies.good(route)));
      if (focus != 6) {
        request.header("Content-Type", route.equals(INGEST) && random.nextBoolean() ? "application/x-ndjson" : "application/json");
      }
    }
    switch (focus) {
      case 5 -> request.target(Targets.hostilePath(random, facts, path, request));
      case 6 -> Wire.contentType(random, request);
      case 7 -> request.target(utf8(request.target() + Targets.hostileQuery(random, request)));
      case 8 -> {
        if (random.nextBoolean() && !ENDS_CREDENTIAL.contains(route)) {
          String wrong = Wire.wrongMethod(random, method);
          // DELETE on the session's path signs the admin out: the wrong method would be a right one
          request.method(ENDS_CREDENTIAL.contains(wrong + " " + path) ? "PUT" : wrong).note("wrong method");
        } else {
          Wire.framing(random, request);
        }
      }
      case 9 -> Wire.protocol(random, request);
      default -> { }
    }
    if (focus == 0 || focus >= 5 && focus <= 9) {
      request.forgetGood(); // something else is wrong with the request: its good items need not land
    }
    return new Generated(request.build(index, facts.port()), refuse);
  }

  /**
   * The credential the route needs, or (focus 0, and always for a route that would end a good
   * one) a hostile one; answers whether the route must then refuse.
   */
  private boolean credential(Random random, String route, int focus, HostileRequest.Builder request) {
    if (route.equals(INGEST)) {
      if (focus != 0) {
        request.header("Authorization", "Bearer " + facts.credentials().ingestToken());
        return false;
      }
      return auth.hostileIngest(random, request);
    }
    if (route.equals(LIVE)) {
      Wire.upgrade(random, facts, request);
      return false;
    }
    boolean needsPerson = !PUBLIC.contains(route);
    if (needsPerson && (focus == 0 || ENDS_CREDENTIAL.contains(route))) {
      return auth.hostile(random, request, !route.startsWith("GET "), ENDS_CREDENTIAL.contains(route));
    }
    if (needsPerson || random.nextInt(4) == 0) {
      auth.good(random, request);
    }
    return false;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  long seed() {
    return seed;
  }
}

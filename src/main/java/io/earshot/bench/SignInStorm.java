package io.earshot.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The sign-in storm of {@link SignInBench}: health latency at rest and during two storms of
 * concurrent wrong-password sign-ins, with how each sign-in was answered, and the time a wrong
 * password takes for a known and an unknown user name.
 */
final class SignInStorm {
  private static final int MIN_SAMPLES = 10;
  private static final int ANSWER_TIME_SAMPLES = 15;
  private final Vertx vertx;
  private final int port;
  private final String adminPassword;
  private final WebClient storm;
  private final WebClient probe;

  SignInStorm(Vertx vertx, int port, String adminPassword) {
    this.vertx = vertx;
    this.port = port;
    this.adminPassword = adminPassword;
    // Keep-alive: the warm-up round opens the storm's connections, so the measured rounds time how
    // the hub answers requests, not how fast this machine accepts 200 new TCP connections.
    this.storm = WebClient.create(vertx, new WebClientOptions().setKeepAlive(true), new PoolOptions().setHttp1MaxSize(1000));
    this.probe = WebClient.create(vertx, new WebClientOptions().setKeepAlive(true), new PoolOptions().setHttp1MaxSize(1));
  }

  /**
   * Answer times, then one unmeasured round of both storms (a running hub has compiled its code
   * paths; a fresh JVM would show JIT pauses instead), then health at rest and the measured storms.
   */
  Future<JsonObject> run(int attempts) {
    JsonObject result = new JsonObject().put("attempts", attempts);
    return answerTimes().map(times -> result.put("wrongPasswordAnswerMs", times))
        .compose(v -> storm(attempts, i -> signIn("warm-up", "wrong-" + i, "10.250.0.1")))
        .compose(v -> storm(attempts, i -> signIn("warm-" + i, "wrong-" + i, "10.251." + (i >> 8) + "." + (i & 255))))
        .compose(v -> healthWhile(() -> pause(2000)).map(rest -> result.put("healthAtRest", rest)))
        .compose(v -> storm(attempts, i -> anonymousRequest()))
        .map(control -> result.put("controlBurstWithoutPasswords", control))
        .compose(v -> storm(attempts, i -> signIn("admin", "wrong-" + i, null)))
        .map(oneAccount -> result.put("oneAccountOneAddress", oneAccount))
        .compose(v -> storm(attempts, i -> signIn("nobody-" + i, "wrong-" + i, "10." + (i >> 8) + "." + (i & 255) + ".7")))
        .map(distributed -> result.put("manyAccountsManyAddresses", distributed));
  }

  /** Wrong passwords for a real user and for unknown names, alternating, each from its own address. */
  private Future<JsonObject> answerTimes() {
    List<Double> known = new ArrayList<>();
    List<Double> unknown = new ArrayList<>();
    Future<Void> chain = signIn("admin", adminPassword, "10.200.0.1").mapEmpty();
    for (int i = 0; i < ANSWER_TIME_SAMPLES; i++) {
      int n = i;
      chain = chain.compose(v -> timed(() -> signIn("admin", "wrong-" + n, "10.201.0." + n), known))
          .compose(v -> timed(() -> signIn("no-such-user-" + n, "wrong-" + n, "10.202.0." + n), unknown));
    }
    // A correct password clears admin's count, so the storm below meets the full limit.
    return chain.compose(v -> signIn("admin", adminPassword, "10.200.0.1"))
        .map(v -> new JsonObject().put("knownUserMedian", median(known)).put("unknownUserMedian", median(unknown)));
  }

  private Future<Void> timed(Supplier<Future<Integer>> call, List<Double> into) {
    long start = System.nanoTime();
    return call.get().map(status -> {
      into.add((System.nanoTime() - start) / 1e6);
      return null;
    });
  }

  /** Fires every sign-in at once and probes health until the last one is answered. */
  private Future<JsonObject> storm(int attempts, java.util.function.IntFunction<Future<Integer>> attempt) {
    Map<Integer, Integer> statuses = new TreeMap<>();
    long start = System.nanoTime();
    Supplier<Future<Void>> fire = () -> {
      List<Future<Integer>> all = new ArrayList<>();
      for (int i = 0; i < attempts; i++) {
        all.add(attempt.apply(i).onSuccess(status -> statuses.merge(status, 1, Integer::sum)));
      }
      return Future.join(all).mapEmpty();
    };
    return healthWhile(fire).map(health -> {
      JsonObject answered = new JsonObject();
      statuses.forEach((status, count) -> answered.put(Integer.toString(status), count));
      return new JsonObject().put("answered", answered).put("stormMs", Math.round((System.nanoTime() - start) / 1e6))
          .put("health", health);
    });
  }

  /** Sequential health requests, 2 ms apart, for as long as {@code work} runs (and at least ten of them). */
  private Future<JsonObject> healthWhile(Supplier<Future<Void>> work) {
    List<Double> latencies = new ArrayList<>();
    boolean[] done = {false};
    Promise<JsonObject> finished = Promise.promise();
    Runnable[] next = new Runnable[1];
    next[0] = () -> {
      if (done[0] && latencies.size() >= MIN_SAMPLES) {
        finished.complete(summary(latencies));
        return;
      }
      long start = System.nanoTime();
      probe.get(port, "127.0.0.1", "/api/v1/health").send().onComplete(r -> {
        latencies.add((System.nanoTime() - start) / 1e6);
        vertx.setTimer(2, t -> next[0].run());
      });
    };
    next[0].run();
    work.get().onComplete(r -> done[0] = true);
    return finished.future();
  }

  private Future<Void> pause(long ms) {
    Promise<Void> p = Promise.promise();
    vertx.setTimer(ms, t -> p.complete());
    return p.future();
  }

  /** The same burst of connections, answered 401 at once: what the storm costs without any password work. */
  private Future<Integer> anonymousRequest() {
    return storm.get(port, "127.0.0.1", "/api/v1/session").send().map(HttpResponse::statusCode)
        .recover(e -> Future.succeededFuture(-1));
  }

  private Future<Integer> signIn(String username, String password, String forwardedFor) {
    var request = storm.post(port, "127.0.0.1", "/api/v1/session").putHeader("Content-Type", "application/json");
    if (forwardedFor != null) {
      request.putHeader("X-Forwarded-For", forwardedFor);
    }
    return request.sendBuffer(Buffer.buffer(new JsonObject().put("username", username).put("password", password).encode()))
        .map(HttpResponse::statusCode).recover(e -> Future.succeededFuture(-1));
  }

  private static JsonObject summary(List<Double> latencies) {
    double[] samples = latencies.stream().mapToDouble(Double::doubleValue).toArray();
    return new JsonObject().put("samples", samples.length)
        .put("p50Ms", Stats.round(Stats.percentile(samples, 50), 1))
        .put("p99Ms", Stats.round(Stats.percentile(samples, 99), 1))
        .put("maxMs", Stats.round(Stats.percentile(samples, 100), 1));
  }

  private static double median(List<Double> values) {
    return Stats.round(Stats.median(values.stream().mapToDouble(Double::doubleValue).toArray()), 1);
  }
}

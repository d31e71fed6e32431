package io.earshot.testing;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Asks {@code GET /api/v1/health} as a load balancer does, timing each answer. */
public final class HealthProbe {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  /** Between two probes: a load balancer's usual check interval is seconds; this is denser. */
  private static final long EVERY_MS = 250;

  private HealthProbe() {
  }

  /** One answer: when it was asked ({@link System#nanoTime}), how long it took, its status and body. */
  public record Probe(long atNanos, long millis, int status, JsonObject body) {
    public String overall() {
      return body.getString("status");
    }

    public String mongo() {
      return body.getJsonObject("mongo").getString("status");
    }

    public String redis() {
      return body.getJsonObject("redis").getString("status");
    }
  }

  public static Probe once(String baseUrl) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/health"))
        .timeout(Duration.ofSeconds(10)).GET().build();
    long at = System.nanoTime();
    try {
      HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      return new Probe(at, (System.nanoTime() - at) / 1_000_000, r.statusCode(), new JsonObject(r.body()));
    } catch (IOException e) {
      throw new AssertionError("health did not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Probes every {@value #EVERY_MS} ms for {@code duration}; answers every probe. */
  public static List<Probe> during(String baseUrl, Duration duration) throws InterruptedException {
    List<Probe> probes = new ArrayList<>();
    long end = System.nanoTime() + duration.toNanos();
    while (System.nanoTime() < end) {
      probes.add(once(baseUrl));
      Thread.sleep(EVERY_MS);
    }
    return probes;
  }

  public static long maxMillis(List<Probe> probes) {
    return probes.stream().mapToLong(Probe::millis).max().orElse(0);
  }

  public static long medianMillis(List<Probe> probes) {
    long[] sorted = probes.stream().mapToLong(Probe::millis).sorted().toArray();
    return sorted.length == 0 ? 0 : sorted[sorted.length / 2];
  }
}

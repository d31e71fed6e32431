package io.earshot.web.hostile;

import io.earshot.testing.RawExchange;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends requests {@code 0..n-1} of a generator from several concurrent clients, one socket per
 * request, and keeps what a report needs: every problem with the request that caused it, the
 * answers by status, the latencies, and the good ingest items that were answered as accepted.
 */
final class Storm {
  private static final long DEADLINE_MS = 20_000;
  private final RequestGenerator generator;
  private final int port;
  private final List<String> problems = new ArrayList<>();
  private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
  private final AtomicInteger versionRefusals = new AtomicInteger();
  private final Map<String, AtomicInteger> routes = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<HostileRequest.GoodItem> accepted = new ConcurrentLinkedQueue<>();
  private final long[] millis;
  private final AtomicLong slowest = new AtomicLong(-1);
  private volatile String slowestRequest = "";
  private long wallMs;

  Storm(RequestGenerator generator, int port, int requests) {
    this.generator = generator;
    this.port = port;
    this.millis = new long[requests];
  }

  /** Sends every request, or (to make failures again) only those listed in {@code only}. */
  Storm run(int clients, List<Integer> only) throws InterruptedException {
    long start = System.nanoTime();
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    for (int c = 0; c < clients; c++) {
      pool.submit(() -> {
        for (int i = next.getAndIncrement(); i < millis.length; i = next.getAndIncrement()) {
          if (only.isEmpty() || only.contains(i)) {
            one(i);
          }
        }
      });
    }
    pool.shutdown();
    if (!pool.awaitTermination(10, TimeUnit.MINUTES)) {
      pool.shutdownNow();
      throw new IllegalStateException("the storm did not finish within 10 minutes");
    }
    wallMs = (System.nanoTime() - start) / 1_000_000;
    return this;
  }

  private void one(int index) {
    RequestGenerator.Generated generated;
    RawExchange.Answer answer;
    try {
      generated = generator.next(index);
    } catch (RuntimeException e) {
      record("seed " + generator.seed() + " request #" + index + ": the generator failed: " + e);
      return;
    }
    HostileRequest request = generated.request();
    boolean head = request.head().length > 5 && new String(request.head(), 0, 5).equals("HEAD ");
    answer = RawExchange.exchange(port, request.head(), request.body(), DEADLINE_MS, head);
    millis[index] = answer.millis();
    if (answer.status() == 501 && !Verdict.spokenVersion(request)) {
      versionRefusals.incrementAndGet();
    } else {
      statuses.computeIfAbsent(answer.status(), s -> new AtomicInteger()).incrementAndGet();
    }
    routes.computeIfAbsent(request.route(), s -> new AtomicInteger()).incrementAndGet();
    if (slowest.getAndAccumulate(answer.millis(), Math::max) < answer.millis()) {
      slowestRequest = "#" + index + " " + request.route() + " " + request.label();
    }
    List<String> found;
    try {
      found = Verdict.judge(request, generated.mustRefuse(), answer, head);
    } catch (RuntimeException e) {
      found = List.of("answer not understood (" + e + "): " + Verdict.shorten(answer.bodyText()));
    }
    if (!found.isEmpty()) {
      record("seed " + generator.seed() + " " + String.join("; ", found) + "\n  request " + request.describe()
          + "\n  answer " + answer.status() + " " + Verdict.shorten(answer.headers() + answer.bodyText()));
    } else if (request.mixedIngest()) {
      accepted.addAll(request.goodItems().values());
    }
  }

  private synchronized void record(String problem) {
    problems.add(problem);
  }

  synchronized List<String> problems() {
    return List.copyOf(problems);
  }

  List<HostileRequest.GoodItem> accepted() {
    return List.copyOf(accepted);
  }

  /** The figures of the run, as one JSON object. */
  JsonObject figures() {
    long[] sorted = millis.clone();
    java.util.Arrays.sort(sorted);
    Map<String, Object> byStatus = new TreeMap<>();
    statuses.forEach((status, count) -> byStatus.put(String.valueOf(status), count.get()));
    Map<String, Object> byRoute = new TreeMap<>(routeCounts());
    int fiveHundreds = statuses.entrySet().stream().filter(e -> e.getKey() >= 500).mapToInt(e -> e.getValue().get()).sum();
    return new JsonObject().put("seed", generator.seed()).put("requests", millis.length).put("wallMs", wallMs)
        .put("problems", problems().size()).put("answered5xx", fiveHundreds)
        .put("unknownHttpVersionAnswered501ByVertx", versionRefusals.get())
        .put("p50Ms", sorted[sorted.length / 2]).put("p99Ms", sorted[(int) (sorted.length * 0.99)])
        .put("slowestMs", slowest.get()).put("slowestRequest", slowestRequest)
        .put("goodItemsAccepted", accepted.size()).put("byStatus", new JsonObject(byStatus))
        .put("byRoute", new JsonObject(byRoute));
  }

  /** How many requests each route (or "elsewhere") received. */
  Map<String, Integer> routeCounts() {
    Map<String, Integer> counts = new TreeMap<>();
    routes.forEach((route, count) -> counts.put(route, count.get()));
    return counts;
  }
}

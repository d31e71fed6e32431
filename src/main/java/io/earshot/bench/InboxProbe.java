package io.earshot.bench;

import io.earshot.Hub;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.core.buffer.Buffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Times the inbox API of a running hub over HTTP with an admin's session, one request at a time:
 * a few warm-up calls, then {@code samples} timed ones per request; p50/p95/max in milliseconds.
 */
final class InboxProbe {
  private static final int WARM_UP = 5;
  private final Vertx vertx;
  private final WebClient client;
  private final int port;
  private final String cookie;
  private final int samples;

  InboxProbe(Hub hub, String password, int samples) {
    this.vertx = Vertx.vertx();
    this.client = WebClient.create(vertx);
    this.port = hub.port();
    this.samples = samples;
    this.cookie = client.post(port, "127.0.0.1", "/api/v1/session")
        .sendJsonObject(new JsonObject().put("username", "admin").put("password", password))
        .map(r -> r.cookies().get(0).split(";")[0]).await();
  }

  JsonObject measure(List<String> caseIds) {
    Map<String, String> requests = new LinkedHashMap<>();
    // The floor on this machine: a signed-in request that reads one document by key.
    requests.put("baseline_session", "/api/v1/session");
    requests.put("list_priority", "/api/v1/cases?limit=50");
    requests.put("list_newest", "/api/v1/cases?sort=newest&limit=50");
    requests.put("list_waiting", "/api/v1/cases?sort=waiting&limit=50");
    requests.put("filter_status_open", "/api/v1/cases?status=new,open&limit=50");
    requests.put("filter_resolved_platform", "/api/v1/cases?status=resolved&platform=x&sort=newest&limit=50");
    requests.put("filter_assignee", "/api/v1/cases?assignee=agent3&limit=50");
    requests.put("filter_unassigned", "/api/v1/cases?assignee=none&limit=50");
    requests.put("filter_negative_priority", "/api/v1/cases?sentiment=negative&priorityMin=40&limit=50");
    requests.put("filter_dates", "/api/v1/cases?from=" + java.time.LocalDate.now().minusDays(30) + "&limit=50");
    requests.put("search_common_word", "/api/v1/cases?q=charged&limit=50");
    requests.put("search_phrase", "/api/v1/cases?q=%22password%20reset%22&sort=newest&limit=50");
    requests.put("search_one_case", "/api/v1/cases?q=ref" + (caseIds.size() / 2) + "&limit=50");
    requests.put("search_customer", "/api/v1/cases?q=customer4242&limit=50");
    requests.put("mentions_platform", "/api/v1/mentions?platform=x&limit=1");
    requests.put("mentions_newest", "/api/v1/mentions?limit=50");
    requests.put("counts", "/api/v1/cases/counts");
    requests.put("counts_filtered", "/api/v1/cases/counts?platform=mastodon&sentiment=negative");
    JsonObject figures = new JsonObject();
    requests.forEach((name, path) -> figures.put(name, timed(samples, path)));
    figures.put("page_50_deep", deepPage());
    SplittableRandom random = new SplittableRandom(3);
    figures.put("open_case", stats(samples, () -> get("/api/v1/cases/" + caseIds.get(random.nextInt(caseIds.size())))));
    return figures;
  }

  /** The 50th page of 50 by cursor: how long one page takes that deep. */
  private JsonObject deepPage() {
    String cursor = null;
    for (int page = 0; page < 49; page++) {
      cursor = get("/api/v1/cases?sort=newest&limit=50" + (cursor == null ? "" : "&cursor=" + cursor))
          .bodyAsJsonObject().getString("nextCursor");
    }
    String at = cursor;
    return stats(samples, () -> get("/api/v1/cases?sort=newest&limit=50&cursor=" + at));
  }

  JsonObject timed(int n, String path) {
    return stats(n, () -> get(path));
  }

  /** Timed without warm-up: for requests too slow to repeat. */
  JsonObject once(int n, String path) {
    return stats(n, 0, () -> get(path));
  }

  void close() {
    vertx.close().await();
  }

  private HttpResponse<Buffer> get(String path) {
    HttpResponse<Buffer> r = client.get(port, "127.0.0.1", path).putHeader("Cookie", cookie).send().await();
    if (r.statusCode() != 200) {
      throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.bodyAsString());
    }
    return r;
  }

  static JsonObject stats(int n, Runnable call) {
    return stats(n, Math.min(WARM_UP, n), call);
  }

  static JsonObject stats(int n, int warmUp, Runnable call) {
    for (int i = 0; i < warmUp; i++) {
      call.run();
    }
    double[] ms = new double[n];
    for (int i = 0; i < n; i++) {
      long t0 = System.nanoTime();
      call.run();
      ms[i] = (System.nanoTime() - t0) / 1e6;
    }
    return new JsonObject().put("p50Ms", Stats.round(Stats.percentile(ms, 50), 1))
        .put("p95Ms", Stats.round(Stats.percentile(ms, 95), 1))
        .put("maxMs", Stats.round(java.util.Arrays.stream(ms).max().orElse(0), 1)).put("samples", n);
  }
}

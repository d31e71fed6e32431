package io.earshot.testing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A producer streaming batches of mentions to {@code POST /api/v1/mentions} from its own thread,
 * as a well-behaved client does: a batch is sent again until it is answered 202, waiting what a
 * 503's {@code Retry-After} says (capped, to keep the test short), so every mention it sent is
 * confirmed by the time it stops. It records every answer and which mentions a 202 confirmed.
 */
public final class IngestStream implements AutoCloseable {
  /**
   * One answer: when the request was sent ({@link System#nanoTime}), its status (-1: no answer),
   * how long it took, its {@code Retry-After} header (or null) and body.
   */
  public record Answer(long atNanos, int status, long millis, String retryAfter, String body) {
  }

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI uri;
  private final String token;
  private final String prefix;
  private final int batchSize;
  private final long maxRetryWaitMillis;
  private final long pauseMillis;
  private final Set<String> sent = Collections.synchronizedSet(new LinkedHashSet<>());
  private final Set<String> confirmed = Collections.synchronizedSet(new LinkedHashSet<>());
  private final List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong duplicates = new AtomicLong();
  private final Thread thread;
  private volatile boolean stopping;
  private volatile Throwable crashed;

  /**
   * @param pauseMillis between one confirmed batch and the next: the pace of the stream
   * @param maxRetryWaitMillis the longest it waits before sending a refused batch again
   */
  public IngestStream(String baseUrl, String token, String prefix, int batchSize, long pauseMillis,
                      long maxRetryWaitMillis) {
    this.uri = URI.create(baseUrl + "/api/v1/mentions");
    this.token = token;
    this.prefix = prefix;
    this.batchSize = batchSize;
    this.maxRetryWaitMillis = maxRetryWaitMillis;
    this.pauseMillis = pauseMillis;
    this.thread = new Thread(this::run, "ingest-stream-" + prefix);
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    try {
      for (int batch = 0; !stopping; batch++) {
        JsonArray mentions = batch(batch);
        while (!send(mentions)) {
          // sent again, after the wait the hub asked for
        }
        Thread.sleep(pauseMillis);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Throwable e) {
      crashed = e;
    }
  }

  private JsonArray batch(int number) {
    JsonArray mentions = new JsonArray();
    for (int i = 0; i < batchSize; i++) {
      String id = prefix + "-" + number + "-" + i;
      mentions.add(ApiClient.mention(id, prefix + "-author-" + (number * batchSize + i) % 40,
          "@VoltMobile outage report " + id + ", no signal again"));
      sent.add(id);
    }
    return mentions;
  }

  /** True once the batch is answered 202; otherwise waits as told and answers false. */
  private boolean send(JsonArray mentions) throws InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(mentions.encode())).build();
    long start = System.nanoTime();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      answers.add(new Answer(start, -1, (System.nanoTime() - start) / 1_000_000, null, e.toString()));
      Thread.sleep(maxRetryWaitMillis);
      return false;
    }
    String retryAfter = response.headers().firstValue("Retry-After").orElse(null);
    answers.add(new Answer(start, response.statusCode(), (System.nanoTime() - start) / 1_000_000, retryAfter, response.body()));
    if (response.statusCode() == 202) {
      JsonObject body = new JsonObject(response.body());
      accepted.addAndGet(body.getInteger("accepted"));
      duplicates.addAndGet(body.getInteger("duplicates"));
      mentions.forEach(m -> confirmed.add(((JsonObject) m).getString("externalId")));
      return true;
    }
    long wait = retryAfter == null ? maxRetryWaitMillis : Math.min(maxRetryWaitMillis, Long.parseLong(retryAfter) * 1000);
    Thread.sleep(wait);
    return false;
  }

  /** Answers seen so far. */
  public List<Answer> answers() {
    synchronized (answers) {
      return List.copyOf(answers);
    }
  }

  public int answered() {
    return answers.size();
  }

  /** Stops after the batch in flight is confirmed; fails if the stream broke or cannot finish. */
  public void finish(Duration within) throws InterruptedException {
    stopping = true;
    thread.join(within.toMillis());
    if (thread.isAlive()) {
      throw new AssertionError("the last batch was not confirmed within " + within + "; answers: " + tail());
    }
    if (crashed != null) {
      throw new AssertionError("the stream broke", crashed);
    }
  }

  private List<Answer> tail() {
    List<Answer> all = answers();
    return all.subList(Math.max(0, all.size() - 5), all.size());
  }

  public Set<String> sent() {
    synchronized (sent) {
      return Set.copyOf(sent);
    }
  }

  public Set<String> confirmed() {
    synchronized (confirmed) {
      return Set.copyOf(confirmed);
    }
  }

  public long accepted() {
    return accepted.get();
  }

  public long duplicates() {
    return duplicates.get();
  }

  @Override
  public void close() {
    stopping = true;
    thread.interrupt();
  }
}

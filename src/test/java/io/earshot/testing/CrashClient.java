package io.earshot.testing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A client streaming mentions to a hub that may die under it, as a careful connector would: it
 * sends batches from a few threads, counts a batch as confirmed only when answered 202 with no
 * item refused, and keeps every batch it could not confirm (connection lost, no answer) to send
 * again, before anything new, to the next hub. What it believes is never used to judge the hub;
 * only the statuses it saw are (a 5xx anywhere is a failure).
 */
public final class CrashClient {
  private static final int SENDERS = 2;
  private final String token;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Deque<List<ReplyChains.Node>> fresh = new ConcurrentLinkedDeque<>();
  private final Deque<List<ReplyChains.Node>> unconfirmed = new ConcurrentLinkedDeque<>();
  private final Set<String> confirmed = ConcurrentHashMap.newKeySet();
  private final List<String> badAnswers = new CopyOnWriteArrayList<>();
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicInteger resendsStarted = new AtomicInteger();
  private final AtomicInteger resentBatches = new AtomicInteger();

  public CrashClient(String token, List<ReplyChains.Node> mentions, int perBatch) {
    this.token = token;
    for (int i = 0; i < mentions.size(); i += perBatch) {
      fresh.add(List.copyOf(mentions.subList(i, Math.min(mentions.size(), i + perBatch))));
    }
  }

  /** Starts the senders against a hub; they stop when everything is confirmed or the hub is gone. */
  public CompletableFuture<Void> streamTo(HubProcess hub) {
    ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
    CompletableFuture<?>[] running = new CompletableFuture<?>[SENDERS];
    for (int i = 0; i < SENDERS; i++) {
      running[i] = CompletableFuture.runAsync(() -> send(hub), senders);
    }
    return CompletableFuture.allOf(running).whenComplete((v, e) -> senders.shutdown());
  }

  private void send(HubProcess hub) {
    while (hub.alive()) {
      List<ReplyChains.Node> batch = unconfirmed.pollFirst();
      boolean resend = batch != null;
      if (batch == null) {
        batch = fresh.pollFirst();
      }
      if (batch == null) {
        return;
      }
      if (resend) {
        resendsStarted.incrementAndGet();
      }
      if (!post(hub, batch)) {
        unconfirmed.add(batch);
      } else if (resend) {
        resentBatches.incrementAndGet();
      }
    }
  }

  /** Answers whether the batch is confirmed. */
  private boolean post(HubProcess hub, List<ReplyChains.Node> batch) {
    JsonArray body = new JsonArray();
    batch.forEach(n -> body.add(n.json()));
    HttpRequest request = HttpRequest.newBuilder(URI.create(hub.baseUrl() + "/api/v1/mentions"))
        .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.encode())).build();
    try {
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 202) {
        badAnswers.add(r.statusCode() + " " + r.body());
        return false;
      }
      JsonObject answer = new JsonObject(r.body());
      if (!answer.getJsonArray("rejected").isEmpty()) {
        badAnswers.add("refused items: " + r.body());
        return false;
      }
      accepted.addAndGet(answer.getInteger("accepted"));
      batch.forEach(n -> confirmed.add(n.externalId()));
      return true;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  public int confirmedCount() {
    return confirmed.size();
  }

  public Set<String> confirmed() {
    return Collections.unmodifiableSet(confirmed);
  }

  public boolean done() {
    return fresh.isEmpty() && unconfirmed.isEmpty();
  }

  public int unconfirmedBatches() {
    return unconfirmed.size();
  }

  /** Re-sends begun since the start (a kill "during a re-send" waits for one). */
  public int resendsStarted() {
    return resendsStarted.get();
  }

  public int resentBatches() {
    return resentBatches.get();
  }

  /** Sum of {@code accepted} over all 202 answers: never more than the mentions stored. */
  public long acceptedTotal() {
    return accepted.get();
  }

  /** Every answer that was neither 202 nor free of refusals (must stay empty). */
  public List<String> badAnswers() {
    return badAnswers;
  }
}

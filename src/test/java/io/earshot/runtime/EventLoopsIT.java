package io.earshot.runtime;

import static io.earshot.testing.ApiClient.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.testing.ApiClient;
import io.earshot.testing.LoopWatch;
import io.earshot.testing.SandboxClient;
import io.earshot.testing.TestHub;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Nothing blocking runs on an event loop, under load. The hub's Vert.x reports any event-loop
 * task that runs longer than 200 ms (checked every 50 ms, against the default 2 s), and the test
 * drives ingest, wrong passwords, case changes, replies and webhook deliveries at once; from the
 * hub's start on, no report may show a loop that spent 200 ms on its own (on a CPU, or off one
 * without waiting for it). Reports that the machine explains (the loop was runnable but waiting
 * for a CPU, or a GC pause stopped every thread) are logged, not failed: on a shared CI machine
 * they say nothing about the hub. See {@link LoopWatch}. The positive control at the end blocks
 * a loop on purpose and sees it judged blocked, so the silence before it means something.
 */
@DisplayName("Nothing blocks an event loop")
class EventLoopsIT {
  private static final long LIMIT_MS = 200;

  @Test
  @DisplayName("ingest, wrong passwords, case changes, replies and webhooks together never block an event loop")
  void noBlockedEventLoop() throws Exception {
    VertxOptions strict = new VertxOptions().setMaxEventLoopExecuteTime(LIMIT_MS)
        .setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS)
        .setBlockedThreadCheckInterval(50).setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS)
        // With the blocked thread's stack in the log, a failure says what blocked.
        .setWarningExceptionTime(LIMIT_MS).setWarningExceptionTimeUnit(TimeUnit.MILLISECONDS);
    Vertx receivers = Vertx.vertx();
    ExecutorService clients = Executors.newFixedThreadPool(4);
    try (LoopWatch loops = new LoopWatch(LIMIT_MS); SandboxClient sandbox = new SandboxClient();
         TestHub hub = TestHub.start(Map.of("EARSHOT_CONNECTORS_DIR", sandbox.connectorsDir().toString(),
             "EARSHOT_SIGNIN_ACCOUNT_LIMIT", "10000", "EARSHOT_SIGNIN_ADDRESS_LIMIT", "100000"), strict, loops::watch)) {
      ApiClient admin = hub.api().login("admin", hub.adminPassword());
      String webhook = webhooks(admin, receivers);
      Cases cases = seedCases(hub, sandbox, admin, 20);
      AtomicInteger replies = new AtomicInteger();
      CompletableFuture.allOf(
          CompletableFuture.runAsync(() -> ingest(hub, 20, 100), clients),
          CompletableFuture.runAsync(() -> wrongPasswords(hub, 60), clients),
          CompletableFuture.runAsync(() -> caseChanges(hub, cases.toChange()), clients),
          CompletableFuture.runAsync(() -> reply(hub, cases.toAnswer(), replies), clients)
      ).get(180, TimeUnit.SECONDS);
      assertEquals(20, replies.get());
      assertTrue(eventually(Duration.ofSeconds(60), () -> sandbox.brandPosts().size() >= 20),
          "every reply went out: " + sandbox.brandPosts().size());
      assertTrue(eventually(Duration.ofSeconds(30), () -> !admin.get("/api/v1/webhooks/" + webhook
          + "/deliveries?state=delivered").json().getJsonArray("items").isEmpty()), "webhooks were delivered");
      List<LoopWatch.Report> blocked = loops.blocked();
      assertTrue(blocked.isEmpty(), "event loops blocked: " + blocked);
      blockOnPurpose(hub);
      assertTrue(eventually(Duration.ofSeconds(5), () -> !loops.blocked().isEmpty()),
          "the positive control: a loop blocked for 3x the limit is judged blocked");
    } finally {
      clients.shutdownNow();
      receivers.close().await();
    }
  }

  /**
   * The sleep is the thing measured, not a wait for something: it holds an event loop for three
   * times the blocked-thread limit, which the checker must report.
   */
  private static void blockOnPurpose(TestHub hub) {
    hub.vertx().runOnContext(v -> {
      try {
        Thread.sleep(LIMIT_MS * 3);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
  }

  /**
   * Every event to one receiver that accepts, status changes to one that fails (retried with
   * back-off); answers the first endpoint's id.
   */
  private static String webhooks(ApiClient admin, Vertx receivers) {
    int ok = receivers.createHttpServer().requestHandler(r -> r.response().setStatusCode(204).end())
        .listen(0).await().actualPort();
    int failing = receivers.createHttpServer().requestHandler(r -> r.response().setStatusCode(500).end())
        .listen(0).await().actualPort();
    ApiClient.Response all = admin.post("/api/v1/webhooks", webhook(ok, "*"));
    assertEquals(201, all.status(), all.body());
    assertEquals(201, admin.post("/api/v1/webhooks", webhook(failing, "case.status_changed")).status());
    return all.json().getString("id");
  }

  private static JsonObject webhook(int port, String events) {
    return new JsonObject().put("url", "http://127.0.0.1:" + port + "/hook").put("secret", "loop-test-secret-12345")
        .put("events", new JsonArray().add(events));
  }

  /**
   * Cases to change (their mentions come through the ingest API) and cases to answer (through the
   * sandbox, which only takes replies to posts it has).
   */
  private record Cases(List<String> toChange, List<String> toAnswer) {
  }

  private static Cases seedCases(TestHub hub, SandboxClient sandbox, ApiClient admin, int n) {
    JsonArray mentions = new JsonArray();
    for (int i = 0; i < n; i++) {
      mentions.add(ApiClient.mention("seed-" + i, "seed-author-" + i, "@ForkfulEats my order " + i + " never came"));
      sandbox.postMention("loop_customer_" + i, "@ForkfulEats my parcel " + i + " is late");
    }
    assertEquals(n, hub.api().ingest(mentions).json().getInteger("accepted"));
    assertTrue(eventually(Duration.ofSeconds(30),
        () -> admin.get("/api/v1/cases?limit=500").json().getJsonArray("items").size() >= 2 * n));
    List<String> toChange = new ArrayList<>();
    List<String> toAnswer = new ArrayList<>();
    admin.get("/api/v1/cases?limit=500").json().getJsonArray("items").stream().map(JsonObject.class::cast)
        .forEach(c -> ("sandbox".equals(c.getString("account")) ? toAnswer : toChange).add(c.getString("id")));
    assertEquals(n, toAnswer.size());
    return new Cases(toChange, toAnswer);
  }

  private static void ingest(TestHub hub, int requests, int perRequest) {
    for (int r = 0; r < requests; r++) {
      JsonArray mentions = new JsonArray();
      for (int i = 0; i < perRequest; i++) {
        mentions.add(ApiClient.mention("load-" + r + "-" + i, "load-author-" + (i % 37), "@ForkfulEats load " + r));
      }
      assertEquals(202, hub.api().ingest(mentions).status());
    }
  }

  /** Each attempt hashes on the password pool (an unknown user against a dummy hash); all are 401. */
  private static void wrongPasswords(TestHub hub, int attempts) {
    ApiClient anonymous = new ApiClient(hub.baseUrl(), hub.ingestToken());
    for (int i = 0; i < attempts; i++) {
      String user = i % 2 == 0 ? "admin" : "nobody-" + i;
      ApiClient.Response r = anonymous.post("/api/v1/session",
          new JsonObject().put("username", user).put("password", "wrong-password-" + i));
      assertEquals(401, r.status(), r.body());
    }
  }

  private static void caseChanges(TestHub hub, List<String> cases) {
    ApiClient agent = new ApiClient(hub.baseUrl(), hub.ingestToken()).login("admin", hub.adminPassword());
    String[] statuses = {"open", "pending", "resolved", "open"};
    for (String status : statuses) {
      for (String id : cases) {
        assertEquals(200, agent.patch("/api/v1/cases/" + id, new JsonObject().put("status", status)
            .put("assignee", "admin")).status());
      }
    }
  }

  private static void reply(TestHub hub, List<String> cases, AtomicInteger accepted) {
    ApiClient agent = new ApiClient(hub.baseUrl(), hub.ingestToken()).login("admin", hub.adminPassword());
    for (String id : cases) {
      ApiClient.Response r = agent.post("/api/v1/cases/" + id + "/replies", new JsonObject().put("text", "On it!"));
      assertEquals(202, r.status(), r.body());
      accepted.incrementAndGet();
    }
  }
}

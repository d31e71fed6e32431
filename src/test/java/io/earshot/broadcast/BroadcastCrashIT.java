package io.earshot.broadcast;

import static io.earshot.testing.ApiClient.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.earshot.testing.ApiClient;
import io.earshot.testing.HubProcess;
import io.earshot.testing.SandboxClient;
import io.earshot.testing.TestHub;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A real hub process fans a broadcast's personal notices out to 40 customers, paced, and is
 * killed with SIGKILL twice in the middle of it; each time a new hub starts on the same data and
 * carries on. The platform (the sandbox, in this JVM) is then asked what it received.
 */
@DisplayName("Personal notices survive a killed hub: every customer is told exactly once")
class BroadcastCrashIT {
  private static final int CUSTOMERS = 40;
  private static final String TOKEN = "broadcast-crash-token";

  @Test
  @DisplayName("killed twice during the fan-out, the restarted hub finishes it and each notice reached the platform once")
  void killedDuringFanOut() {
    try (SandboxClient sandbox = new SandboxClient()) {
      Path dir = TestHub.tempDir("earshot-broadcast-crash").resolve("data");
      copyAccount(sandbox, dir);
      // 20 per 4 s: a burst of 2, then one notice every ~0.22 s, so the fan-out takes about 9 s.
      Map<String, String> env = Map.of("EARSHOT_INGEST_TOKEN", TOKEN, "EARSHOT_ADMIN_PASSWORD", TestHub.ADMIN_PASSWORD,
          "EARSHOT_BROADCAST_PACING", "sandbox=20/4");
      List<String> handles = IntStream.range(0, CUSTOMERS).mapToObj(i -> "crash_c" + i).toList();
      handles.forEach(h -> sandbox.postMention(h, "@ForkfulEats payments keep failing for me"));
      List<String> kills = new ArrayList<>();
      HubProcess first = HubProcess.start(dir, env, 1);
      String broadcastId = releaseBroadcast(first, handles);
      kills.add(killAfter(first, sandbox, 8));
      HubProcess second = HubProcess.start(dir, env, 2);
      kills.add(killAfter(second, sandbox, 24));
      try (HubProcess last = HubProcess.start(dir, env, 3)) {
        ApiClient admin = new ApiClient(last.baseUrl(), TOKEN).login("admin", TestHub.ADMIN_PASSWORD);
        assertTrue(eventually(Duration.ofSeconds(60), () -> "sent".equals(admin.get("/api/v1/broadcasts/" + broadcastId)
            .json().getString("state"))), last.log());
        JsonObject done = admin.get("/api/v1/broadcasts/" + broadcastId).json();
        Map<String, Long> perCustomer = noticesPerHandle(sandbox.brandPosts());
        System.out.println("broadcast crash test: customers=" + CUSTOMERS + " kills=" + kills + " notices="
            + done.getJsonObject("notices").encode());
        assertEquals(handles.stream().collect(Collectors.toMap(Function.identity(), h -> 1L)), perCustomer,
            "one notice per customer on the platform");
        assertEquals(new JsonObject().put("total", CUSTOMERS).put("sent", CUSTOMERS).put("queued", 0).put("failed", 0),
            done.getJsonObject("notices"));
        assertEquals(1, sandbox.brandPosts().stream().map(o -> (JsonObject) o)
            .filter(p -> p.getString("text").startsWith("Payments")).count(), "the public post went out once");
      }
    }
  }

  /** Waits for the customers' cases, links them to a problem and has a manager approve the broadcast. */
  private static String releaseBroadcast(HubProcess hub, List<String> handles) {
    ApiClient admin = new ApiClient(hub.baseUrl(), TOKEN).login("admin", TestHub.ADMIN_PASSWORD);
    assertEquals(201, admin.post("/api/v1/users", new JsonObject().put("username", "mia").put("password", "mia-password-1")
        .put("roles", new JsonArray().add("manager"))).status());
    ApiClient manager = new ApiClient(hub.baseUrl(), TOKEN).login("mia", "mia-password-1");
    List<String> caseIds = ProblemFixture.casesOf(admin, handles);
    String problemId = "prob-" + UUID.randomUUID();
    try (MongoClient mongo = MongoClients.create(hub.mongoUrl())) {
      var db = mongo.getDatabase("earshot");
      db.getCollection("problems").insertOne(new Document("_id", problemId).append("title", "Payments fail")
          .append("brand", "default").append("status", "fixing").append("publicSummary", "A fix is deploying.")
          .append("caseIds", caseIds));
      db.getCollection("cases").updateMany(Filters.in("_id", caseIds), Updates.set("problemId", problemId));
    }
    String id = admin.post("/api/v1/broadcasts", new JsonObject().put("problemId", problemId)
        .put("text", "Payments are failing for some of you; a fix is deploying.").put("accounts", new JsonArray().add("sandbox"))
        .put("notifyAffected", true).put("noticeText", "@{{customer.handle}} your payment problem: a fix is deploying."))
        .json().getString("id");
    assertEquals("queued", manager.post("/api/v1/approvals/" + id, new JsonObject().put("decision", "approve"))
        .json().getString("state"));
    return id;
  }

  private static String killAfter(HubProcess hub, SandboxClient sandbox, int notices) {
    assertTrue(eventually(Duration.ofSeconds(60), () -> noticeCount(sandbox) >= notices), hub.log());
    int seen = noticeCount(sandbox);
    assertEquals(137, hub.kill(), "SIGKILL (128 + 9)");
    hub.close();
    return "killed after " + seen + " notices";
  }

  private static int noticeCount(SandboxClient sandbox) {
    return noticesPerHandle(sandbox.brandPosts()).values().stream().mapToInt(Long::intValue).sum();
  }

  private static Map<String, Long> noticesPerHandle(JsonArray posts) {
    return posts.stream().map(o -> (JsonObject) o).map(p -> p.getString("text"))
        .filter(t -> t.startsWith("@crash_c")).collect(Collectors.groupingBy(t -> t.substring(1, t.indexOf(' ')),
            Collectors.counting()));
  }

  /** The sandbox account, in the connectors directory {@link HubProcess} gives the hub. */
  private static void copyAccount(SandboxClient sandbox, Path dataDir) {
    try {
      Path connectors = dataDir.resolveSibling(dataDir.getFileName() + "-connectors");
      Files.createDirectories(connectors);
      Files.copy(sandbox.connectorsDir().resolve("sandbox.json"), connectors.resolve("sandbox.json"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package io.earshot.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.earshot.testing.CrashClient;
import io.earshot.testing.HubProcess;
import io.earshot.testing.ReplyChains;
import io.earshot.testing.TestHub;
import io.earshot.testing.ThreadCheck;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The operator's crash test, as a test: a client streams mentions with reply chains (shuffled,
 * so replies often come before their parents, across requests and across crashes) into a real
 * hub process, which is killed with SIGKILL early, in the middle, late, and while the client
 * re-sends what it could not confirm; each time a new hub starts on the same data directory and
 * the client re-sends everything unconfirmed first. At the end, what the last hub stored is read
 * with the MongoDB driver from its embedded server and judged on its own.
 */
@DisplayName("Acknowledged means stored: a hub killed with SIGKILL at any point loses and duplicates nothing")
class CrashIT {
  private static final int CHAINS = 400;
  private static final int PER_BATCH = 200;
  private static final String TOKEN = "crash-test-token";

  @Test
  @DisplayName("every mention answered 202 is stored exactly once, in one case per chain, across four kills")
  void killedHubLosesNothing() {
    Path dir = TestHub.tempDir("earshot-crash").resolve("data");
    Map<String, String> env = Map.of("EARSHOT_INGEST_TOKEN", TOKEN, "EARSHOT_ADMIN_PASSWORD", TestHub.ADMIN_PASSWORD);
    ReplyChains chains = new ReplyChains("crash", CHAINS);
    int total = chains.mentionCount();
    CrashClient client = new CrashClient(TOKEN, chains.shuffled(new Random(42)), PER_BATCH);
    Random timing = new Random(7);
    List<String> kills = new ArrayList<>();
    int run = 0;
    for (double share : new double[] {0.15, 0.45, 0.75}) {
      HubProcess hub = HubProcess.start(dir, env, ++run);
      int needed = (int) (total * share);
      kills.add(killWhen(hub, client, () -> client.confirmedCount() >= needed, timing, "after " + needed + " confirmed"));
    }
    HubProcess resending = HubProcess.start(dir, env, ++run);
    int resendsBefore = client.resendsStarted();
    assertTrue(client.unconfirmedBatches() > 0, "the late kill left batches to re-send");
    kills.add(killWhen(resending, client, () -> client.resendsStarted() > resendsBefore, timing, "during a re-send"));
    try (HubProcess last = HubProcess.start(dir, env, ++run)) {
      while (!client.done()) {
        client.streamTo(last).join();
      }
      report(check(last, chains, client), client, total, kills);
    }
  }

  /**
   * Streams until the condition holds, then, after a random few milliseconds (so the kill lands
   * anywhere in the hub's work on the requests in flight), SIGKILLs the hub.
   */
  private static String killWhen(HubProcess hub, CrashClient client, BooleanSupplier when, Random timing, String point) {
    CompletableFuture<Void> streaming = client.streamTo(hub);
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (!when.getAsBoolean() && !streaming.isDone() && Instant.now().isBefore(deadline)) {
      pause(2);
    }
    assertTrue(when.getAsBoolean(), "kill point '" + point + "' not reached: " + hub.log());
    pause(timing.nextInt(40));
    int confirmed = client.confirmedCount();
    int exit = hub.kill();
    assertEquals(137, exit, "SIGKILL (128 + 9)");
    streaming.join();
    hub.close();
    return point + ": " + confirmed + " confirmed when killed";
  }

  private static void pause(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static ThreadCheck.Report check(HubProcess hub, ReplyChains chains, CrashClient client) {
    try (MongoClient mongo = MongoClients.create(hub.mongoUrl())) {
      MongoDatabase db = mongo.getDatabase("earshot");
      Set<String> all = chains.parentsFirst().stream().map(ReplyChains.Node::externalId).collect(Collectors.toSet());
      assertEquals(all, client.confirmed(), "the client got every mention confirmed in the end");
      return ThreadCheck.check(db::getCollection, chains.chains(), all);
    }
  }

  private static void report(ThreadCheck.Report report, CrashClient client, int total, List<String> kills) {
    System.out.println("crash test: mentions=" + total + " acknowledged=" + client.confirmedCount() + " kills="
        + kills.size() + " " + kills + " resentBatches=" + client.resentBatches() + " acceptedAnswers="
        + client.acceptedTotal() + " " + report.summary());
    assertEquals(List.of(), client.badAnswers(), "no 5xx and no refused item, first answers or re-sends");
    assertTrue(report.clean(), report.summary());
    assertEquals(total, report.stored(), "each mention stored once");
    assertTrue(client.acceptedTotal() <= total, "no mention counted as newly accepted twice");
  }
}

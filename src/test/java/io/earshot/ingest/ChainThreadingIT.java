package io.earshot.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.testing.ApiClient;
import io.earshot.testing.ReplyChains;
import io.earshot.testing.ReplyChains.Node;
import io.earshot.testing.TestHub;
import io.earshot.testing.ThreadCheck;
import io.vertx.core.json.JsonArray;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Reply chains stay in one case whatever order they arrive in")
class ChainThreadingIT {
  private static final int CHAINS = 120;
  private final Map<String, String> env = Map.of("EARSHOT_DATA_DIR", TestHub.tempDir("earshot-chains").toString());
  private TestHub hub = TestHub.start(env);

  @AfterEach
  void stop() {
    hub.close();
  }

  @Test
  @DisplayName("parents first, one mention per request")
  void parentsFirst() {
    ReplyChains chains = new ReplyChains("pf", CHAINS);
    send(chains.parentsFirst(), 1);
    assertClean(chains);
  }

  @Test
  @DisplayName("replies first, each in its own request (a late parent adopts its orphans)")
  void repliesFirst() {
    ReplyChains chains = new ReplyChains("rf", CHAINS);
    send(chains.repliesFirst(), 1);
    assertClean(chains);
  }

  @Test
  @DisplayName("all chains shuffled together, in requests of seven")
  void shuffledAcrossRequests() {
    ReplyChains chains = new ReplyChains("sh", CHAINS);
    send(chains.shuffled(new Random(7)), 7);
    assertClean(chains);
  }

  @Test
  @DisplayName("re-sends: each request carries the chain so far again, parents first and replies first")
  void resends() {
    ReplyChains forward = new ReplyChains("rs", CHAINS / 2);
    ReplyChains backward = new ReplyChains("rb", CHAINS / 2);
    forward.chains().forEach(chain -> growing(chain));
    backward.chains().forEach(chain -> growing(reversed(chain)));
    assertClean(forward);
    assertClean(backward);
  }

  @Test
  @DisplayName("four clients at once send shuffled chains in small requests (two batches in flight)")
  void concurrentClients() throws Exception {
    ReplyChains chains = new ReplyChains("cc", CHAINS);
    List<Node> order = chains.shuffled(new Random(11));
    ExecutorService clients = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < 4; c++) {
        int client = c;
        List<Node> share = new ArrayList<>();
        for (int i = client; i < order.size(); i += 4) {
          share.add(order.get(i));
        }
        running.add(clients.submit(() -> send(share, 5)));
      }
      for (Future<?> f : running) {
        f.get();
      }
    } finally {
      clients.shutdown();
    }
    assertClean(chains);
  }

  @Test
  @DisplayName("replies before a restart, their parents after it")
  void acrossRestart() {
    ReplyChains chains = new ReplyChains("rr", CHAINS);
    List<Node> order = chains.repliesFirst();
    send(order.stream().filter(n -> n.parent() != null).toList(), 3);
    hub.close();
    hub = TestHub.start(env);
    send(order, 3);
    assertClean(chains);
  }

  private void growing(List<Node> chain) {
    for (int i = 1; i <= chain.size(); i++) {
      send(chain.subList(0, i), i);
    }
  }

  private static List<Node> reversed(List<Node> chain) {
    List<Node> copy = new ArrayList<>(chain);
    java.util.Collections.reverse(copy);
    return copy;
  }

  private void send(List<Node> nodes, int perRequest) {
    ApiClient api = hub.api();
    for (int i = 0; i < nodes.size(); i += perRequest) {
      JsonArray batch = new JsonArray();
      nodes.subList(i, Math.min(nodes.size(), i + perRequest)).forEach(n -> batch.add(n.json()));
      ApiClient.Response r = api.ingest(batch);
      assertEquals(202, r.status(), r.body());
      assertEquals(0, r.json().getJsonArray("rejected").size(), r.body());
    }
  }

  private void assertClean(ReplyChains chains) {
    Set<String> all = chains.parentsFirst().stream().map(Node::externalId).collect(Collectors.toSet());
    ThreadCheck.Report report = ThreadCheck.check(hub.hub().mongo()::collection, chains.chains(), all);
    System.out.println("threading " + report.summary());
    assertTrue(report.clean(), report.summary());
  }
}

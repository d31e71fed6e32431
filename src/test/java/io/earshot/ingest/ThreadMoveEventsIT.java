package io.earshot.ingest;

import static io.earshot.testing.ApiClient.eventually;
import static io.earshot.testing.ApiClient.mention;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.events.EventEnvelope;
import io.earshot.events.EventListener;
import io.earshot.testing.TestHub;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Moving part of a split chain")
class ThreadMoveEventsIT {

  @Test
  @DisplayName("when a late parent brings waiting replies into its own stored parent's case, the move is told with both cases")
  void moveIsTold() {
    try (TestHub hub = TestHub.start()) {
      List<EventEnvelope> seen = new CopyOnWriteArrayList<>();
      hub.hub().events().register(new Probe(seen));
      hub.api().ingest(new JsonArray().add(mention("grand", "ann", "@LedgerBank the app logs me out")));
      hub.api().ingest(new JsonArray().add(mention("child", "bob", "@ann same here").put("inReplyTo", "parent")));
      hub.api().ingest(new JsonArray().add(mention("parent", "cat", "@ann me too").put("inReplyTo", "grand")));
      assertTrue(eventually(Duration.ofSeconds(5), () -> seen.stream().anyMatch(e -> e.type().equals("case.mentions_moved"))),
          "seen: " + seen.stream().map(EventEnvelope::type).toList());
      EventEnvelope moved = seen.stream().filter(e -> e.type().equals("case.mentions_moved")).findFirst().orElseThrow();
      JsonObject into = moved.data().getJsonObject("case");
      JsonObject from = moved.data().getJsonObject("source");
      String grandCase = caseOf(seen, "sandbox:grand");
      assertEquals(grandCase, into.getString("id"), "the stored parent's case wins");
      assertEquals(caseOf(seen, "sandbox:child"), from.getString("id"));
      assertEquals(List.of("sandbox:child"), moved.data().getJsonArray("mentionIds").getList());
      assertEquals("resolved", from.getString("status"), "the emptied case is resolved as merged");
    }
  }

  private static String caseOf(List<EventEnvelope> seen, String mentionId) {
    return seen.stream().filter(e -> e.type().equals("mention.received"))
        .map(e -> e.data().getJsonObject("mention")).filter(m -> m.getString("id").equals(mentionId))
        .findFirst().orElseThrow().getString("caseId");
  }

  private record Probe(List<EventEnvelope> seen) implements EventListener {
    @Override
    public String name() {
      return "probe";
    }

    @Override
    public boolean durable() {
      return true;
    }

    @Override
    public boolean accepts(EventEnvelope e) {
      return true;
    }

    @Override
    public Future<Void> handle(List<EventEnvelope> events) {
      seen.addAll(events);
      return Future.succeededFuture();
    }
  }
}

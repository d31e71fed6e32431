package io.earshot.connector.sandbox;

import static io.earshot.connector.sandbox.SandboxFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.connector.ConnectorException;
import io.earshot.connector.PollResult;
import io.earshot.domain.Mention;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("The sandbox connector reading the real sandbox platform")
class SandboxConnectorIT {
  private SandboxFixture sandbox;

  @BeforeEach
  void start(Vertx vertx) {
    sandbox = SandboxFixture.start(vertx);
  }

  @AfterEach
  void stop() {
    sandbox.stop();
  }

  @Test
  @DisplayName("paging with since_id never skips or repeats a mention, even while new ones arrive")
  void paginationIsExact() {
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 23; i++) {
      expected.add(sandbox.mention("pager_" + i, "@VoltMobile test mention " + i, null));
    }
    SandboxConnector connector = sandbox.connector(Map.of("pageSize", 5));
    await(connector.start());
    List<String> seen = new ArrayList<>();
    String cursor = null;
    PollResult page;
    int polls = 0;
    do {
      page = await(connector.poll(cursor));
      page.mentions().forEach(m -> seen.add(m.externalId()));
      cursor = page.nextCursor();
      if (++polls == 2) {
        // Arrivals during paging must show up once, after what was there before.
        expected.add(sandbox.mention("late_comer", "@VoltMobile arrived mid-read", null));
      }
    } while (page.more());
    assertEquals(expected, seen);
    PollResult after = await(connector.poll(cursor));
    assertTrue(after.mentions().isEmpty());
    assertEquals(cursor, after.nextCursor(), "an empty page keeps the cursor where it was");
  }

  @Test
  @DisplayName("a mention maps to the normalized shape with author, thread and brand")
  void mapsMentions() {
    String first = sandbox.mention("ana_r", "@NimbusAir still waiting on my bag", null);
    String reply = sandbox.mention("ana_r", "any update? @NimbusAir", first);
    SandboxConnector connector = sandbox.connector(Map.of());
    List<Mention> mentions = await(connector.poll(null)).mentions();
    Mention followUp = mentions.get(1);
    assertEquals("sandbox:" + reply, followUp.id());
    assertEquals("sandbox-it", followUp.account());
    assertEquals(first, followUp.inReplyTo());
    assertEquals("ana_r", followUp.author().handle());
    assertEquals(250, followUp.author().followers());
    assertEquals("NimbusAir", followUp.meta().get("brand"));
    assertEquals(first, followUp.meta().get("conversationId"));
    assertTrue(followUp.url().endsWith("/@ana_r/" + reply));
  }

  @Test
  @DisplayName("malformed feed items are skipped and counted without losing the good ones")
  void malformedItemsAreSkipped() {
    String before = sandbox.mention("good_one", "@StreamBox buffering again", null);
    sandbox.rawItems(new JsonArray().add(42).add("not an object").add(new JsonObject().put("id", "x1"))
        .add(new JsonObject().put("id", "77").put("text", "no author").put("created_at", "2026-01-01T00:00:00Z"))
        .add(new JsonObject().put("id", "78").put("text", "bad time").put("created_at", "yesterday")
            .put("author", new JsonObject().put("id", "u1").put("handle", "h")))
        .addNull());
    String after = sandbox.mention("good_two", "@StreamBox and now it crashed", null);
    PollResult page = await(sandbox.connector(Map.of()).poll(null));
    assertEquals(List.of(before, after), page.mentions().stream().map(Mention::externalId).toList());
    assertEquals(6, page.skippedMalformed());
    PollResult next = await(sandbox.connector(Map.of()).poll(page.nextCursor()));
    assertTrue(next.mentions().isEmpty(), "the cursor moved past the malformed items");
    assertEquals(0, next.skippedMalformed());
  }

  @Test
  @DisplayName("a thousand generated mentions read through the connector are varied and threaded")
  void generatedStreamIsVaried() {
    sandbox.generate(new JsonObject().put("count", 1000));
    SandboxConnector connector = sandbox.connector(Map.of("pageSize", 200));
    List<Mention> all = new ArrayList<>();
    String cursor = null;
    PollResult page;
    do {
      page = await(connector.poll(cursor));
      all.addAll(page.mentions());
      cursor = page.nextCursor();
    } while (page.more());
    assertEquals(1000, all.size());
    assertEquals(1000, all.stream().map(Mention::externalId).distinct().count());
    Set<String> texts = all.stream().map(Mention::text).collect(Collectors.toSet());
    assertTrue(texts.size() >= 200, "only " + texts.size() + " distinct texts");
    Set<String> brands = all.stream().map(m -> m.meta().get("brand")).collect(Collectors.toSet());
    assertTrue(brands.size() >= 6, "brands seen: " + brands);
    assertTrue(all.stream().filter(m -> m.inReplyTo() != null).count() >= 20, "too few threads");
    assertTrue(all.stream().anyMatch(m -> !"en".equals(m.lang())), "no foreign-language mention");
  }

  @Test
  @DisplayName("a wrong token is Unauthorized on start and on poll")
  void wrongTokenIsUnauthorized() {
    SandboxConnector connector = SandboxConnector.create(sandbox.vertx,
        sandbox.account("not-the-token", Map.of()));
    assertThrows(ConnectorException.Unauthorized.class, () -> await(connector.start()));
    assertThrows(ConnectorException.Unauthorized.class, () -> await(connector.poll(null)));
    await(sandbox.connector(Map.of()).start());
  }

  @Test
  @DisplayName("429 becomes RateLimited with the platform's reset time, 503 becomes Transient")
  void faultsAreTyped() {
    SandboxConnector connector = sandbox.connector(Map.of());
    long before = System.currentTimeMillis() / 1000;
    sandbox.fault(429, 1, 90);
    ConnectorException.RateLimited limited = assertThrows(ConnectorException.RateLimited.class,
        () -> await(connector.poll(null)));
    long reset = limited.resetAt().getEpochSecond();
    assertTrue(reset >= before + 89 && reset <= before + 92, "reset " + reset + " vs now " + before);
    sandbox.fault(503, 1, 0);
    assertThrows(ConnectorException.Transient.class, () -> await(connector.poll(null)));
    assertTrue(await(connector.poll(null)).mentions().isEmpty(), "faults were used up");
  }

  @Test
  @DisplayName("an unreachable platform is Transient and a bad cursor is Rejected")
  void networkFaultIsTransient() {
    SandboxConnector connector = sandbox.connector(Map.of());
    assertThrows(ConnectorException.Rejected.class, () -> await(connector.poll("12abc")));
    sandbox.stop();
    assertThrows(ConnectorException.Transient.class, () -> await(connector.poll(null)));
    sandbox = SandboxFixture.start(sandbox.vertx);
  }

  @Test
  @DisplayName("the same cursor read twice gives the same page")
  void pollIsRepeatable() {
    for (int i = 0; i < 4; i++) {
      sandbox.mention("repeat_" + i, "@LedgerBank card declined " + i, null);
    }
    SandboxConnector connector = sandbox.connector(Map.of("pageSize", 3));
    PollResult first = await(connector.poll(null));
    PollResult second = await(connector.poll(first.nextCursor()));
    PollResult again = await(connector.poll(first.nextCursor()));
    assertEquals(second.mentions(), again.mentions());
    assertEquals(second.nextCursor(), again.nextCursor());
    Set<String> ids = new HashSet<>();
    first.mentions().forEach(m -> ids.add(m.id()));
    second.mentions().forEach(m -> assertTrue(ids.add(m.id())));
    assertFalse(second.more());
  }
}

package io.earshot.connector.mastodon;

import static io.earshot.connector.PollDriver.await;
import static io.earshot.testing.ApiClient.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.connector.Connector;
import io.earshot.connector.ConnectorException;
import io.earshot.connector.OutgoingPost;
import io.earshot.connector.PollDriver;
import io.earshot.connector.PollResult;
import io.earshot.domain.Engagement;
import io.earshot.domain.Mention;
import io.earshot.demo.emulator.mastodon.MastodonEmulator;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Reading mentions from the Mastodon emulator: paging, restarts, faults, filtered and quoted notifications, engagement. */
class MastodonIT extends MastodonEmulatorTest {
  @Test
  @DisplayName("2,000 threaded mentions are read exactly once across a restart, a 429 storm and 5xx bursts")
  void readsEverythingOnce() throws Exception {
    emulator.seedMentions(2_000, 4);
    PollDriver driver = new PollDriver(null).drain(connector(), 10);
    assertEquals(800, driver.stored().size());

    Connector restarted = connector();
    emulator.faults().rateLimitFor(Duration.ofMillis(800));
    Instant stormStart = Instant.now();
    driver.drain(restarted, 8);
    emulator.faults().serverErrors(3);
    emulator.seedMentions(5, 0);
    driver.drain(restarted, 100);

    assertEquals(List.of(), driver.missing(new HashSet<>(emulator.mentionIds())), "mentions never read");
    assertEquals(1, driver.rateLimited());
    assertTrue(driver.lastReset().isAfter(stormStart.plusMillis(500)), "reset time comes from the header");
    assertEquals(3, driver.transientFaults());
    driver.drain(restarted, 5);
    assertEquals(2_005, driver.stored().size(), "polling on from the last cursor returns nothing new");
  }

  @Test
  @DisplayName("mentions carry plain text, author, thread parent, visibility and language")
  void mapsMentions() throws Exception {
    emulator.seedMentions(8, 4);
    List<Mention> page = await(connector().poll(null)).mentions();
    Mention first = page.get(0);
    assertEquals("@brand @customer10001 my order #0 still hasn't arrived, it's been two weeks\n\nSent from my phone & tablet",
        first.text(), "HTML becomes plain text");
    assertEquals("customer10000@remote.example", first.author().handle());
    assertEquals("direct", first.meta().get("visibility"));
    assertTrue(first.isPrivate(), "a direct status is a private message");
    assertFalse(page.get(1).isPrivate());
    assertEquals("order details", first.meta().get("spoilerText"));
    assertEquals("brand customer10001", first.meta().get("mentions"));
    assertEquals("@brand the app crashes every time I open the checkout 😡 (build 1)\n"
        + "details: https://help.example.com/orders/1 #support", page.get(1).text(), "hidden link parts read whole");
    assertEquals(page.get(2).externalId(), page.get(3).inReplyTo(), "the follow-up threads under its parent");
    assertEquals("de", page.get(0).lang());
    assertNotNull(first.url());
  }

  @Test
  @DisplayName("a server whose ids are no numbers pages 2,000 mentions exactly once across a restart")
  void stringIds() throws Exception {
    MastodonEmulator strings = new MastodonEmulator(vertx, true);
    await(strings.start(0));
    try {
      strings.seedMentions(2_000, 4);
      assertFalse(strings.mentionIds().get(0).matches("[0-9]+"), strings.mentionIds().get(0));
      PollDriver driver = new PollDriver(null).drain(connector(strings), 10);
      strings.seedMentions(100, 0);
      driver.drain(connector(strings), 100);
      assertEquals(List.of(), driver.missing(strings.mentionIds()));
      assertEquals(2_100, driver.stored().size());
    } finally {
      await(strings.stop());
    }
  }

  @Test
  @DisplayName("mentions the account's notification policy filters arrive too (include_filtered), though the stream never tells of them")
  void filteredNotifications() throws Exception {
    emulator.seedMentions(22, 0);
    List<Mention> page = await(connector().poll(null)).mentions();
    assertEquals(22, page.size(), "mentions 10 and 21 are filtered by the policy and still read");
    io.vertx.ext.web.client.WebClient raw = io.vertx.ext.web.client.WebClient.create(vertx);
    int withoutFlag = await(raw.getAbs(emulator.baseUrl() + "/api/v1/notifications?types[]=mention&limit=80")
        .bearerTokenAuthentication(MastodonEmulator.TOKEN).send()).bodyAsJsonArray().size();
    raw.close();
    assertEquals(20, withoutFlag, "without include_filtered the server hides them, as Mastodon 4.3+ does");
    assertEquals(new java.util.HashSet<>(emulator.mentionIds()), page.stream().map(Mention::externalId)
        .collect(java.util.stream.Collectors.toSet()));
  }

  @Test
  @DisplayName("a quote of the brand's post arrives as a mention with its type")
  void quotes() throws Exception {
    String quote = emulator.seedQuote("this is still not fixed");
    Mention m = await(connector().poll(null)).mentions().get(0);
    assertEquals(quote, m.externalId());
    assertEquals("quote", m.meta().get("type"));
    assertTrue(m.text().startsWith("this is still not fixed\n\nRE: https://"), m.text());
  }

  @Test
  @DisplayName("engagement counts come from the brand's statuses; deleted ones are left out")
  void engagementCounts() throws Exception {
    Connector connector = connector();
    String kept = await(connector.publish(new OutgoingPost("b1", "New status page is live", null)));
    String gone = await(connector.publish(new OutgoingPost("b2", "Maintenance tonight", null)));
    emulator.setCounts(kept, 7, 3, 2);
    emulator.setQuotes(kept, 4);
    emulator.deleteStatus(gone);

    Map<String, Engagement> counts = await(connector.engagement(List.of(kept, gone)));

    assertEquals(1, counts.size());
    Engagement e = counts.get(kept);
    assertEquals(List.of(7L, 3L, 2L, 4L), List.of(e.likes(), e.reposts(), e.replies(), e.quotes()));
    assertNull(e.impressions(), "Mastodon counts no views");
    emulator.setQuotes(kept, null);
    assertNull(await(connector.engagement(List.of(kept))).get(kept).quotes(), "a server before 4.5 gives no quotes");
  }

  @Test
  @DisplayName("replying to a deleted status is Rejected; an unreachable instance is Transient")
  void rejectedAndTransient() throws Exception {
    emulator.seedMentions(2, 0);
    Connector connector = connector();
    Mention target = await(connector.poll(null)).mentions().get(1);
    emulator.deleteStatus(target.externalId());
    assertThrows(ConnectorException.Rejected.class,
        () -> await(connector.publish(new OutgoingPost("k", "hello", target))));
    await(emulator.stop());
    assertThrows(ConnectorException.Transient.class, () -> await(connector.poll(null)));
  }

  @Test
  @DisplayName("in stream mode the emulator keeps adding mentions for a live-looking sandbox")
  void streamMode() throws Exception {
    Connector connector = connector();
    emulator.streamMentions(10);
    assertTrue(eventually(Duration.ofSeconds(5), () -> emulator.mentionIds().size() >= 5), "the stream adds mentions");
    emulator.stopStream();
    int streamed = emulator.mentionIds().size();
    assertTrue(streamed >= 5, "streamed " + streamed);
    assertEquals(Math.min(80, streamed), await(connector.poll(null)).mentions().size());
  }

  @Test
  @DisplayName("a revoked token is reported as Unauthorized, not retried as transient")
  void revokedToken() throws Exception {
    Connector connector = connector();
    emulator.revokeToken();
    assertThrows(ConnectorException.Unauthorized.class, () -> await(connector.poll(null)));
  }

  @Test
  @DisplayName("a malformed notification is skipped and counted, the rest of the page still arrives")
  void malformedSkipped() throws Exception {
    emulator.seedMentions(2, 0);
    emulator.seedMalformed();
    emulator.seedMentions(2, 0);
    PollResult page = await(connector().poll(null));
    assertEquals(4, page.mentions().size());
    assertEquals(1, page.skippedMalformed());
    assertFalse(page.more());
  }
}

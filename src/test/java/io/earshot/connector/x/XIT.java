package io.earshot.connector.x;

import static io.earshot.connector.PollDriver.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.connector.Connector;
import io.earshot.connector.ConnectorAccount;
import io.earshot.connector.ConnectorException;
import io.earshot.connector.Connectors;
import io.earshot.connector.EmulatorPerTest;
import io.earshot.connector.OutgoingPost;
import io.earshot.connector.PollDriver;
import io.earshot.connector.PollResult;
import io.earshot.domain.Engagement;
import io.earshot.domain.Mention;
import io.earshot.domain.Platform;
import io.earshot.demo.emulator.x.XEmulator;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class XIT extends EmulatorPerTest<XEmulator> {
  @Override
  protected XEmulator newEmulator(Vertx vertx) {
    return new XEmulator(vertx);
  }

  private Connector connector(String token, List<String> keywords) throws Exception {
    return connector(token, XEmulator.CONSUMER_SECRET, keywords);
  }

  private Connector connector(String token, String consumerSecret, List<String> keywords) throws Exception {
    ConnectorAccount account = new ConnectorAccount("brand-x", Platform.X, true, emulator.baseUrl(),
        Map.of("consumerKey", XEmulator.CONSUMER_KEY, "consumerSecret", consumerSecret, "accessToken", token,
            "accessTokenSecret", XEmulator.ACCESS_TOKEN_SECRET), 1, keywords, Map.of());
    Connector connector = Connectors.create(vertx, account);
    await(connector.start());
    return connector;
  }

  private Connector connector() throws Exception {
    return connector(XEmulator.ACCESS_TOKEN, List.of());
  }

  @Test
  @DisplayName("2,000 mentions and keyword tweets are read exactly once across a restart mid-walk, a 429 storm and 5xx")
  void readsEverythingOnce() throws Exception {
    emulator.seedMentions(2_000, 4);
    Set<String> expected = new HashSet<>(emulator.mentionIds());
    expected.add(emulator.seedKeywordTweet("anyone else think acme widgets are great?"));
    PollDriver driver = new PollDriver(null).drain(connector(XEmulator.ACCESS_TOKEN, List.of("acme widgets")), 4);
    emulator.seedMentions(250, 0);
    expected.add(emulator.seedKeywordTweet("Acme Widgets support is slow today"));

    Connector restarted = connector(XEmulator.ACCESS_TOKEN, List.of("acme widgets"));
    emulator.faults().rateLimitFor(Duration.ofMillis(500));
    driver.drain(restarted, 3);
    emulator.faults().serverErrors(2);
    driver.drain(restarted, 100);
    driver.drain(restarted, 100);

    expected.addAll(emulator.mentionIds());
    assertEquals(List.of(), driver.missing(expected), "mentions never read");
    assertEquals(2_252, driver.stored().size());
    assertEquals(1, driver.rateLimited());
    assertTrue(driver.lastReset().isAfter(Instant.now().minusSeconds(5)), "reset comes from x-rate-limit-reset");
    assertEquals(2, driver.transientFaults());
  }

  @Test
  @DisplayName("mentions carry text, author, thread parent, language and a UTC creation time")
  void mapsMentions() throws Exception {
    emulator.seedMentions(2, 2);
    List<Mention> page = await(connector().poll(null)).mentions();
    Mention opening = page.stream().filter(m -> m.inReplyTo() == null).findFirst().orElseThrow();
    Mention followUp = page.stream().filter(m -> m.inReplyTo() != null).findFirst().orElseThrow();
    assertEquals(opening.externalId(), followUp.inReplyTo());
    assertTrue(opening.text().startsWith("@BrandSupport my order"));
    assertEquals("cust5000", opening.author().handle());
    assertEquals("fr", opening.lang());
    assertTrue(Duration.between(opening.createdAt(), Instant.now()).abs().getSeconds() < 60);
  }

  @Test
  @DisplayName("a reply lands once in the thread, even when retried by a fresh connector after a crash")
  void replyIsIdempotent() throws Exception {
    emulator.seedMentions(3, 0);
    Connector connector = connector();
    Mention target = await(connector.poll(null)).mentions().get(1);
    OutgoingPost reply = new OutgoingPost("reply-9", "So sorry! DM us your order number: https://help.example.com/dm", target);

    String id = await(connector.publish(reply));
    String retried = await(connector().publish(reply));

    assertEquals(id, retried);
    assertEquals(1, emulator.posted().size());
    JsonObject tweet = emulator.posted().get(0);
    assertEquals(Long.parseLong(target.externalId()), tweet.getLong("in_reply_to_status_id"));
    assertTrue(tweet.getString("text").startsWith("@" + target.author().handle() + " So sorry!"),
        "auto_populate_reply_metadata addressed the author");
  }

  @Test
  @DisplayName("engagement counts come from statuses/lookup; deleted tweets are left out")
  void engagementCounts() throws Exception {
    Connector connector = connector();
    String kept = await(connector.publish(new OutgoingPost("b1", "Status page is live", null)));
    String gone = await(connector.publish(new OutgoingPost("b2", "Maintenance tonight", null)));
    emulator.setCounts(kept, 21, 5);
    emulator.deleteTweet(gone);

    Map<String, Engagement> counts = await(connector.engagement(List.of(kept, gone)));

    assertEquals(Set.of(kept), counts.keySet());
    assertEquals(List.of(21L, 5L), List.of(counts.get(kept).likes(), counts.get(kept).reposts()));
  }

  @Test
  @DisplayName("replying to a deleted tweet is Rejected, not retried")
  void replyToDeleted() throws Exception {
    emulator.seedMentions(1, 0);
    Connector connector = connector();
    Mention target = await(connector.poll(null)).mentions().get(0);
    emulator.deleteTweet(target.externalId());
    assertThrows(ConnectorException.Rejected.class,
        () -> await(connector.publish(new OutgoingPost("k", "hello", target))));
    assertEquals(0, emulator.posted().size());
  }

  @Test
  @DisplayName("a wrong token, a wrong secret or a revoked token is Unauthorized")
  void unauthorized() throws Exception {
    assertThrows(ConnectorException.Unauthorized.class, () -> connector("wrong", List.of()));
    assertThrows(ConnectorException.Unauthorized.class, () -> connector(XEmulator.ACCESS_TOKEN, "bad-secret", List.of()),
        "a request signed with the wrong consumer secret is refused");
    Connector connector = connector();
    emulator.revokeToken();
    assertThrows(ConnectorException.Unauthorized.class, () -> await(connector.poll(null)));
  }

  @Test
  @DisplayName("a tweet without its user is skipped and counted, the rest of the page still arrives")
  void malformedSkipped() throws Exception {
    emulator.seedMentions(2, 0);
    emulator.seedMalformed();
    emulator.seedMentions(1, 0);
    Connector connector = connector();
    PollResult page = await(connector.poll(null));
    assertEquals(3, page.mentions().size());
    assertEquals(1, page.skippedMalformed());
    PollResult below = await(connector.poll(page.nextCursor()));
    assertEquals(0, below.mentions().size(), "the walk ends on the empty page below");
    assertFalse(below.more());
  }

  @Test
  @DisplayName("pages shortened by deleted tweets (count applies before X drops them) never lose the tweets below")
  void shortPagesKeepWalking() throws Exception {
    emulator.seedMentions(450, 0);
    List<String> ids = emulator.mentionIds();
    // The newest page of 200 loses 150 tweets to deletion: it comes back with 50, and 250 wait below.
    ids.subList(300, 450).forEach(emulator::deleteTweet);
    emulator.deleteTweet(ids.get(10));
    PollDriver driver = new PollDriver(null).drain(connector(), 20);
    assertEquals(List.of(), driver.missing(emulator.mentionIds()));
    assertEquals(299, driver.stored().size());
    emulator.seedMentions(3, 0);
    driver.drain(connector(), 5);
    assertEquals(302, driver.stored().size(), "the mark moved to the walk's top, nothing read twice");
  }

  @Test
  @DisplayName("a retweet of the brand's own tweet opens no case; the mention beside it does")
  void retweetsSkipped() throws Exception {
    emulator.seedRetweetOfBrand();
    emulator.seedMentions(1, 0);
    PollResult page = await(connector().poll(null));
    assertEquals(1, page.mentions().size());
    assertEquals(emulator.mentionIds().get(0), page.mentions().get(0).externalId());
    assertEquals(0, page.skippedMalformed(), "a retweet is not malformed, just not a mention");
  }

  @Test
  @DisplayName("t.co links are expanded from the entities and X's escaped text is decoded exactly once")
  void linksAndEscapes() throws Exception {
    emulator.seedMention("Q&A: is https://help.example.com/orders/42 <down>? &amp;");
    Mention m = await(connector().poll(null)).mentions().get(0);
    assertEquals("@BrandSupport Q&A: is https://help.example.com/orders/42 <down>? &amp;", m.text());
  }

  @Test
  @DisplayName("with the JVM in America/New_York, tweets across the November DST change keep their UTC times")
  void utcAcrossDst() throws Exception {
    java.util.TimeZone before = java.util.TimeZone.getDefault();
    java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("America/New_York"));
    try {
      // 05:30Z is 01:30 EDT and 06:30Z is 01:30 EST: the same New York wall time, an hour apart.
      List<Instant> times = List.of(Instant.parse("2026-11-01T04:59:59Z"), Instant.parse("2026-11-01T05:30:00Z"),
          Instant.parse("2026-11-01T06:30:00Z"), Instant.parse("2026-11-01T07:15:00Z"),
          Instant.parse("2026-03-08T07:30:00Z"));
      Map<String, Instant> byId = new java.util.HashMap<>();
      times.forEach(t -> byId.put(emulator.seedMentionAt("at " + t, t), t));
      List<Mention> page = await(connector().poll(null)).mentions();
      assertEquals(times.size(), page.size());
      page.forEach(m -> assertEquals(byId.get(m.externalId()), m.createdAt(), m.text()));
    } finally {
      java.util.TimeZone.setDefault(before);
    }
  }

  @Test
  @DisplayName("reply length is X's weighted length: CJK and emoji weigh 2, a URL 23, limit 280")
  void checkReplyCounts() throws Exception {
    Connector connector = connector();
    assertTrue(connector.checkReply("a".repeat(280)).ok());
    assertEquals(282, connector.checkReply("日".repeat(141)).length());
    assertFalse(connector.checkReply("日".repeat(141)).ok());
    assertEquals(4 + 23, connector.checkReply("see https://example.com/" + "x".repeat(100)).length());
    assertEquals(2, connector.checkReply("👍🏽").length());
  }
}

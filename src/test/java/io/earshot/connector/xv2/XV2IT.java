package io.earshot.connector.xv2;

import static io.earshot.connector.PollDriver.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.connector.Connector;
import io.earshot.connector.ConnectorAccount;
import io.earshot.connector.ConnectorException;
import io.earshot.connector.Connectors;
import io.earshot.connector.OutgoingPost;
import io.earshot.connector.PollDriver;
import io.earshot.connector.PollResult;
import io.earshot.demo.emulator.xv2.XV2Emulator;
import io.earshot.domain.Engagement;
import io.earshot.domain.Mention;
import io.earshot.domain.Platform;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The X v2 connector against its emulator")
class XV2IT extends XV2EmulatorTest {
  static Map<String, String> oauth1() {
    return Map.of("consumerKey", XV2Emulator.CONSUMER_KEY, "consumerSecret", XV2Emulator.CONSUMER_SECRET,
        "accessToken", XV2Emulator.ACCESS_TOKEN, "accessTokenSecret", XV2Emulator.ACCESS_TOKEN_SECRET);
  }

  private ConnectorAccount account(Map<String, String> credentials, List<String> keywords, int pageSize) {
    return new ConnectorAccount("brand-x2", Platform.X, true, emulator.baseUrl(), credentials, 1, keywords,
        Map.of("api", "v2", "pageSize", pageSize));
  }

  private Connector connector(ConnectorAccount account) throws Exception {
    Connector connector = Connectors.create(vertx, account, store.services(account));
    await(connector.start());
    return connector;
  }

  private Connector connector() throws Exception {
    return connector(account(oauth1(), List.of(), 100));
  }

  @Test
  @DisplayName("2,000 mentions and keyword posts arrive exactly once across a restart mid-walk, deleted posts, a 429 storm and 5xx")
  void readsEverythingOnce() throws Exception {
    emulator.seedMentions(2_100, 4);
    deleteEvery(20, emulator.mentionIds());
    Set<String> expected = new HashSet<>(emulator.mentionIds());
    expected.add(emulator.seedKeywordPost("anyone else think acme widgets are great?"));
    ConnectorAccount account = account(oauth1(), List.of("acme widgets"), 100);
    PollDriver driver = new PollDriver(null).drain(connector(account), 4);
    emulator.seedMentions(250, 0);
    expected.add(emulator.seedKeywordPost("Acme Widgets support is slow today"));

    Connector restarted = connector(account);
    emulator.faults().rateLimitFor(Duration.ofMillis(500));
    driver.drain(restarted, 3);
    emulator.faults().serverErrors(2);
    driver.drain(restarted, 100);
    driver.drain(restarted, 100);

    expected.addAll(emulator.mentionIds());
    assertEquals(List.of(), driver.missing(expected), "mentions never read");
    assertEquals(expected.size(), driver.stored().size(), "nothing but what was seeded");
    assertEquals(2_100 - 105 + 250 + 2, expected.size());
    assertEquals(1, driver.rateLimited());
    assertEquals(2, driver.transientFaults());
  }

  /** Deletes every n-th mention that is neither a follow-up nor the parent of one. */
  private void deleteEvery(int n, List<String> ids) {
    for (int i = 0; i < ids.size(); i++) {
      if (i % n == 0) {
        emulator.deletePost(ids.get(i));
      }
    }
  }

  @Test
  @DisplayName("a page emptied by deleted posts does not end the walk: the mentions below it still arrive")
  void emptyPagesInTheMiddle() throws Exception {
    emulator.seedMentions(30, 0);
    List<String> ids = emulator.mentionIds();
    ids.subList(10, 20).forEach(emulator::deletePost);
    PollDriver driver = new PollDriver(null).drain(connector(account(oauth1(), List.of(), 10)), 20);
    assertEquals(new HashSet<>(emulator.mentionIds()), driver.stored().keySet());
    assertEquals(20, driver.stored().size());
  }

  @Test
  @DisplayName("mentions carry the author from includes.users, the thread parent, UTC time, expanded links and decoded text")
  void mapsMentions() throws Exception {
    emulator.seedMentions(2, 2);
    emulator.seedMention("Q&A: is https://help.example.com/orders/42 <still> down?");
    List<Mention> page = await(connector().poll(null)).mentions();
    Mention opening = page.stream().filter(m -> m.inReplyTo() == null && m.text().contains("order #")).findFirst().orElseThrow();
    Mention followUp = page.stream().filter(m -> m.inReplyTo() != null).findFirst().orElseThrow();
    Mention linked = page.stream().filter(m -> m.text().contains("Q&A")).findFirst().orElseThrow();
    assertEquals(opening.externalId(), followUp.inReplyTo());
    assertEquals("cust5000", opening.author().handle());
    assertEquals(0, opening.author().followers());
    assertEquals("fr", opening.lang());
    assertTrue(Duration.between(opening.createdAt(), Instant.now()).abs().getSeconds() < 60);
    assertEquals("@BrandSupport Q&A: is https://help.example.com/orders/42 <still> down?", linked.text(),
        "t.co expanded from entities, &amp; and &lt; decoded once");
  }

  @Test
  @DisplayName("with the JVM in America/New_York, posts across the November DST change keep their UTC times")
  void utcAcrossDst() throws Exception {
    java.util.TimeZone before = java.util.TimeZone.getDefault();
    java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("America/New_York"));
    try {
      List<Instant> times = List.of(Instant.parse("2026-11-01T05:30:00Z"), Instant.parse("2026-11-01T06:30:00Z"),
          Instant.parse("2026-03-08T07:30:00Z"));
      Map<String, Instant> byId = new HashMap<>();
      times.forEach(t -> byId.put(emulator.seedMentionAt("at " + t, t), t));
      List<Mention> page = await(connector().poll(null)).mentions();
      assertEquals(times.size(), page.size());
      page.forEach(m -> assertEquals(byId.get(m.externalId()), m.createdAt(), m.text()));
    } finally {
      java.util.TimeZone.setDefault(before);
    }
  }

  @Test
  @DisplayName("a retweet of the brand's own post is not a mention; a quote-free mention beside it is")
  void retweetsSkipped() throws Exception {
    emulator.seedRetweetOfBrand();
    emulator.seedMention("hello");
    PollResult page = await(connector().poll(null));
    assertEquals(1, page.mentions().size());
    assertTrue(page.mentions().get(0).text().endsWith("hello"));
    assertEquals(0, page.skippedMalformed());
  }

  @Test
  @DisplayName("a reply lands once in the thread, even when a fresh connector retries it after a crash")
  void replyIsIdempotent() throws Exception {
    emulator.seedMentions(3, 0);
    Connector connector = connector();
    Mention target = await(connector.poll(null)).mentions().get(1);
    OutgoingPost reply = new OutgoingPost("reply-9", "So sorry! DM us: https://help.example.com/dm", target);

    String id = await(connector.publish(reply));
    long servedBefore = emulator.postsServed();
    String retried = await(connector().publish(reply));

    assertEquals(id, retried);
    assertEquals(1, emulator.posted().size());
    JsonObject post = emulator.posted().get(0);
    assertEquals(target.externalId(), post.getJsonArray("referenced_tweets").getJsonObject(0).getString("id"));
    assertTrue(post.getString("source_text").startsWith("@" + target.author().handle() + " So sorry!"),
        "X addressed the author itself: " + post);
    assertTrue(emulator.postsServed() - servedBefore <= 2, "the retry read only the posts since the first attempt");
  }

  @Test
  @DisplayName("an instance that never polled publishes and reads metrics: the connector starts itself")
  void publishWithoutPolling() throws Exception {
    emulator.seedMentions(1, 0);
    Mention target = await(connector().poll(null)).mentions().get(0);
    ConnectorAccount account = account(oauth1(), List.of(), 100);
    Connector idle = Connectors.create(vertx, account, store.services(account));
    String id = await(idle.publish(new OutgoingPost("idle-1", "On it!", target)));
    assertEquals(id, emulator.posted().get(0).getString("id"));
    Connector other = Connectors.create(vertx, account, store.services(account));
    assertEquals(Set.of(id), await(other.engagement(List.of(id))).keySet());
  }

  @Test
  @DisplayName("metrics come from public_metrics; deleted posts are left out")
  void engagementCounts() throws Exception {
    Connector connector = connector();
    String kept = await(connector.publish(new OutgoingPost("b1", "Status page is live", null)));
    String gone = await(connector.publish(new OutgoingPost("b2", "Maintenance tonight", null)));
    emulator.setCounts(kept, 21, 5, 3);
    emulator.setReach(kept, 2, 940);
    emulator.deletePost(gone);
    Map<String, Engagement> counts = await(connector.engagement(List.of(kept, gone)));
    assertEquals(Set.of(kept), counts.keySet());
    Engagement e = counts.get(kept);
    assertEquals(List.of(21L, 5L, 3L, 2L, 940L), List.of(e.likes(), e.reposts(), e.replies(), e.quotes(), e.impressions()),
        "quotes are counted apart from reposts");
  }

  @Test
  @DisplayName("OAuth 2.0: an expired token is refreshed, and the rotated pair outlives a restart")
  void oauth2RefreshIsDurable() throws Exception {
    emulator.seedMentions(3, 0);
    Map<String, String> creds = new HashMap<>(Map.of("clientId", XV2Emulator.CLIENT_ID,
        "refreshToken", emulator.grantRefreshToken()));
    ConnectorAccount account = account(creds, List.of(), 100);
    Connector first = connector(account);
    assertEquals(3, await(first.poll(null)).mentions().size());
    emulator.expireAccessTokens();
    assertEquals(3, await(first.poll(null)).mentions().size(), "a 401 renewed the token and the call went through");
    assertEquals(2, emulator.tokenRefreshes());

    Connector afterRestart = connector(account);
    assertEquals(3, await(afterRestart.poll(null)).mentions().size(),
        "the file's refresh token is void now; the stored, rotated one is used");
  }

  @Test
  @DisplayName("a revoked grant, a wrong OAuth 1.0a secret or a revoked token is Unauthorized")
  void unauthorized() throws Exception {
    Map<String, String> wrong = new HashMap<>(oauth1());
    wrong.put("consumerSecret", "bad-secret");
    assertThrows(ConnectorException.Unauthorized.class, () -> connector(account(wrong, List.of(), 100)));
    Connector connector = connector(account(Map.of("clientId", XV2Emulator.CLIENT_ID,
        "refreshToken", emulator.grantRefreshToken()), List.of(), 100));
    emulator.revokeToken();
    emulator.expireAccessTokens();
    ConnectorException.Unauthorized e = assertThrows(ConnectorException.Unauthorized.class, () -> await(connector.poll(null)));
    assertTrue(e.getMessage().contains("authorize the app again"), e.getMessage());
  }

  @Test
  @DisplayName("after the window's last call (x-rate-limit-remaining: 0) the next waits for the reset without being sent")
  void remainingZeroWaits() throws Exception {
    emulator.seedMentions(3, 0);
    Connector connector = connector();
    emulator.lastCallOfWindow(Duration.ofSeconds(2));
    PollResult first = await(connector.poll(null));
    long requests = emulator.faults().requests();
    ConnectorException.RateLimited limited = assertThrows(ConnectorException.RateLimited.class,
        () -> await(connector.poll(first.nextCursor())));
    assertEquals(requests, emulator.faults().requests(), "nothing sent into a spent window");
    assertTrue(limited.resetAt().isAfter(Instant.now()), "until the reset X announced");
    PollDriver driver = new PollDriver(first.nextCursor()).drain(connector, 5);
    assertEquals(1, driver.rateLimited());
    assertEquals(0, driver.stored().size(), "nothing new, and the walk ended on its own");
  }

  @Test
  @DisplayName("a post whose author is missing from includes.users is skipped and counted")
  void malformedSkipped() throws Exception {
    emulator.seedMentions(2, 0);
    emulator.seedMalformed();
    PollResult page = await(connector().poll(null));
    assertEquals(2, page.mentions().size());
    assertEquals(1, page.skippedMalformed());
    assertFalse(page.more());
  }

  @Test
  @DisplayName("replying to a deleted post is Rejected with X's problem detail, and its price is given back")
  void replyToDeleted() throws Exception {
    emulator.seedMentions(1, 0);
    Connector connector = connector();
    Mention target = await(connector.poll(null)).mentions().get(0);
    emulator.deletePost(target.externalId());
    ConnectorException.Rejected e = assertThrows(ConnectorException.Rejected.class,
        () -> await(connector.publish(new OutgoingPost("k", "hello", target))));
    assertTrue(e.getMessage().contains("deleted or not visible"), e.getMessage());
    assertEquals(0, emulator.posted().size());
  }
}

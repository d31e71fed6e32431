package io.earshot.connector.meta;

import static io.earshot.connector.HubAccounts.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.connector.Connector;
import io.earshot.connector.ConnectorAccount;
import io.earshot.connector.ConnectorException;
import io.earshot.connector.Connectors;
import io.earshot.connector.OutgoingPost;
import io.earshot.connector.PollResult;
import io.earshot.demo.emulator.meta.MetaEmulator;
import io.earshot.domain.Engagement;
import io.earshot.domain.Mention;
import io.earshot.domain.Platform;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Meta connector on its own against the Graph emulator, for a Facebook Page and an Instagram account. */
@DisplayName("The Meta Graph connector")
class MetaIT {
  private Vertx vertx;
  private MetaEmulator meta;
  private MetaConnector connector;
  private String lastCursor;

  private void begin(String platform) {
    vertx = Vertx.vertx();
    meta = new MetaEmulator(vertx, platform.equals("instagram"));
    await(meta.start(0));
    ConnectorAccount account = new ConnectorAccount("acme", Platform.fromCode(platform).orElseThrow(), true,
        meta.baseUrl(), Map.of("accessToken", MetaEmulator.PAGE_TOKEN, "appSecret", MetaEmulator.APP_SECRET),
        30, List.of(), Map.of("pageSize", 20));
    Connector c = Connectors.create(vertx, account);
    await(c.start());
    connector = (MetaConnector) c;
  }

  @AfterEach
  void stop() {
    await(connector.stop());
    await(meta.stop());
    await(vertx.close());
  }

  private List<Mention> drain() {
    List<Mention> all = new ArrayList<>();
    String cursor = null;
    PollResult page;
    do {
      page = await(connector.poll(cursor));
      all.addAll(page.mentions());
      cursor = page.nextCursor();
    } while (page.more());
    lastCursor = cursor;
    return all;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"facebook", "instagram"})
  @DisplayName("a reply to a follow-up lands under its thread's top-level comment, once, however often it is retried")
  void replyLandsOnceUnderTheThread(String platform) {
    begin(platform);
    meta.seedMentions(4, 2);
    List<Mention> read = drain();
    assertEquals(meta.mentionIds(), read.stream().map(Mention::externalId).toList());
    Mention followUp = read.get(1);
    assertEquals(read.get(0).externalId(), followUp.inReplyTo(), "the follow-up answers the comment before it");
    OutgoingPost reply = new OutgoingPost("intent-1", "Sorry about that, we are on it.", followUp);
    String first = await(connector.publish(reply));
    String retried = await(connector.publish(reply));
    assertEquals(first, retried, "the retry found the reply already made");
    assertEquals(1, meta.posted().size(), "posted once: " + meta.posted());
    assertEquals(read.get(0).externalId(), meta.posted().get(0).getString("parent"), "under the thread's top comment");
    assertEquals(List.of(), await(connector.poll(lastCursor)).mentions(), "the brand's own reply is no mention");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"facebook", "instagram"})
  @DisplayName("hide and delete reach the comment, and engagement counts the brand reply's likes")
  void moderationAndEngagement(String platform) {
    begin(platform);
    meta.seedMentions(2, 0);
    List<Mention> read = drain();
    await(connector.hide(read.get(0).externalId(), true));
    assertTrue(meta.hidden(read.get(0).externalId()));
    await(connector.delete(read.get(1).externalId()));
    assertEquals(1, meta.mentionIds().size());
    String replyId = await(connector.publish(new OutgoingPost("k", "Thanks!", read.get(0))));
    meta.setLikes(replyId, 7);
    Map<String, Engagement> counts = await(connector.engagement(List.of(replyId, "17000000000000")));
    assertEquals(7, counts.get(replyId).likes());
    assertEquals(1, counts.size(), "an id that is gone is left out");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"facebook", "instagram"})
  @DisplayName("a reply fits Meta's limits: 8,000 characters on Facebook, 2,200 on Instagram")
  void replyLimits(String platform) {
    begin(platform);
    int limit = platform.equals("facebook") ? 8_000 : 2_200;
    assertTrue(connector.checkReply("é".repeat(limit)).ok());
    assertFalse(connector.checkReply("😀".repeat(limit + 1)).ok());
    assertEquals(limit, connector.checkReply("x").limit());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"facebook", "instagram"})
  @DisplayName("a refused token is Unauthorized and throttling waits for the minutes Meta names")
  void errorsAreTyped(String platform) {
    begin(platform);
    meta.revokeToken();
    assertInstanceOf(ConnectorException.Unauthorized.class, awaitFailure(connector.poll(null)));
    meta.faults().rateLimitFor(Duration.ofSeconds(90));
    Throwable limited = awaitFailure(connector.poll(null));
    ConnectorException.RateLimited rl = assertInstanceOf(ConnectorException.RateLimited.class, limited);
    long seconds = Duration.between(Instant.now(), rl.resetAt()).toSeconds();
    assertTrue(seconds > 90 && seconds <= 120, "two whole minutes: " + seconds + " s");
    meta.faults().rateLimitFor(Duration.ZERO);
    meta.faults().serverErrors(1);
    assertInstanceOf(ConnectorException.Transient.class, awaitFailure(connector.poll(null)));
  }

  @Test
  @DisplayName("Instagram has no text-only post: a stand-alone post is Rejected without a request")
  void instagramHasNoTextPosts() {
    begin("instagram");
    long before = meta.faults().requests();
    Throwable refused = awaitFailure(connector.publish(new OutgoingPost("b", "News!", null)));
    assertInstanceOf(ConnectorException.Rejected.class, refused);
    assertEquals(before, meta.faults().requests());
  }

  private static Throwable awaitFailure(io.vertx.core.Future<?> f) {
    try {
      f.await();
      return null;
    } catch (Exception e) {
      return e instanceof ConnectorException ? e : e.getCause() != null ? e.getCause() : e;
    }
  }
}

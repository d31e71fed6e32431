package io.earshot.connector.threads;

import static io.earshot.connector.HubAccounts.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.connector.ConnectorAccount;
import io.earshot.connector.ConnectorException;
import io.earshot.connector.Connectors;
import io.earshot.connector.OutgoingPost;
import io.earshot.connector.PollResult;
import io.earshot.demo.emulator.threads.ThreadsEmulator;
import io.earshot.domain.Engagement;
import io.earshot.domain.Mention;
import io.earshot.domain.Platform;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The Threads connector on its own against the Threads API emulator, over real HTTP. */
@DisplayName("The Threads connector")
class ThreadsIT {
  private Vertx vertx;
  private ThreadsEmulator threads;
  private ThreadsConnector connector;
  private String cursor;

  @BeforeEach
  void begin() {
    vertx = Vertx.vertx();
    threads = new ThreadsEmulator(vertx);
    await(threads.start(0));
    ConnectorAccount account = new ConnectorAccount("acme", Platform.THREADS, true, threads.baseUrl(),
        Map.of("accessToken", ThreadsEmulator.TOKEN), 30, List.of(), Map.of("pageSize", 20));
    connector = (ThreadsConnector) Connectors.create(vertx, account);
    await(connector.start());
  }

  @AfterEach
  void stop() {
    await(connector.stop());
    await(threads.stop());
    await(vertx.close());
  }

  /** Polls from the last cursor until the connector says nothing more waits now. */
  private List<Mention> drain() {
    List<Mention> all = new ArrayList<>();
    PollResult page;
    do {
      page = await(connector.poll(cursor));
      all.addAll(page.mentions());
      cursor = page.nextCursor();
    } while (page.more());
    return all;
  }

  private static List<String> ids(List<Mention> mentions) {
    return mentions.stream().map(Mention::externalId).toList();
  }

  @Test
  @DisplayName("replies under several posts and posts tagging the brand are read exactly once, across short pages")
  void readsEachOnce() {
    threads.seedMentions(230, 4);
    List<String> seeded = threads.mentionIds();
    // Deleted replies keep their place in a page: those pages come back short, with more to follow.
    for (int i = 0; i < 230; i += 9) {
      threads.deleteReply(seeded.get(i));
    }
    threads.seedTag("my order never arrived");
    threads.seedTag("love the new app");
    List<Mention> first = drain();
    assertEquals(first.size(), new HashSet<>(ids(first)).size(), "no reply read twice");
    assertEquals(new HashSet<>(threads.mentionIds()), new HashSet<>(ids(first)), "every live reply and tag read");
    Map<String, Mention> byId = first.stream().collect(Collectors.toMap(Mention::externalId, Function.identity()));
    Mention followUp = first.stream().filter(m -> m.inReplyTo() != null).findFirst().orElseThrow();
    assertTrue(seeded.contains(followUp.inReplyTo()), "a follow-up answers the reply before it: " + followUp);
    long tags = first.stream().filter(m -> "true".equals(m.meta().get("mention"))).count();
    assertEquals(2, tags, "both tags read as mentions");
    assertNull(byId.get(threads.mentionIds().get(threads.mentionIds().size() - 1)).inReplyTo());

    threads.seedMentions(7, 0);
    threads.seedTag("still waiting");
    List<String> before = new ArrayList<>(ids(first));
    List<Mention> second = drain();
    List<String> fresh = threads.mentionIds().stream().filter(id -> !before.contains(id)).toList();
    assertEquals(new HashSet<>(fresh), new HashSet<>(ids(second)), "only what is new, once");
    assertEquals(8, second.size());
    assertEquals(List.of(), drain(), "nothing more");
  }

  @Test
  @DisplayName("a post the brand deletes while a round is under way is passed over, and the round goes on")
  void deletedPostMidRound() {
    threads.seedMentions(150, 0);
    List<String> posts = threads.postIds();
    assertEquals(2, posts.size());
    PollResult first = await(connector.poll(null));
    cursor = first.nextCursor();
    assertTrue(first.more());
    threads.deletePost(posts.get(0));
    threads.seedTag("is the outage over?");
    List<Mention> rest = drain();
    assertEquals(1, rest.stream().filter(m -> "true".equals(m.meta().get("mention"))).count(), "the round reached the tags");
    assertEquals(100, first.mentions().size() + rest.size() - 1, "the older post's replies, once each: " + rest.size());
  }

  @Test
  @DisplayName("a reply lands under the right reply exactly once, even when the publish answer is lost and it is retried")
  void replyLandsOnce() {
    threads.seedMentions(4, 2);
    List<Mention> read = drain();
    Mention followUp = read.get(1);
    assertEquals(read.get(0).externalId(), followUp.inReplyTo());
    OutgoingPost reply = new OutgoingPost("intent-1", "Sorry about that, we are on it.", followUp);
    threads.loseNextPublishAnswers(1);
    assertInstanceOf(ConnectorException.Transient.class, awaitFailure(connector.publish(reply)));
    assertEquals(1, threads.posted().size(), "the lost answer's reply was published");
    String retried = await(connector.publish(reply));
    String again = await(connector.publish(reply));
    assertEquals(retried, again);
    assertEquals(1, threads.posted().size(), "published once: " + threads.posted());
    assertEquals(retried, threads.posted().get(0).getString("id"));
    assertEquals(followUp.externalId(), threads.posted().get(0).getString("replyTo"), "under the reply it answers");
    assertEquals(List.of(), drain(), "the brand's own reply is no mention");
  }

  @Test
  @DisplayName("a tag of the brand can be answered too, and the daily reply quota stops a reply before any container")
  void replyToTagAndQuota() {
    threads.seedTag("does the app work offline?");
    Mention tag = drain().get(0);
    String id = await(connector.publish(new OutgoingPost("t", "It does, since 4.2.", tag)));
    assertEquals(tag.externalId(), threads.posted().get(0).getString("replyTo"));
    assertEquals(id, threads.posted().get(0).getString("id"));
    threads.seedMentions(1, 0);
    Mention next = drain().get(0);
    threads.replyQuota(1);
    Throwable limited = awaitFailure(connector.publish(new OutgoingPost("q", "Looking into it.", next)));
    assertInstanceOf(ConnectorException.RateLimited.class, limited);
    assertTrue(limited.getMessage().contains("1 of 1 replies"), limited.getMessage());
    assertEquals(1, threads.posted().size(), "nothing more was published");
  }

  @Test
  @DisplayName("hide and unhide reach a top-level reply; a nested one is refused; deleting is refused without a call")
  void moderation() {
    threads.seedMentions(2, 2);
    List<Mention> read = drain();
    String top = read.get(0).externalId();
    await(connector.hide(top, true));
    assertTrue(threads.hidden(top));
    await(connector.hide(top, false));
    assertFalse(threads.hidden(top));
    assertEquals(List.of("hide " + top, "unhide " + top), threads.moderations());
    Throwable nested = awaitFailure(connector.hide(read.get(1).externalId(), true));
    assertInstanceOf(ConnectorException.Rejected.class, nested);
    assertTrue(nested.getMessage().contains("nested"), nested.getMessage());
    long requests = threads.faults().requests();
    assertInstanceOf(ConnectorException.Rejected.class, awaitFailure(connector.delete(top)));
    assertFalse(connector.deletes());
    assertEquals(requests, threads.faults().requests(), "no request for a delete Threads cannot do");
  }

  @Test
  @DisplayName("engagement comes from insights: likes, reposts, replies, quotes and views; a reply gone is left out")
  void engagement() {
    threads.seedMentions(1, 0);
    Mention m = drain().get(0);
    String reply = await(connector.publish(new OutgoingPost("e", "Thanks!", m)));
    threads.setInsights(reply, 120, 7, 2, 1);
    Map<String, Engagement> counts = await(connector.engagement(List.of(reply, "17000000000000")));
    Engagement e = counts.get(reply);
    assertEquals(7, e.likes());
    assertEquals(2, e.reposts());
    assertEquals(0, e.replies());
    assertEquals(1L, e.quotes());
    assertEquals(120L, e.impressions());
    assertEquals(1, counts.size(), "an id that is gone is left out");
  }

  @Test
  @DisplayName("a refused token is Unauthorized (190), throttling waits for the minutes Meta names, a 500 is Transient")
  void errorsAreTyped() {
    threads.faults().rateLimitFor(Duration.ofSeconds(90));
    ConnectorException.RateLimited rl = assertInstanceOf(ConnectorException.RateLimited.class,
        awaitFailure(connector.poll(null)));
    long seconds = Duration.between(Instant.now(), rl.resetAt()).toSeconds();
    assertTrue(seconds > 90 && seconds <= 120, "two whole minutes: " + seconds + " s");
    threads.faults().rateLimitFor(Duration.ZERO);
    threads.faults().serverErrors(1);
    assertInstanceOf(ConnectorException.Transient.class, awaitFailure(connector.poll(null)));
    threads.revokePermission("threads_manage_mentions");
    Throwable noMentions = awaitFailure(pollAll());
    assertInstanceOf(ConnectorException.Unauthorized.class, noMentions, "without the permission: " + noMentions);
    threads.revokeToken();
    Throwable refused = awaitFailure(connector.poll(null));
    assertInstanceOf(ConnectorException.Unauthorized.class, refused);
    assertTrue(refused.getMessage().contains("code 190"), refused.getMessage());
  }

  /** Polls until a round ends or a poll fails. */
  private Future<PollResult> pollAll() {
    return connector.poll(cursor).compose(p -> {
      cursor = p.nextCursor();
      return p.more() ? pollAll() : Future.succeededFuture(p);
    });
  }

  private static Throwable awaitFailure(Future<?> f) {
    try {
      f.await();
      return null;
    } catch (Exception e) {
      return e instanceof ConnectorException ? e : e.getCause() != null ? e.getCause() : e;
    }
  }
}

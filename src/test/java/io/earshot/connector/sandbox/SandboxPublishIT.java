package io.earshot.connector.sandbox;

import static io.earshot.connector.sandbox.SandboxFixture.await;
import static io.earshot.testing.ApiClient.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.connector.ConnectorException;
import io.earshot.connector.OutgoingPost;
import io.earshot.domain.Author;
import io.earshot.domain.Engagement;
import io.earshot.domain.Mention;
import io.earshot.domain.Platform;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Publishing to the sandbox through its connector")
class SandboxPublishIT {
  private SandboxFixture sandbox;
  private SandboxConnector connector;

  @BeforeEach
  void start(Vertx vertx) {
    sandbox = SandboxFixture.start(vertx);
    connector = sandbox.connector(Map.of());
    await(connector.start());
  }

  @AfterEach
  void stop() {
    sandbox.stop();
  }

  private Mention readOne(String handle, String text) {
    String id = sandbox.mention(handle, text, null);
    return await(connector.poll(null)).mentions().stream()
        .filter(m -> m.externalId().equals(id)).findFirst().orElseThrow();
  }

  @Test
  @DisplayName("publishing twice with the same idempotency key creates one post and returns its id")
  void sameKeyPublishesOnce() {
    Mention mention = readOne("waiting_wanda", "@ForkfulEats still waiting on my order");
    OutgoingPost reply = new OutgoingPost("reply-123", "Sorry Wanda, checking with the rider now.", mention);
    String first = await(connector.publish(reply));
    String second = await(connector.publish(reply));
    assertEquals(first, second);
    JsonArray posts = sandbox.brandPosts();
    assertEquals(1, posts.size());
    JsonObject post = posts.getJsonObject(0);
    assertEquals(first, post.getString("id"));
    assertEquals(mention.externalId(), post.getString("in_reply_to_id"));
    assertEquals("ForkfulEats", post.getJsonObject("author").getString("handle"));
    assertEquals("reply-123", post.getString("idempotency_key"));
    String other = await(connector.publish(new OutgoingPost("reply-124", "And a second note.", mention)));
    assertFalse(other.equals(first));
    assertEquals(2, sandbox.brandPosts().size());
  }

  @Test
  @DisplayName("reusing a key for another text, or answering a post that does not exist, is Rejected")
  void invalidPublishesAreRejected() {
    Mention mention = readOne("key_reuser", "@TallyCloud sync is stuck");
    await(connector.publish(new OutgoingPost("k-1", "Looking into it.", mention)));
    assertThrows(ConnectorException.Rejected.class,
        () -> await(connector.publish(new OutgoingPost("k-1", "A different text.", mention))));
    Mention ghost = Mention.incoming(Platform.SANDBOX, "sandbox-it", "999", new Author("u", "ghost", "G", 0, false),
        "gone", Instant.now(), null, null, "en", Map.of());
    assertThrows(ConnectorException.Rejected.class,
        () -> await(connector.publish(new OutgoingPost("k-2", "Hello?", ghost))));
    assertEquals(1, sandbox.brandPosts().size());
  }

  @Test
  @DisplayName("a held publish is stored before it answers, and a retry with its key learns the id")
  void heldPublishIsStoredFirst() throws Exception {
    Mention mention = readOne("held_hank", "@VoltMobile no signal since Monday");
    sandbox.ops("POST", "/publish-hold", new JsonObject());
    OutgoingPost reply = new OutgoingPost("held-1", "We're sorry Hank, DM us your postcode.", mention);
    Future<String> hanging = connector.publish(reply);
    JsonArray stored = waitForBrandPosts(1);
    assertTrue(eventually(Duration.ofSeconds(5),
        () -> sandbox.ops("GET", "/publish-hold", null).bodyAsJsonObject().getInteger("held") == 1),
        "the sandbox holds the publish's answer");
    assertFalse(hanging.isComplete(), "the publish answered while held");
    // A restarted hub retries with the same key: it must get the stored id at once.
    assertEquals(stored.getJsonObject(0).getString("id"), await(connector.publish(reply)));
    assertEquals(1, sandbox.ops("DELETE", "/publish-hold", null).bodyAsJsonObject().getInteger("released"));
    assertEquals(stored.getJsonObject(0).getString("id"), await(hanging));
    assertEquals(1, sandbox.brandPosts().size());
  }

  @Test
  @DisplayName("engagement reports the likes, reposts and replies a brand reply has earned")
  void engagementIsTracked() {
    Mention mention = readOne("liker_lou", "@StreamBox the final episode keeps buffering");
    String reply = await(connector.publish(new OutgoingPost("eng-1", "Try signing out and in again.", mention)));
    sandbox.mention("liker_lou", "That worked, thank you!", reply);
    sandbox.generate(new JsonObject().put("count", 0).put("react_rounds", 60));
    Map<String, Engagement> counts = await(connector.engagement(List.of(reply, "123456")));
    assertEquals(1, counts.size(), "unknown ids are left out");
    Engagement engagement = counts.get(reply);
    assertTrue(engagement.likes() > 0, "no likes after 60 reaction rounds");
    assertEquals(1, engagement.replies());
    assertTrue(await(connector.engagement(List.of())).isEmpty());
    // More ids than one request carries are split into batches and merged.
    List<String> many = new java.util.ArrayList<>(java.util.stream.IntStream.range(0, 180)
        .mapToObj(i -> Long.toString(900_000 + i)).toList());
    many.add(reply);
    assertEquals(java.util.Set.of(reply), await(connector.engagement(many)).keySet());
  }

  private JsonArray waitForBrandPosts(int count) {
    assertTrue(eventually(Duration.ofSeconds(5), () -> sandbox.brandPosts().size() >= count),
        "the sandbox never stored the held post");
    return sandbox.brandPosts();
  }
}

package io.earshot.connector.bluesky;

import static io.earshot.connector.PollDriver.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.connector.Connector;
import io.earshot.connector.ConnectorAccount;
import io.earshot.connector.ConnectorException;
import io.earshot.connector.Connectors;
import io.earshot.connector.OutgoingPost;
import io.earshot.connector.PollDriver;
import io.earshot.connector.PollResult;
import io.earshot.domain.Engagement;
import io.earshot.domain.Mention;
import io.earshot.domain.Platform;
import io.earshot.demo.emulator.bluesky.BlueskyEmulator;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BlueskyIT extends BlueskyEmulatorTest {
  private Connector connector(String password) throws Exception {
    return connector(password, 100);
  }

  private Connector connector(String password, int pageSize) throws Exception {
    ConnectorAccount account = new ConnectorAccount("brand-bsky", Platform.BLUESKY, true,
        emulator.baseUrl(), Map.of("identifier", BlueskyEmulator.HANDLE, "password", password), 1,
        List.of(), Map.of("pageSize", pageSize));
    Connector connector = Connectors.create(vertx, account);
    await(connector.start());
    return connector;
  }

  private Connector connector() throws Exception {
    return connector(BlueskyEmulator.APP_PASSWORD);
  }

  @Test
  @DisplayName("2,000 mentions and replies are read exactly once across a restart mid-walk, new arrivals, a 429 storm and 5xx")
  void readsEverythingOnce() throws Exception {
    emulator.seedMentions(2_000, 4);
    PollDriver driver = new PollDriver(null).drain(connector(), 8);
    emulator.seedMentions(30, 3);

    Connector restarted = connector();
    emulator.faults().rateLimitFor(Duration.ofMillis(600));
    driver.drain(restarted, 6);
    emulator.faults().serverErrors(2);
    driver.drain(restarted, 100);
    assertTrue(driver.stored().size() >= 2_000, "the walk went down to the oldest notification");
    driver.drain(restarted, 100);

    assertEquals(List.of(), driver.missing(new HashSet<>(emulator.mentionUris())), "mentions never read");
    assertEquals(2_030, driver.stored().size());
    assertEquals(1, driver.rateLimited());
    assertEquals(2, driver.transientFaults());
    assertEquals(2, emulator.sessions().created(), "one login per connector instance, none per page");
  }

  @Test
  @DisplayName("mentions carry text, author DID and handle, reply refs and the root of the thread")
  void mapsMentions() throws Exception {
    emulator.seedMentions(3, 3);
    List<Mention> page = await(connector().poll(null)).mentions();
    assertEquals(3, page.size());
    Mention opening = page.get(1);
    Mention followUp = page.get(2);
    assertTrue(opening.text().startsWith("@brand.bsky.emu "));
    assertTrue(opening.author().id().startsWith("did:plc:"));
    assertEquals(opening.externalId(), followUp.inReplyTo());
    assertEquals(opening.externalId(), followUp.meta().get("rootUri"));
    assertEquals(opening.meta().get("cid"), followUp.meta().get("rootCid"));
    assertEquals("es", page.get(0).lang());
    assertEquals(37, opening.author().followers(), "follower counts come from getProfiles");
  }

  @Test
  @DisplayName("an expired access token is refreshed with the refresh token, not by logging in again")
  void refreshesSession() throws Exception {
    emulator.seedMentions(5, 0);
    Connector connector = connector();
    emulator.sessions().expireAccessTokens();
    assertEquals(5, await(connector.poll(null)).mentions().size());
    assertEquals(1, emulator.sessions().refreshed());
    assertEquals(1, emulator.sessions().created());
  }

  @Test
  @DisplayName("a connector whose start failed logs in on its next call instead of sending no token")
  void logsInLazily() throws Exception {
    emulator.seedMentions(2, 0);
    emulator.faults().serverErrors(1);
    Connector connector = Connectors.create(vertx, new ConnectorAccount("brand-bsky", Platform.BLUESKY,
        true, emulator.baseUrl(), Map.of("identifier", BlueskyEmulator.HANDLE, "password",
        BlueskyEmulator.APP_PASSWORD), 1, List.of(), Map.of()));
    assertThrows(ConnectorException.Transient.class, () -> await(connector.start()));
    assertEquals(2, await(connector.poll(null)).mentions().size());
    assertEquals(1, emulator.sessions().created());
  }

  @Test
  @DisplayName("a reply lands once with root and parent refs and byte-offset facets, even when retried")
  void replyIsIdempotent() throws Exception {
    emulator.seedMentions(4, 2);
    Connector connector = connector();
    Mention followUp = await(connector.poll(null)).mentions().get(1);
    String text = "@" + followUp.author().handle() + " 🙏 fixed: https://status.example.com/i/42";
    OutgoingPost reply = new OutgoingPost("reply-7", text, followUp);

    String uri = await(connector.publish(reply));
    String retried = await(connector.publish(reply));

    assertEquals(uri, retried);
    assertEquals(1, emulator.created().size());
    JsonObject record = emulator.created().get(0).getJsonObject("record");
    assertEquals(uri, emulator.created().get(0).getString("uri"));
    assertEquals(followUp.externalId(), record.getJsonObject("reply").getJsonObject("parent").getString("uri"));
    assertEquals(followUp.meta().get("rootUri"), record.getJsonObject("reply").getJsonObject("root").getString("uri"));
    assertNotEquals(followUp.externalId(), followUp.meta().get("rootUri"));
    JsonObject link = record.getJsonArray("facets").getJsonObject(0).getJsonObject("index");
    int handleBytes = followUp.author().handle().length() + 1;
    assertEquals(handleBytes + 1 + 4 + 1 + 7, link.getInteger("byteStart"), "the emoji is 4 UTF-8 bytes");
    assertEquals(link.getInteger("byteStart") + 31, link.getInteger("byteEnd"), "the URL is 31 ASCII bytes");
    JsonObject mention = record.getJsonArray("facets").getJsonObject(1);
    assertEquals(followUp.author().id(), mention.getJsonArray("features").getJsonObject(0).getString("did"));
  }

  @Test
  @DisplayName("a reply's langs are its own language, never the customer's; unsure means no langs")
  void replyLanguage() throws Exception {
    emulator.seedMentions(1, 0);
    Connector connector = connector();
    Mention spanish = await(connector.poll(null)).mentions().get(0);
    assertEquals("es", spanish.lang());
    await(connector.publish(new OutgoingPost("en-1", "Sorry about that, we are looking into your order now", spanish)));
    await(connector.publish(new OutgoingPost("none-1", "👍 #42", spanish)));
    assertEquals(List.of("en"), emulator.created().get(0).getJsonObject("record").getJsonArray("langs").getList());
    assertFalse(emulator.created().get(1).getJsonObject("record").containsKey("langs"));
  }

  @Test
  @DisplayName("facets for every handle the network resolves and every bare domain; an unknown handle stays text")
  void facetsForAnyHandleOrDomain() throws Exception {
    emulator.seedMentions(3, 0);
    Connector connector = connector();
    List<Mention> page = await(connector.poll(null)).mentions();
    Mention target = page.get(0);
    Mention other = page.get(2);
    String text = "@" + other.author().handle() + " saw the same; @nobody.example.com too. See acme.com/help.";
    await(connector.publish(new OutgoingPost("facets-1", text, target)));
    io.vertx.core.json.JsonArray facets = emulator.created().get(0).getJsonObject("record").getJsonArray("facets");
    assertEquals(2, facets.size(), facets.encode());
    JsonObject link = facets.getJsonObject(0);
    assertEquals("https://acme.com/help", link.getJsonArray("features").getJsonObject(0).getString("uri"));
    JsonObject mention = facets.getJsonObject(1);
    assertEquals(other.author().id(), mention.getJsonArray("features").getJsonObject(0).getString("did"),
        "resolved with com.atproto.identity.resolveHandle: not the customer being answered");
    assertEquals(0, mention.getJsonObject("index").getInteger("byteStart"));
  }

  @Test
  @DisplayName("a fresh account reads its mentions without walking every like, follow and repost (reasons filter)")
  void reasonsFilter() throws Exception {
    emulator.seedMentions(400, 0);
    PollDriver driver = new PollDriver(null).drain(connector(), 50);
    assertEquals(400, driver.stored().size());
    assertTrue(emulator.notificationsServed() <= 400, "only post notifications were paged: " + emulator.notificationsServed());
  }

  @Test
  @DisplayName("a page emptied by deleted posts does not end the walk: the mentions below it arrive")
  void emptyPagesInTheMiddle() throws Exception {
    emulator.seedMentions(60, 0);
    List<String> uris = emulator.mentionUris();
    uris.subList(20, 40).forEach(emulator::deletePost);
    PollDriver driver = new PollDriver(null).drain(connector(BlueskyEmulator.APP_PASSWORD, 20), 20);
    assertEquals(new HashSet<>(emulator.mentionUris()), driver.stored().keySet());
    assertEquals(40, driver.stored().size());
  }

  @Test
  @DisplayName("engagement counts come from getPosts; deleted posts are left out")
  void engagementCounts() throws Exception {
    Connector connector = connector();
    String kept = await(connector.publish(new OutgoingPost("b1", "Status page is live", null)));
    String gone = await(connector.publish(new OutgoingPost("b2", "Maintenance tonight", null)));
    emulator.setCounts(kept, 11, 4, 2);
    emulator.setQuotes(kept, 3);
    emulator.deletePost(gone);

    Map<String, Engagement> counts = await(connector.engagement(List.of(kept, gone)));

    assertEquals(1, counts.size());
    Engagement e = counts.get(kept);
    assertEquals(List.of(11L, 4L, 2L, 3L), List.of(e.likes(), e.reposts(), e.replies(), e.quotes()));
    assertNull(e.impressions(), "Bluesky counts no views");
  }

  @Test
  @DisplayName("a wrong or revoked app password is Unauthorized")
  void unauthorized() throws Exception {
    assertThrows(ConnectorException.Unauthorized.class, () -> connector("wrong-password"));
    Connector connector = connector();
    emulator.sessions().revokeAppPassword();
    assertThrows(ConnectorException.Unauthorized.class, () -> await(connector.poll(null)));
  }

  @Test
  @DisplayName("a malformed notification is skipped and counted; likes are ignored, not counted")
  void malformedSkipped() throws Exception {
    emulator.seedMentions(2, 0);
    emulator.seedMalformed();
    emulator.seedMentions(1, 0);
    PollResult page = await(connector().poll(null));
    assertEquals(3, page.mentions().size());
    assertEquals(1, page.skippedMalformed());
    assertFalse(page.more());
  }

  @Test
  @DisplayName("replies are limited to 300 graphemes and 3,000 UTF-8 bytes")
  void checkReplyCounts() throws Exception {
    Connector connector = connector();
    assertEquals(300, connector.checkReply("👍🏽".repeat(300)).length());
    assertTrue(connector.checkReply("👨‍👩‍👧‍👦".repeat(121)).length() == 121);
    assertFalse(connector.checkReply("👨‍👩‍👧‍👦".repeat(121)).ok(), "121 families are 3,025 bytes");
    assertTrue(connector.checkReply("👨‍👩‍👧‍👦".repeat(120)).ok(), "120 families are exactly 3,000 bytes");
    assertTrue(connector.checkReply("é".repeat(300)).ok());
    assertFalse(connector.checkReply("a".repeat(301)).ok());
  }
}

package io.earshot.connector.xv2;

import static io.earshot.connector.PollDriver.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import io.earshot.demo.emulator.xv2.XV2Emulator;
import io.earshot.domain.Mention;
import io.earshot.domain.Platform;
import io.earshot.domain.Visibility;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("X direct messages through the v2 connector (dm_events, dm_conversations)")
class XV2DmIT extends XV2EmulatorTest {
  private Connector connector(boolean dm, int pageSize) throws Exception {
    ConnectorAccount account = new ConnectorAccount("brand-x2", Platform.X, true, emulator.baseUrl(), XV2IT.oauth1(),
        1, List.of(), Map.of("api", "v2", "pageSize", pageSize, "dm", dm));
    Connector connector = Connectors.create(vertx, account, store.services(account));
    await(connector.start());
    return connector;
  }

  @Test
  @DisplayName("a customer's DMs arrive once as private mentions from the author of their posts; the brand's own messages are skipped")
  void dmsArriveOnce() throws Exception {
    String post = emulator.seedMentionAt("my parcel is lost", java.time.Instant.now());
    emulator.dms().seedFrom(post, "order 5531, sent to Leeds");
    Connector connector = connector(true, 100);
    assertTrue(connector.sendsPrivate());
    PollResult first = await(connector.poll(null));
    Mention publicPost = first.mentions().get(0);
    Mention message = first.mentions().get(1);
    assertFalse(publicPost.isPrivate());
    assertTrue(message.isPrivate());
    assertEquals("order 5531, sent to Leeds", message.text());
    assertEquals(publicPost.customerId(), message.customerId(), "the sender is the post's author");
    assertEquals(publicPost.author().handle(), message.author().handle());
    assertTrue(message.externalId().startsWith("dm/"), message.externalId());

    await(connector.publish(new OutgoingPost("dm-a", "Thanks, looking now.", message, Visibility.PRIVATE)));
    PollResult again = await(connector.poll(first.nextCursor()));
    assertEquals(List.of(), again.mentions(), "nothing read twice, the brand's own message not read as a customer's");
    emulator.dms().seedFrom(post, "any news?");
    PollResult next = await(connector.poll(again.nextCursor()));
    assertEquals(List.of("any news?"), next.mentions().stream().map(Mention::text).toList());
  }

  @Test
  @DisplayName("60 DMs with deleted ones in short pages arrive exactly once across a restart mid-walk")
  void walksShortPagesAcrossRestart() throws Exception {
    String post = emulator.seedMentionAt("hello", java.time.Instant.now());
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      ids.add(emulator.dms().seedFrom(post, "message " + i));
    }
    for (int i = 0; i < 60; i += 7) {
      emulator.dms().delete(ids.get(i));
    }
    PollDriver driver = new PollDriver(null).drain(connector(true, 10), 3);
    assertTrue(driver.stored().size() < 50, "the walk was cut short: " + driver.stored().size());
    for (int i = 60; i < 65; i++) {
      ids.add(emulator.dms().seedFrom(post, "message " + i));
    }
    driver.drain(connector(true, 10), 50);
    driver.drain(connector(true, 10), 50);

    Set<String> texts = new HashSet<>();
    driver.stored().values().stream().filter(Mention::isPrivate).forEach(m -> assertTrue(texts.add(m.text())));
    assertEquals(65 - 9, texts.size(), "every message not deleted, once");
    assertTrue(texts.contains("message 64") && texts.contains("message 1") && !texts.contains("message 0"));
  }

  @Test
  @DisplayName("a private answer goes out once; a retry after a lost answer finds it instead of sending twice")
  void privateAnswerOnce() throws Exception {
    String post = emulator.seedMentionAt("card declined", java.time.Instant.now());
    emulator.dms().seedFrom(post, "visa ending 1111");
    Connector connector = connector(true, 100);
    Mention message = await(connector.poll(null)).mentions().get(1);
    OutgoingPost answer = new OutgoingPost("dm-b", "Fixed, please try again.", message, Visibility.PRIVATE);

    emulator.dms().loseNextAnswer();
    assertThrows(ConnectorException.Transient.class, () -> await(connector.publish(answer)));
    String id = await(connector(true, 100).publish(answer));
    assertEquals(id, await(connector.publish(answer)), "a second retry finds the same message");
    assertEquals(1, emulator.dms().sent().size());
    JsonObject sent = emulator.dms().sent().get(0);
    assertEquals("Fixed, please try again.", sent.getString("text"));
    assertEquals(message.meta().get("conversationId"), sent.getString("dm_conversation_id"));
    assertEquals("dm/" + sent.getString("dm_conversation_id") + "/" + sent.getString("id"), id);
    assertTrue(emulator.posted().isEmpty(), "nothing was posted in public");
  }

  @Test
  @DisplayName("a public post answered in private is a DM to its author; a DM answered in public is a post naming them")
  void handOffBothWays() throws Exception {
    emulator.seedMentionAt("refund please", java.time.Instant.now());
    Connector connector = connector(true, 100);
    Mention post = await(connector.poll(null)).mentions().get(0);
    await(connector.publish(new OutgoingPost("dm-c", "We have written to you privately.", post, Visibility.PRIVATE)));
    assertEquals(1, emulator.dms().sent().size());
    assertTrue(emulator.posted().isEmpty());

    emulator.dms().seedFrom(post.externalId(), "account 4410");
    Mention message = await(connector.poll(null)).mentions().stream().filter(Mention::isPrivate).findFirst().orElseThrow();
    await(connector.publish(new OutgoingPost("dm-d", "Fixed for everyone.", message, Visibility.PUBLIC)));
    JsonObject posted = emulator.posted().get(0);
    assertEquals("@" + message.author().handle() + " Fixed for everyone.", posted.getString("source_text"));
    assertNull(posted.getJsonArray("referenced_tweets"), "a DM has no post to reply to");
  }

  @Test
  @DisplayName("without the dm option nothing private is read or sent; a token without DM scopes is Unauthorized, naming them")
  void optionAndScope() throws Exception {
    String post = emulator.seedMentionAt("hello", java.time.Instant.now());
    emulator.dms().seedFrom(post, "private hello");
    Connector off = connector(false, 100);
    assertFalse(off.sendsPrivate());
    assertEquals(1, await(off.poll(null)).mentions().size());
    assertEquals(0, emulator.dms().served());

    emulator.dms().access(false);
    ConnectorException.Unauthorized refused = assertThrows(ConnectorException.Unauthorized.class,
        () -> await(connector(true, 100).poll(null)));
    assertTrue(refused.getMessage().contains("dm.read"), refused.getMessage());
  }

  @Test
  @DisplayName("DM reads draw on the account's money budget like post reads and stop at the hard cap")
  void budgetCapsDmReads() throws Exception {
    String post = emulator.seedMentionAt("hello", java.time.Instant.now());
    for (int i = 0; i < 40; i++) {
      emulator.dms().seedFrom(post, "message " + i);
    }
    ConnectorAccount account = new ConnectorAccount("capped-dm", Platform.X, true, emulator.baseUrl(), XV2IT.oauth1(),
        1, List.of(), Map.of("api", "v2", "pageSize", 10, "dm", true), io.earshot.connector.budget.BudgetPolicy.parse(
            new JsonObject().put("monthlyUsd", 0.02).put("prices", new JsonObject().put("userReadUsd", 0)), Platform.X, true));
    Connector connector = Connectors.create(vertx, account, store.services(account));
    await(connector.start());
    String cursor = null;
    int read = 0;
    for (int polls = 0; polls < 20; polls++) {
      try {
        PollResult page = await(connector.poll(cursor));
        read += page.mentions().size();
        cursor = page.nextCursor();
      } catch (ConnectorException.BudgetExhausted capped) {
        break;
      }
    }
    long billed = emulator.dms().served() + emulator.postsServed();
    assertTrue(billed <= 20, "$0.02 buys 20 items at $0.001, X served " + billed);
    assertTrue(emulator.dms().served() >= 10, "DMs were read until the cap: " + emulator.dms().served());
    assertTrue(read <= 20 && read > 10, "read " + read);
  }

  @Test
  @DisplayName("the emulator is as strict as X: string ids, includes.users, meta, no since_id, the v2 403 for a missing scope")
  void emulatorStrictness() throws Exception {
    String post = emulator.seedMentionAt("hi", java.time.Instant.now());
    emulator.dms().seedFrom(post, "psst");
    WebClient client = WebClient.create(vertx);
    try {
      String token = await(client.postAbs(emulator.baseUrl() + "/2/oauth2/token").sendForm(io.vertx.core.MultiMap
          .caseInsensitiveMultiMap().add("grant_type", "refresh_token").add("client_id", XV2Emulator.CLIENT_ID)
          .add("refresh_token", emulator.grantRefreshToken()))).bodyAsJsonObject().getString("access_token");
      var ok = await(client.getAbs(emulator.baseUrl() + "/2/dm_events?expansions=sender_id&dm_event.fields=sender_id")
          .bearerTokenAuthentication(token).send());
      JsonObject page = ok.bodyAsJsonObject();
      assertTrue(page.getJsonArray("data").getJsonObject(0).getValue("id") instanceof String, page.encode());
      assertEquals(Set.of("id", "event_type", "text", "sender_id"), page.getJsonArray("data").getJsonObject(0).fieldNames());
      assertEquals("psst", page.getJsonArray("data").getJsonObject(0).getString("text"));
      assertEquals(1, page.getJsonObject("meta").getInteger("result_count"));
      assertEquals(1, page.getJsonObject("includes").getJsonArray("users").size());
      assertEquals("299", ok.getHeader("x-rate-limit-remaining"));

      var sinceId = await(client.getAbs(emulator.baseUrl() + "/2/dm_events?since_id=1").bearerTokenAuthentication(token).send());
      assertEquals(400, sinceId.statusCode());
      assertEquals("https://api.twitter.com/2/problems/invalid-request", sinceId.bodyAsJsonObject().getString("type"));
      emulator.dms().access(false);
      var forbidden = await(client.getAbs(emulator.baseUrl() + "/2/dm_events").bearerTokenAuthentication(token).send());
      assertEquals(403, forbidden.statusCode());
      assertEquals(new JsonObject().put("title", "Forbidden").put("detail", "Forbidden").put("type", "about:blank")
          .put("status", 403), forbidden.bodyAsJsonObject());
    } finally {
      client.close();
    }
  }
}

package io.earshot.connector.mastodon;

import static io.earshot.connector.PollDriver.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.connector.Connector;
import io.earshot.connector.OutgoingPost;
import io.earshot.demo.emulator.mastodon.MastodonEmulator;
import io.earshot.domain.Mention;
import io.earshot.domain.Visibility;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Replying on Mastodon through the emulator: idempotent posts, who a reply names, visibility, warnings, length. */
class MastodonReplyIT extends MastodonEmulatorTest {
  @Test
  @DisplayName("a reply lands once, addressed to the author, with the original visibility, even when retried")
  void replyIsIdempotent() throws Exception {
    emulator.seedMentions(3, 0);
    Connector connector = connector();
    Mention target = await(connector.poll(null)).mentions().get(1);
    OutgoingPost reply = new OutgoingPost("reply-42", "Sorry about that, we're on it!", target);

    String id = await(connector.publish(reply));
    String retried = await(connector.publish(reply));

    assertEquals(id, retried);
    assertEquals(1, emulator.posted().size());
    JsonObject posted = emulator.posted().get(0);
    assertEquals(target.externalId(), posted.getString("in_reply_to_id"));
    assertEquals("@" + target.author().handle() + " Sorry about that, we're on it!", posted.getString("source_text"));
    assertEquals("public", posted.getString("visibility"));
  }

  @Test
  @DisplayName("a reply keeps everyone the post named (not the brand) and sits under the same content warning")
  void replyKeepsParticipantsAndWarning() throws Exception {
    emulator.seedMentions(7, 0);
    Connector connector = connector();
    Mention target = await(connector.poll(null)).mentions().get(6);
    await(connector.publish(new OutgoingPost("reply-cw", "We have sent you a DM.", target)));
    JsonObject posted = emulator.posted().get(0);
    assertEquals("@customer10006@remote.example @customer10007 We have sent you a DM.", posted.getString("source_text"));
    assertEquals("order details", posted.getString("spoiler_text"));
    assertTrue(posted.getBoolean("sensitive"));
    assertEquals("public", posted.getString("visibility"));
    assertEquals(target.externalId(), posted.getString("in_reply_to_id"));
  }

  @Test
  @DisplayName("a direct-visibility mention is a private message; a private answer is a direct status to the customer alone")
  void privateAnswerIsDirectToTheCustomer() throws Exception {
    emulator.seedMentions(1, 0);
    Connector connector = connector();
    Mention target = await(connector.poll(null)).mentions().get(0);
    assertTrue(target.isPrivate(), "seeded mention 0 is direct");
    assertTrue(connector.sendsPrivate());
    await(connector.publish(new OutgoingPost("reply-dm", "Thanks, we cancelled it.", target, Visibility.PRIVATE)));
    JsonObject posted = emulator.posted().get(0);
    assertEquals("@customer10000@remote.example Thanks, we cancelled it.", posted.getString("source_text"),
        "the other participant would read a direct status that named them");
    assertEquals("direct", posted.getString("visibility"));
    assertEquals(target.externalId(), posted.getString("in_reply_to_id"));
    assertEquals("order details", posted.getString("spoiler_text"));
    assertEquals(1, posted.getJsonArray("mentions").size());
  }

  @Test
  @DisplayName("a public answer to a private message names the customer, but neither links the direct status nor repeats its warning")
  void publicAnswerToPrivateMessage() throws Exception {
    emulator.seedMentions(1, 0);
    Connector connector = connector();
    Mention target = await(connector.poll(null)).mentions().get(0);
    await(connector.publish(new OutgoingPost("reply-open", "Fixed for everyone now.", target, Visibility.PUBLIC)));
    JsonObject posted = emulator.posted().get(0);
    assertEquals("@customer10000@remote.example Fixed for everyone now.", posted.getString("source_text"));
    assertEquals("public", posted.getString("visibility"));
    assertEquals(null, posted.getString("in_reply_to_id"));
    assertEquals("", posted.getString("spoiler_text"));
  }

  @Test
  @DisplayName("the emulator refuses a visibility Mastodon does not know, as the real API does")
  void unknownVisibilityRefused() throws Exception {
    io.vertx.ext.web.client.WebClient client = io.vertx.ext.web.client.WebClient.create(vertx);
    var answer = await(client.postAbs(emulator.baseUrl() + "/api/v1/statuses").bearerTokenAuthentication(MastodonEmulator.TOKEN)
        .sendJsonObject(new JsonObject().put("status", "hi").put("visibility", "secret")));
    assertEquals(422, answer.statusCode());
    client.close();
  }

  @Test
  @DisplayName("reply length follows the instance: its own limit, URLs as 23, graphemes, remote mentions short")
  void checkReplyCounts() throws Exception {
    emulator.setMaxCharacters(60);
    Connector connector = connector();
    String url = "https://example.com/a/very/long/path/that/is/much/longer/than/twenty-three";
    assertEquals(23 + 4, connector.checkReply("see " + url).length());
    assertEquals(60, connector.checkReply("x").limit());
    assertEquals(3, connector.checkReply("👍🏽🇫🇷é").length(), "skin tone, flag and combining mark count once");
    assertEquals(6, connector.checkReply("@alice@mastodon.social").length());
    assertFalse(connector.checkReply("y".repeat(61)).ok());
  }
}

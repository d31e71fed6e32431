package io.earshot.connector.bluesky;

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
import io.earshot.connector.PollResult;
import io.earshot.demo.emulator.bluesky.BlueskyEmulator;
import io.earshot.domain.Mention;
import io.earshot.domain.Platform;
import io.earshot.domain.Visibility;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Bluesky direct messages (chat.bsky.convo through the PDS proxy)")
class BlueskyChatIT extends BlueskyEmulatorTest {
  private Connector connector(boolean chat) throws Exception {
    ConnectorAccount account = new ConnectorAccount("brand-bsky", Platform.BLUESKY, true, emulator.baseUrl(),
        Map.of("identifier", BlueskyEmulator.HANDLE, "password", BlueskyEmulator.APP_PASSWORD), 1, List.of(),
        Map.of("chat", chat));
    Connector connector = Connectors.create(vertx, account);
    await(connector.start());
    return connector;
  }

  @Test
  @DisplayName("a customer's chat message arrives once as a private mention from the same customer as their post")
  void chatMessagesArriveOnce() throws Exception {
    emulator.seedMention("my order is late");
    String post = emulator.mentionUris().get(0);
    emulator.seedChatFrom(post, "order 7781, paid by card");
    Connector connector = connector(true);
    assertTrue(connector.sendsPrivate());

    PollResult first = await(connector.poll(null));
    assertEquals(2, first.mentions().size(), first.mentions().toString());
    Mention publicPost = first.mentions().get(0);
    Mention message = first.mentions().get(1);
    assertFalse(publicPost.isPrivate());
    assertTrue(message.isPrivate());
    assertEquals("order 7781, paid by card", message.text());
    assertEquals(publicPost.customerId(), message.customerId(), "the sender is the post's author");
    assertEquals(publicPost.author().handle(), message.author().handle());

    PollResult again = await(connector.poll(first.nextCursor()));
    assertEquals(List.of(), again.mentions(), "nothing is read twice");
    emulator.seedChatFrom(post, "any news?");
    PollResult next = await(connector.poll(again.nextCursor()));
    assertEquals(List.of("any news?"), next.mentions().stream().map(Mention::text).toList());
  }

  @Test
  @DisplayName("a private answer is sent once into the customer's conversation, even when retried")
  void privateAnswerSentOnce() throws Exception {
    emulator.seedMention("card declined");
    emulator.seedChatFrom(emulator.mentionUris().get(0), "it is the visa ending 1111");
    Connector connector = connector(true);
    Mention message = await(connector.poll(null)).mentions().get(1);
    OutgoingPost answer = new OutgoingPost("reply-chat-1", "Thanks, we see the decline and fixed it.", message,
        Visibility.PRIVATE);

    String id = await(connector.publish(answer));
    assertEquals(id, await(connector.publish(answer)), "a retry finds the message already sent");
    assertEquals(1, emulator.chatSent().size());
    JsonObject sent = emulator.chatSent().get(0);
    assertEquals(message.meta().get("convoId"), sent.getString("convoId"));
    assertEquals("Thanks, we see the decline and fixed it.", sent.getString("text"));
    assertTrue(emulator.created().isEmpty(), "no public post was made");
  }

  @Test
  @DisplayName("a public post answered in private opens the conversation with its author; a private message answered in public is a post naming them")
  void handOffBothWays() throws Exception {
    emulator.seedMention("where is my refund");
    Connector connector = connector(true);
    Mention post = await(connector.poll(null)).mentions().get(0);
    await(connector.publish(new OutgoingPost("reply-chat-2", "We have written to you privately.", post, Visibility.PRIVATE)));
    assertEquals(1, emulator.chatSent().size(), "a conversation with the author was begun");

    emulator.seedChatFrom(emulator.mentionUris().get(0), "account 4410");
    PollResult page = await(connector.poll(null));
    Mention message = page.mentions().stream().filter(Mention::isPrivate).findFirst().orElseThrow();
    await(connector.publish(new OutgoingPost("reply-chat-3", "Fixed for everyone.", message, Visibility.PUBLIC)));
    JsonObject record = emulator.created().get(0).getJsonObject("record");
    assertEquals("@" + message.author().handle() + " Fixed for everyone.", record.getString("text"));
    assertFalse(record.containsKey("reply"), "a direct message has no post to reply to");
  }

  @Test
  @DisplayName("without chat on, the account reads no messages and cannot answer in private")
  void chatOff() throws Exception {
    emulator.seedMention("hello");
    emulator.seedChatFrom(emulator.mentionUris().get(0), "private hello");
    Connector connector = connector(false);
    assertFalse(connector.sendsPrivate());
    assertEquals(1, await(connector.poll(null)).mentions().size());
  }

  @Test
  @DisplayName("the PDS only forwards chat with the atproto-proxy header; an app password without DM access is Unauthorized")
  void proxyHeaderAndScope() throws Exception {
    WebClient client = WebClient.create(vertx);
    JsonObject session = await(client.postAbs(emulator.baseUrl() + "/xrpc/com.atproto.server.createSession")
        .sendJsonObject(new JsonObject().put("identifier", BlueskyEmulator.HANDLE)
            .put("password", BlueskyEmulator.APP_PASSWORD))).bodyAsJsonObject();
    var noProxy = await(client.getAbs(emulator.baseUrl() + "/xrpc/chat.bsky.convo.getLog")
        .bearerTokenAuthentication(session.getString("accessJwt")).send());
    assertEquals(501, noProxy.statusCode());
    client.close();

    emulator.chatAccess(false);
    Connector connector = connector(true);
    assertThrows(ConnectorException.Unauthorized.class, () -> await(connector.poll(null)));
  }
}

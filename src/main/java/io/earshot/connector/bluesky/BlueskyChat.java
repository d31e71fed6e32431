package io.earshot.connector.bluesky;

import io.earshot.connector.OutgoingPost;
import io.earshot.domain.Author;
import io.earshot.domain.Mention;
import io.earshot.domain.Platform;
import io.earshot.domain.Visibility;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Bluesky direct messages ({@code chat.bsky.convo.*}), which the PDS forwards to the chat service
 * only when asked to with the {@code atproto-proxy} header. New messages are read forward from a
 * revision with {@code getLog} (the one chat call that pages forward; listConvos/getMessages
 * would walk every conversation each poll); a message from anyone but the brand becomes a private
 * {@link Mention} whose author is its sender (members from {@code getConvo}, cached). Answers go
 * out with {@code sendMessage}, which has no idempotency key: before sending, the conversation's
 * newest messages are read and an identical message the brand sent within the last hour is taken
 * as the first attempt's. Futures fail as {@link BlueskySession#call} fails them.
 */
final class BlueskyChat {
  static final String PROXY = "did:web:api.bsky.chat#bsky_chat";
  private static final Duration REPEAT_WINDOW = Duration.ofHours(1);
  private final WebClient client;
  private final String base;
  private final BlueskySession session;
  private final String accountName;
  private final Map<String, Map<String, JsonObject>> members = new ConcurrentHashMap<>();

  /** New private messages and the revision to read on from. */
  record Read(List<Mention> mentions, String cursor, boolean more, int skipped) {
  }

  BlueskyChat(WebClient client, String base, BlueskySession session, String accountName) {
    this.client = client;
    this.base = base;
    this.session = session;
    this.accountName = accountName;
  }

  Future<Read> read(String cursor) {
    return session.call(jwt -> {
          HttpRequest<Buffer> req = get("chat.bsky.convo.getLog", jwt);
          return cursor == null ? req : req.addQueryParam("cursor", cursor);
        }, HttpRequest::send, "getLog")
        .compose(r -> messages(r.bodyAsJsonObject(), cursor));
  }

  private Future<Read> messages(JsonObject body, String cursor) {
    List<JsonObject> created = body.getJsonArray("logs", new JsonArray()).stream().map(JsonObject.class::cast)
        .filter(l -> "chat.bsky.convo.defs#logCreateMessage".equals(l.getString("$type")))
        .filter(l -> l.getJsonObject("message") != null
            && "chat.bsky.convo.defs#messageView".equals(l.getJsonObject("message").getString("$type")))
        .filter(l -> !session.did().equals(l.getJsonObject("message").getJsonObject("sender", new JsonObject())
            .getString("did")))
        .toList();
    Set<String> convoIds = created.stream().map(l -> l.getString("convoId")).collect(Collectors.toSet());
    String next = body.getString("cursor", cursor);
    boolean more = body.getJsonArray("logs", new JsonArray()).size() >= 100;
    return Future.all(convoIds.stream().map(this::membersOf).toList()).map(v -> {
      List<Mention> out = new ArrayList<>();
      int skipped = 0;
      for (JsonObject l : created) {
        try {
          out.add(mention(l));
        } catch (RuntimeException malformed) {
          skipped++;
        }
      }
      return new Read(out, next, more, skipped);
    });
  }

  private Mention mention(JsonObject log) {
    String convoId = java.util.Objects.requireNonNull(log.getString("convoId"), "convoId");
    JsonObject m = log.getJsonObject("message");
    String did = java.util.Objects.requireNonNull(m.getJsonObject("sender").getString("did"), "sender.did");
    JsonObject who = members.getOrDefault(convoId, Map.of()).getOrDefault(did, new JsonObject());
    String handle = who.getString("handle", did);
    return Mention.incoming(Platform.BLUESKY, accountName, externalId(convoId, m.getString("id")),
        new Author(did, handle, who.getString("displayName", handle), 0, false),
        java.util.Objects.requireNonNull(m.getString("text"), "text"), BlueskyMapper.instant(m.getString("sentAt")),
        null, null, null, Map.of("convoId", convoId, "handle", handle)).withVisibility(Visibility.PRIVATE);
  }

  private Future<Void> membersOf(String convoId) {
    if (members.containsKey(convoId)) {
      return Future.succeededFuture();
    }
    return session.call(jwt -> get("chat.bsky.convo.getConvo", jwt).addQueryParam("convoId", convoId),
        HttpRequest::send, "getConvo").map(r -> {
          members.put(convoId, byDid(r.bodyAsJsonObject().getJsonObject("convo")));
          return null;
        });
  }

  /**
   * Sends {@code post} as a message in the customer's conversation: the one the answered message
   * came in, or for a public post the brand's conversation with its author (begun if none).
   */
  Future<String> send(OutgoingPost post) {
    Mention to = post.inReplyTo();
    String known = to.meta().get("convoId");
    Future<String> convo = known != null ? Future.succeededFuture(known) : session.call(jwt ->
            get("chat.bsky.convo.getConvoForMembers", jwt).addQueryParam("members", to.author().id()),
        HttpRequest::send, "getConvoForMembers").map(r -> r.bodyAsJsonObject().getJsonObject("convo").getString("id"));
    return convo.compose(id -> alreadySent(id, post.text()).compose(found -> found != null
        ? Future.succeededFuture(found) : message(id, post.text())).map(messageId -> externalId(id, messageId)));
  }

  private Future<String> alreadySent(String convoId, String text) {
    Instant since = Instant.now().minus(REPEAT_WINDOW);
    return session.call(jwt -> get("chat.bsky.convo.getMessages", jwt).addQueryParam("convoId", convoId)
            .addQueryParam("limit", "30"), HttpRequest::send, "getMessages")
        .map(r -> r.bodyAsJsonObject().getJsonArray("messages", new JsonArray()).stream().map(JsonObject.class::cast)
            .filter(m -> session.did().equals(m.getJsonObject("sender", new JsonObject()).getString("did")))
            .filter(m -> text.equals(m.getString("text")) && m.getString("sentAt") != null
                && !BlueskyMapper.instant(m.getString("sentAt")).isBefore(since))
            .map(m -> m.getString("id")).findFirst().orElse(null));
  }

  private Future<String> message(String convoId, String text) {
    JsonObject body = new JsonObject().put("convoId", convoId).put("message", new JsonObject().put("text", text));
    return session.call(jwt -> client.postAbs(base + "/xrpc/chat.bsky.convo.sendMessage").timeout(30_000)
            .bearerTokenAuthentication(jwt).putHeader("atproto-proxy", PROXY), req -> req.sendJsonObject(body),
        "sendMessage").map(r -> r.bodyAsJsonObject().getString("id"));
  }

  /** A message's id as Earshot keeps it: unique across conversations, never taken for a post uri. */
  static String externalId(String convoId, String messageId) {
    return "chat/" + convoId + "/" + messageId;
  }

  private static Map<String, JsonObject> byDid(JsonObject convo) {
    Map<String, JsonObject> out = new ConcurrentHashMap<>();
    if (convo != null) {
      convo.getJsonArray("members", new JsonArray()).forEach(o -> {
        if (o instanceof JsonObject m && m.getString("did") != null) {
          out.put(m.getString("did"), m);
        }
      });
    }
    return out;
  }

  private HttpRequest<Buffer> get(String method, String jwt) {
    return client.getAbs(base + "/xrpc/" + method).timeout(30_000).bearerTokenAuthentication(jwt)
        .putHeader("atproto-proxy", PROXY);
  }
}

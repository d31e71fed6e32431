package io.earshot.demo.emulator.bluesky;

import io.earshot.connector.bluesky.Tid;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bluesky chat as the PDS proxies it to the chat service: {@code chat.bsky.convo.getLog},
 * {@code getConvo}, {@code getConvoForMembers}, {@code listConvos}, {@code getMessages} and
 * {@code sendMessage}, in their lexicon's JSON shapes. As strict as the real service where a
 * client goes wrong: without the header {@code atproto-proxy: did:web:api.bsky.chat#bsky_chat} the
 * PDS does not know the method (501 MethodNotImplemented); an app password created without
 * direct-message access is refused (401 "Bad token scope"); a message over 1,000 graphemes or
 * 10,000 bytes, or to a conversation the brand is not in, is 400 InvalidRequest.
 */
final class BlueskyChats {
  static final String PROXY = "did:web:api.bsky.chat#bsky_chat";
  private final String brandDid;
  private final java.util.function.Function<String, JsonObject> profiles;
  private final Map<String, JsonObject> convos = new LinkedHashMap<>();
  private final Map<String, List<JsonObject>> messages = new LinkedHashMap<>();
  private final List<JsonObject> log = new ArrayList<>();
  private final List<JsonObject> sent = new ArrayList<>();
  private final long epochMicros = System.currentTimeMillis() * 1000;
  private long counter;
  private volatile boolean access = true;

  /** {@code profiles}: a DID's profile (did, handle, displayName), or null when unknown. */
  BlueskyChats(String brandDid, java.util.function.Function<String, JsonObject> profiles) {
    this.brandDid = brandDid;
    this.profiles = profiles;
  }

  void mount(Router router) {
    router.route("/xrpc/chat.bsky.*").handler(this::guard);
    router.get("/xrpc/chat.bsky.convo.getLog").handler(ctx -> ok(ctx, getLog(ctx.request().getParam("cursor"))));
    router.get("/xrpc/chat.bsky.convo.listConvos").handler(ctx -> ok(ctx, new JsonObject()
        .put("convos", new JsonArray(convoList()))));
    router.get("/xrpc/chat.bsky.convo.getConvo").handler(this::getConvo);
    router.get("/xrpc/chat.bsky.convo.getConvoForMembers").handler(this::getConvoForMembers);
    router.get("/xrpc/chat.bsky.convo.getMessages").handler(this::getMessages);
    router.post("/xrpc/chat.bsky.convo.sendMessage").handler(this::sendMessage);
  }

  /** From now on the app password lacks (or has again) direct-message access. */
  void access(boolean allowed) {
    access = allowed;
  }

  /** A customer ({@code profile}: did, handle, displayName) writes to the brand; the message id. */
  synchronized String seed(JsonObject profile, String text) {
    JsonObject convo = convoWith(profile);
    return add(convo.getString("id"), profile.getString("did"), text).getString("id");
  }

  synchronized List<JsonObject> sent() {
    return List.copyOf(sent);
  }

  private void guard(RoutingContext ctx) {
    if (!PROXY.equals(ctx.request().getHeader("atproto-proxy"))) {
      error(ctx, 501, "MethodNotImplemented", "Method Not Implemented");
    } else if (!access) {
      error(ctx, 401, "InvalidToken", "Bad token scope");
    } else {
      ctx.next();
    }
  }

  private synchronized JsonObject getLog(String cursor) {
    List<JsonObject> after = log.stream().filter(e -> cursor == null || e.getString("rev").compareTo(cursor) > 0)
        .limit(100).toList();
    String next = after.isEmpty() ? cursor : after.get(after.size() - 1).getString("rev");
    return new JsonObject().put("cursor", next).put("logs", new JsonArray(after.stream().map(JsonObject::copy).toList()));
  }

  private synchronized void getConvo(RoutingContext ctx) {
    JsonObject convo = convos.get(ctx.request().getParam("convoId"));
    if (convo == null) {
      error(ctx, 400, "InvalidRequest", "Convo not found");
    } else {
      ok(ctx, new JsonObject().put("convo", convo.copy()));
    }
  }

  /** The brand's conversation with these members, begun if there is none (as the service does). */
  private synchronized void getConvoForMembers(RoutingContext ctx) {
    List<String> members = ctx.queryParam("members").stream().filter(d -> !d.equals(brandDid)).toList();
    if (members.size() != 1) {
      error(ctx, 400, "InvalidRequest", "members: one other member is emulated");
      return;
    }
    JsonObject profile = profiles.apply(members.get(0));
    if (profile == null) {
      error(ctx, 400, "InvalidRequest", "recipient not found: " + members.get(0));
      return;
    }
    JsonObject found = convoWith(profile);
    ok(ctx, new JsonObject().put("convo", found.copy()));
  }

  /** Newest first, {@code limit} (1..100, default 50) at a time. */
  private synchronized void getMessages(RoutingContext ctx) {
    List<JsonObject> list = messages.get(ctx.request().getParam("convoId"));
    if (list == null) {
      error(ctx, 400, "InvalidRequest", "Convo not found");
      return;
    }
    int limit = Math.max(1, Math.min(100, Integer.parseInt(ctx.request().params().get("limit") == null ? "50"
        : ctx.request().getParam("limit"))));
    List<JsonObject> newest = new ArrayList<>(list);
    java.util.Collections.reverse(newest);
    ok(ctx, new JsonObject().put("messages", new JsonArray(newest.stream().limit(limit).map(JsonObject::copy).toList())));
  }

  private synchronized void sendMessage(RoutingContext ctx) {
    JsonObject body = ctx.body().asJsonObject();
    String convoId = body == null ? null : body.getString("convoId");
    JsonObject message = body == null ? null : body.getJsonObject("message");
    String text = message == null ? null : message.getString("text");
    if (convoId == null || !convos.containsKey(convoId) || text == null) {
      error(ctx, 400, "InvalidRequest", convoId == null || text == null ? "Input must have convoId and message.text"
          : "Convo not found");
      return;
    }
    if (text.codePointCount(0, text.length()) > 1000 || text.getBytes(StandardCharsets.UTF_8).length > 10_000) {
      error(ctx, 400, "InvalidRequest", "Invalid message: text too long");
      return;
    }
    JsonObject view = add(convoId, brandDid, text);
    sent.add(view.copy().put("convoId", convoId));
    ok(ctx, view.copy());
  }

  private JsonObject convoWith(JsonObject profile) {
    String did = profile.getString("did");
    return convos.values().stream().filter(c -> memberDids(c).contains(did)).findFirst().orElseGet(() -> {
      String id = "convo" + (convos.size() + 1);
      JsonObject convo = new JsonObject().put("id", id).put("rev", nextRev())
          .put("members", new JsonArray().add(basic(brandDid, BlueskyState.BRAND_HANDLE, "Brand"))
              .add(basic(did, profile.getString("handle"), profile.getString("displayName", ""))))
          .put("muted", false).put("unreadCount", 0);
      convos.put(id, convo);
      messages.put(id, new ArrayList<>());
      return convo;
    });
  }

  private JsonObject add(String convoId, String senderDid, String text) {
    String rev = nextRev();
    JsonObject view = new JsonObject().put("$type", "chat.bsky.convo.defs#messageView").put("id", rev).put("rev", rev)
        .put("text", text).put("sender", new JsonObject().put("did", senderDid)).put("sentAt", Instant.now().toString());
    messages.get(convoId).add(view);
    JsonObject convo = convos.get(convoId);
    convo.put("rev", rev).put("lastMessage", view.copy());
    log.add(new JsonObject().put("$type", "chat.bsky.convo.defs#logCreateMessage").put("rev", rev)
        .put("convoId", convoId).put("message", view.copy()));
    return view;
  }

  private List<JsonObject> convoList() {
    synchronized (this) {
      return convos.values().stream().map(JsonObject::copy).toList();
    }
  }

  private static List<String> memberDids(JsonObject convo) {
    return convo.getJsonArray("members").stream().map(m -> ((JsonObject) m).getString("did")).toList();
  }

  private static JsonObject basic(String did, String handle, String name) {
    return new JsonObject().put("did", did).put("handle", handle).put("displayName", name);
  }

  /** Revisions are TIDs, so they sort as strings in the order they were made. */
  private String nextRev() {
    return Tid.of(epochMicros + counter++, 0);
  }

  private static void ok(RoutingContext ctx, JsonObject body) {
    ctx.response().setStatusCode(200).putHeader("Content-Type", "application/json").end(body.encode());
  }

  private static void error(RoutingContext ctx, int status, String error, String message) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("error", error).put("message", message).encode());
  }
}

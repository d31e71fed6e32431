package io.earshot.connector.bluesky;

import io.earshot.connector.Connector;
import io.earshot.connector.ConnectorAccount;
import io.earshot.connector.ConnectorException;
import io.earshot.connector.OutgoingPost;
import io.earshot.connector.PollResult;
import io.earshot.connector.ReplyCheck;
import io.earshot.connector.budget.Meter;
import io.earshot.connector.http.Options;
import io.earshot.domain.Engagement;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bluesky over XRPC with an app password (credentials {@code identifier}, {@code password}).
 * Walks listNotifications back to the last stored point (see {@link BlueskyCursor}), replies
 * with createRecord under a record key derived from the idempotency key, reads counts with
 * getPosts. Futures fail with {@link ConnectorException} subtypes: RateLimited (429, reset from
 * ratelimit-reset), Unauthorized (bad app password), Transient (5xx, network), Rejected.
 */
public final class BlueskyConnector implements Connector {
  private static final Logger LOG = LoggerFactory.getLogger(BlueskyConnector.class);
  private static final String POST = "app.bsky.feed.post";
  private final ConnectorAccount account;
  private final WebClient client;
  private final String base;
  private final BlueskySession session;
  private final int pageSize;
  private final BlueskyProfiles profiles;
  /** Direct messages, with {@code "chat": true}: the app password must have been made with DM access. */
  private final BlueskyChat chat;

  public BlueskyConnector(Vertx vertx, ConnectorAccount account, Meter meter) {
    this.account = account;
    this.base = (account.baseUrl() == null || account.baseUrl().isBlank() ? "https://bsky.social"
        : account.baseUrl()).replaceAll("/+$", "");
    this.client = WebClient.create(vertx, new WebClientOptions().setConnectTimeout(10_000)
        .setUserAgent("Earshot/0.1"));
    this.session = new BlueskySession(client, base, account.credential("identifier"),
        account.credential("password"), meter);
    this.pageSize = Options.intOption(account, "pageSize", 50, 1, 100);
    boolean followers = !Boolean.FALSE.equals(account.options().get("fetchFollowers"));
    this.profiles = followers ? new BlueskyProfiles(session, jwt -> get("app.bsky.actor.getProfiles", jwt)) : null;
    this.chat = Options.boolOption(account, "chat", false) ? new BlueskyChat(client, base, session, account.name()) : null;
  }

  @Override
  public ConnectorAccount account() {
    return account;
  }

  @Override
  public Future<Void> start() {
    return session.login()
        .onSuccess(v -> LOG.info("bluesky connected account={} did={}", account.name(), session.did()));
  }

  /**
   * Notifications, then (with chat on, once no older notification page is waiting) the direct
   * messages since the chat revision. One cursor carries both, {@code <notifications>~<chat rev>},
   * saved only after both parts' mentions are stored; a cursor without {@code ~} is a
   * notifications cursor from before chat was turned on.
   */
  @Override
  public Future<PollResult> poll(String cursor) {
    String notifications = cursor == null ? null : cursor.split("~", -1)[0];
    String chatRev = cursor != null && cursor.contains("~") ? blankToNull(cursor.substring(cursor.indexOf('~') + 1)) : null;
    Future<PollResult> posts = notifications(notifications);
    if (chat == null) {
      return posts;
    }
    return posts.compose(page -> page.more() ? Future.succeededFuture(withChat(page, List.of(), chatRev, false, 0))
        : chat.read(chatRev).map(read -> withChat(page, read.mentions(), read.cursor(), read.more(), read.skipped())));
  }

  private static PollResult withChat(PollResult page, List<io.earshot.domain.Mention> messages, String rev,
                                     boolean more, int skipped) {
    List<io.earshot.domain.Mention> all = new ArrayList<>(page.mentions());
    all.addAll(messages);
    String next = (page.nextCursor() == null ? "" : page.nextCursor()) + "~" + (rev == null ? "" : rev);
    return new PollResult(all, next, page.skippedMalformed() + skipped, page.more() || more);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private Future<PollResult> notifications(String cursor) {
    BlueskyCursor from;
    try {
      from = BlueskyCursor.decode(cursor);
    } catch (RuntimeException unreadable) {
      return Future.failedFuture(new ConnectorException.Rejected("unreadable bluesky cursor: " + unreadable.getMessage()));
    }
    return session.call(jwt -> {
          // Only the reasons that carry a post: without the filter a fresh account would walk
          // every like, follow and repost it ever got.
          HttpRequest<Buffer> req = get("app.bsky.notification.listNotifications", jwt)
              .addQueryParam("limit", String.valueOf(pageSize));
          BlueskyMapper.POST_REASONS.forEach(reason -> req.addQueryParam("reasons", reason));
          return from.page() == null ? req : req.addQueryParam("cursor", from.page());
        }, HttpRequest::send, "listNotifications")
        .map(r -> new BlueskyPage(account.name(), from).read(r.bodyAsJsonObject()))
        .compose(page -> profiles == null ? Future.succeededFuture(page) : profiles.withFollowers(page));
  }

  /**
   * createRecord under a deterministic rkey: a retry addresses the same record. The reference
   * PDS answers a taken rkey with an error (500 today), so any failure is followed by getRecord
   * on that key; if the record is there, the first attempt landed and its uri is the answer.
   */
  @Override
  public Future<String> publish(OutgoingPost post) {
    if (post.isPrivate() && chat != null && post.inReplyTo() != null) {
      return chat.send(post).onSuccess(id -> LOG.info("bluesky sent message account={} id={}", account.name(), id));
    }
    if (post.inReplyTo() != null && post.inReplyTo().isPrivate()) {
      return publishPost(BlueskyPost.naming(post));
    }
    return publishPost(post);
  }

  /** With chat on, an answer may go as a direct message in the customer's conversation. */
  @Override
  public boolean sendsPrivate() {
    return chat != null;
  }

  private Future<String> publishPost(OutgoingPost post) {
    String rkey = Tid.fromKey(session.did(), post.idempotencyKey());
    return dids(post).compose(dids -> create(rkey, new JsonObject().put("repo", session.did()).put("collection", POST)
        .put("rkey", rkey).put("record", BlueskyPost.record(post, dids))));
  }

  private Future<String> create(String rkey, JsonObject body) {
    return session.call(jwt -> client.postAbs(base + "/xrpc/com.atproto.repo.createRecord")
            .timeout(30_000).bearerTokenAuthentication(jwt), req -> req.sendJsonObject(body), "createRecord")
        .map(r -> r.bodyAsJsonObject().getString("uri"))
        .recover(e -> alreadyPosted(rkey, e))
        .onSuccess(uri -> LOG.info("bluesky published account={} uri={}", account.name(), uri));
  }

  @Override
  public Future<Map<String, Engagement>> engagement(List<String> all) {
    // Direct messages have no public counts; getPosts refuses anything but at-uris.
    List<String> uris = all.stream().filter(u -> u.startsWith("at://")).toList();
    List<Future<List<JsonObject>>> batches = new ArrayList<>();
    // getPosts takes at most 25 uris per call.
    for (int i = 0; i < uris.size(); i += 25) {
      batches.add(posts(uris.subList(i, Math.min(uris.size(), i + 25))));
    }
    return Future.all(batches).map(done -> {
      Map<String, Engagement> out = new HashMap<>();
      batches.forEach(b -> b.result().forEach(p -> out.put(p.getString("uri"), BlueskyMapper.engagement(p))));
      return out;
    });
  }

  @Override
  public ReplyCheck checkReply(String text) {
    return BlueskyPost.check(text);
  }

  @Override
  public Future<Void> stop() {
    client.close();
    return Future.succeededFuture();
  }

  /** DIDs of the handles the text names: the customer's is known, others are resolved (or left as text). */
  private Future<Map<String, String>> dids(OutgoingPost post) {
    Map<String, String> known = new HashMap<>(BlueskyPost.known(post));
    List<Future<Void>> lookups = new ArrayList<>();
    BlueskyFacets.handles(post.text()).stream().filter(h -> !known.containsKey(h)).forEach(handle ->
        lookups.add(session.call(jwt -> get("com.atproto.identity.resolveHandle", jwt).addQueryParam("handle", handle),
                HttpRequest::send, "resolveHandle")
            .map(r -> {
              String did = r.bodyAsJsonObject().getString("did");
              if (did != null) {
                known.put(handle, did);
              }
              return (Void) null;
            })
            .otherwise(e -> {
              LOG.info("bluesky handle not resolved account={} handle={}: {}", account.name(), handle, e.getMessage());
              return null;
            })));
    return Future.join(lookups).map(v -> known);
  }

  private Future<String> alreadyPosted(String rkey, Throwable failure) {
    if (failure instanceof ConnectorException.RateLimited || failure instanceof ConnectorException.Unauthorized) {
      return Future.failedFuture(failure);
    }
    return session.call(jwt -> get("com.atproto.repo.getRecord", jwt).addQueryParam("repo", session.did())
            .addQueryParam("collection", POST).addQueryParam("rkey", rkey), HttpRequest::send, "getRecord")
        .map(r -> {
          LOG.info("bluesky publish retry found existing record account={} rkey={}", account.name(), rkey);
          return r.bodyAsJsonObject().getString("uri");
        })
        .recover(notThere -> Future.failedFuture(failure));
  }

  private Future<List<JsonObject>> posts(List<String> uris) {
    return session.call(jwt -> {
          HttpRequest<Buffer> req = get("app.bsky.feed.getPosts", jwt);
          uris.forEach(u -> req.addQueryParam("uris", u));
          return req;
        }, HttpRequest::send, "getPosts")
        .map(r -> r.bodyAsJsonObject().getJsonArray("posts").stream()
            .map(JsonObject.class::cast).toList());
  }

  private HttpRequest<Buffer> get(String method, String jwt) {
    return client.getAbs(base + "/xrpc/" + method).timeout(30_000).bearerTokenAuthentication(jwt);
  }
}

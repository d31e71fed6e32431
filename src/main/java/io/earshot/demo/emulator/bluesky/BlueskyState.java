package io.earshot.demo.emulator.bluesky;

import io.earshot.demo.emulator.SeededFeed;
import io.earshot.connector.bluesky.Tid;
import io.earshot.demo.emulator.SampleTexts;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The emulated PDS + AppView data: posts by at-uri, the brand's notifications ordered by a
 * sequence (the paging key behind the opaque cursor), and every record the brand created.
 * Synchronized because tests seed it from their own thread.
 */
final class BlueskyState implements SeededFeed {
  static final String BRAND_DID = "did:plc:brandbrandbrandbrand00";
  static final String BRAND_HANDLE = "brand.bsky.emu";
  private final Map<String, JsonObject> posts = new LinkedHashMap<>();
  private final NavigableMap<Long, JsonObject> notifications = new TreeMap<>();
  private final List<JsonObject> created = new ArrayList<>();
  private final List<String> mentionUris = new ArrayList<>();
  // Record keys (TIDs) count up from the start-up time, so a restarted emulator never reuses an
  // at-uri; the connector's high-water mark is indexedAt, which is wall-clock time anyway.
  private final long epochMillis = System.currentTimeMillis() - 86_400_000L;
  private long seq;
  private long served;
  private int customers;

  @Override
  public synchronized void seedMentions(int count, int threadEvery) {
    for (int i = 0; i < count; i++) {
      int n = customers++;
      JsonObject author = profile("did:plc:customer" + String.format("%014d", n % 89),
          "customer" + n % 89 + ".bsky.social", "Customer " + n % 89);
      boolean followUp = threadEvery > 0 && n % threadEvery == threadEvery - 1 && !mentionUris.isEmpty();
      JsonObject record = new JsonObject().put("$type", "app.bsky.feed.post")
          .put("createdAt", now()).put("langs", new JsonArray().add(n % 5 == 0 ? "es" : "en"));
      String reason = "mention";
      if (followUp) {
        JsonObject parent = posts.get(mentionUris.get(mentionUris.size() - 1));
        record.put("text", SampleTexts.followUp(n)).put("reply", replyRefs(parent));
        reason = "reply";
      } else {
        record.put("text", "@" + BRAND_HANDLE + " " + SampleTexts.opening(n));
      }
      JsonObject post = store(author, record, Tid.of(epochMillis * 1000 + n, n % 1024));
      mentionUris.add(post.getString("uri"));
      notify(post, reason);
      // A brand account gets far more likes, follows and reposts than posts addressed to it.
      for (String other : n % 2 == 0 ? List.of("like", "follow", "repost") : List.of("like")) {
        notifications.put(++seq, new JsonObject().put("reason", other).put("like", true)
            .put("uri", post.getString("uri")).put("author", author).put("indexedAt", now()));
      }
    }
  }

  /** One customer post with this text, "@brand.bsky.emu" prepended unless it names the brand. */
  @Override
  public synchronized void seedMention(String text) {
    int n = customers++;
    JsonObject author = profile("did:plc:customer" + String.format("%014d", n % 89),
        "customer" + n % 89 + ".bsky.social", "Customer " + n % 89);
    String full = text.contains("@" + BRAND_HANDLE) ? text : "@" + BRAND_HANDLE + " " + text;
    JsonObject record = new JsonObject().put("$type", "app.bsky.feed.post").put("createdAt", now())
        .put("langs", new JsonArray().add("en")).put("text", full);
    JsonObject post = store(author, record, Tid.of(epochMillis * 1000 + n, n % 1024));
    mentionUris.add(post.getString("uri"));
    notify(post, "mention");
  }

  /** A notification with a record that has no text and an author without a did. */
  @Override
  public synchronized void seedMalformed() {
    notifications.put(++seq, new JsonObject().put("raw", new JsonObject()
        .put("uri", "at://did:plc:broken/app.bsky.feed.post/3kbroken").put("cid", cid("broken"))
        .put("author", new JsonObject().put("handle", "broken.bsky.social")).put("reason", "mention")
        .put("record", new JsonObject().put("$type", "app.bsky.feed.post").put("text", 7))
        .put("isRead", false).put("indexedAt", now())));
  }

  /**
   * The post goes; its notification keeps its place in the sequence and is dropped only when a
   * page is rendered, as the AppView fills a page before it hydrates (and loses) deleted posts.
   */
  synchronized boolean delete(String uri) {
    return posts.remove(uri) != null;
  }

  synchronized void setCounts(String uri, int likes, int reposts, int replies) {
    posts.get(uri).put("likeCount", likes).put("repostCount", reposts).put("replyCount", replies);
  }

  synchronized void setQuotes(String uri, int quotes) {
    posts.get(uri).put("quoteCount", quotes);
  }

  /**
   * Newest first, strictly older than the cursor's sequence, as the AppView pages: only the
   * {@code reasons} asked for (all when none), {@code limit} slots, then notifications of
   * deleted posts dropped, so a page can come back short or empty with a cursor.
   */
  synchronized JsonObject page(String cursor, int limit, List<String> reasons) {
    NavigableMap<Long, JsonObject> older = cursor == null ? notifications.descendingMap()
        : notifications.headMap(Long.parseLong(cursor), false).descendingMap();
    JsonArray items = new JsonArray();
    Long last = null;
    int slots = 0;
    for (Map.Entry<Long, JsonObject> e : older.entrySet()) {
      if (slots == limit) {
        break;
      }
      if (!reasons.isEmpty() && !reasons.contains(reasonOf(e.getValue()))) {
        continue;
      }
      slots++;
      last = e.getKey();
      JsonObject rendered = render(e.getValue());
      if (rendered != null) {
        items.add(rendered);
      }
    }
    served += slots;
    JsonObject out = new JsonObject().put("notifications", items);
    boolean moreOlder = last != null && notifications.lowerKey(last) != null;
    return moreOlder ? out.put("cursor", String.valueOf(last)) : out;
  }

  private static String reasonOf(JsonObject n) {
    return n.containsKey("raw") ? n.getJsonObject("raw").getString("reason") : n.getString("reason");
  }

  /** Notifications handed out so far (deleted ones included): what paging cost. */
  synchronized long served() {
    return served;
  }

  /** ProfileViewDetailed as getProfiles answers it; unknown DIDs are left out. */
  synchronized JsonObject profileDetailed(String did) {
    Integer followers = followers(did);
    JsonObject view = posts.values().stream().map(p -> p.getJsonObject("author"))
        .filter(a -> did.equals(a.getString("did"))).findFirst().orElse(null);
    return view == null || followers == null ? null : view.copy().put("followersCount", followers)
        .put("followsCount", 12).put("postsCount", 340);
  }

  /** Customers' follower counts follow their number so tests can predict them. */
  static Integer followers(String did) {
    if (BRAND_DID.equals(did)) {
      return 48_000;
    }
    return did.startsWith("did:plc:customer") ? Integer.parseInt(did.substring(16)) * 37 : null;
  }

  synchronized JsonObject post(String uri) {
    JsonObject p = posts.get(uri);
    return p == null ? null : p.copy();
  }

  /** Null when the rkey is taken; the real PDS then fails the whole call. */
  synchronized JsonObject create(String rkey, JsonObject record) {
    String uri = "at://" + BRAND_DID + "/app.bsky.feed.post/" + rkey;
    if (posts.containsKey(uri)) {
      return null;
    }
    JsonObject post = store(profile(BRAND_DID, BRAND_HANDLE, "Brand Support"), record, rkey);
    created.add(post.copy());
    JsonObject reply = record.getJsonObject("reply");
    if (reply != null && posts.containsKey(reply.getJsonObject("parent").getString("uri"))) {
      JsonObject parent = posts.get(reply.getJsonObject("parent").getString("uri"));
      parent.put("replyCount", parent.getInteger("replyCount") + 1);
    }
    return post;
  }

  synchronized List<JsonObject> created() {
    return List.copyOf(created);
  }

  /** Seeded mentions and replies whose posts still exist, oldest first. */
  synchronized List<String> mentionUris() {
    return mentionUris.stream().filter(posts::containsKey).toList();
  }

  /** The DID of a handle the emulated network knows, else null. */
  synchronized String resolve(String handle) {
    if (BRAND_HANDLE.equalsIgnoreCase(handle)) {
      return BRAND_DID;
    }
    return posts.values().stream().map(p -> p.getJsonObject("author"))
        .filter(a -> handle.equalsIgnoreCase(a.getString("handle"))).map(a -> a.getString("did")).findFirst().orElse(null);
  }

  private JsonObject render(JsonObject n) {
    if (n.containsKey("raw")) {
      return n.getJsonObject("raw").copy();
    }
    if (n.getBoolean("like", false)) {
      String reason = n.getString("reason");
      return new JsonObject().put("uri", "at://" + n.getJsonObject("author").getString("did")
          + "/app.bsky.feed." + reason + "/" + Tid.of(epochMillis * 1000 + seq, 1)).put("cid", cid(reason))
          .put("author", n.getJsonObject("author")).put("reason", reason)
          .put("reasonSubject", n.getString("uri")).put("record", new JsonObject()
              .put("$type", "app.bsky.feed." + reason)).put("isRead", false).put("indexedAt", n.getString("indexedAt"));
    }
    JsonObject post = posts.get(n.getString("uri"));
    if (post == null) {
      return null;
    }
    return new JsonObject().put("uri", post.getString("uri")).put("cid", post.getString("cid"))
        .put("author", post.getJsonObject("author")).put("reason", n.getString("reason"))
        .put("record", post.getJsonObject("record")).put("isRead", false)
        .put("indexedAt", post.getString("indexedAt")).put("labels", new JsonArray());
  }

  private void notify(JsonObject post, String reason) {
    notifications.put(++seq, new JsonObject().put("uri", post.getString("uri")).put("reason", reason));
  }

  private JsonObject store(JsonObject author, JsonObject record, String rkey) {
    String uri = "at://" + author.getString("did") + "/app.bsky.feed.post/" + rkey;
    JsonObject post = new JsonObject().put("uri", uri).put("cid", cid(uri + record.encode()))
        .put("author", author).put("record", record).put("likeCount", 0).put("repostCount", 0)
        .put("replyCount", 0).put("quoteCount", 0).put("indexedAt", now());
    posts.put(uri, post);
    return post;
  }

  private static JsonObject replyRefs(JsonObject parent) {
    JsonObject parentRef = new JsonObject().put("uri", parent.getString("uri"))
        .put("cid", parent.getString("cid"));
    JsonObject parentReply = parent.getJsonObject("record").getJsonObject("reply");
    JsonObject root = parentReply != null ? parentReply.getJsonObject("root") : parentRef;
    return new JsonObject().put("root", root.copy()).put("parent", parentRef);
  }

  private static JsonObject profile(String did, String handle, String name) {
    return new JsonObject().put("did", did).put("handle", handle).put("displayName", name);
  }

  private static String now() {
    return Instant.now().toString();
  }

  /** CID-shaped (base32 "bafyrei…") so clients that check the prefix are satisfied. */
  static String cid(String content) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
      String b32 = Base64.getUrlEncoder().withoutPadding().encodeToString(hash)
          .toLowerCase(Locale.ROOT).replaceAll("[^a-z2-7]", "a");
      return "bafyrei" + b32.substring(0, 40);
    } catch (java.security.NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}

package io.earshot.demo.emulator.xv2;

import io.earshot.demo.emulator.SampleTexts;
import io.earshot.demo.emulator.SeededFeed;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The emulated X v2 data: posts by numeric id (the API speaks them as strings), users, the
 * brand's own posts, opaque pagination tokens. A deleted post stays as a tombstone in the
 * sequence, because X fills a page to {@code max_results} before it drops deleted posts: pages
 * come back short, or empty with a {@code next_token}. Synchronized: tests seed it from their thread.
 */
final class XV2State implements SeededFeed {
  static final String BRAND_ID = "1588000000000000001";
  static final String BRAND = "BrandSupport";
  private static final Pattern LINK = Pattern.compile("https?://[^\\s]+");
  private static final Pattern HANDLE = Pattern.compile("@(\\w{1,15})");
  private final NavigableMap<Long, JsonObject> posts = new TreeMap<>();
  private final Map<String, JsonObject> users = new HashMap<>();
  private final Map<String, Long> tokens = new HashMap<>();
  private final List<JsonObject> posted = new ArrayList<>();
  private final List<String> mentionIds = new ArrayList<>();
  // Snowflake-like, from the start-up time: a restarted emulator never reissues an id below a since_id.
  private long nextId = (System.currentTimeMillis() - 1_288_834_974_657L) << 22;
  private int customers;
  private long served;

  /** One page: the visible posts, and where the next page starts (null at the end). */
  record Page(List<JsonObject> posts, Long nextBelow) {
  }

  XV2State() {
    users.put(BRAND_ID, user(BRAND_ID, BRAND, "Brand Support", 250_000, true));
  }

  synchronized JsonObject brand() {
    return users.get(BRAND_ID).copy();
  }

  synchronized JsonObject user(String id) {
    JsonObject u = users.get(id);
    return u == null ? null : u.copy();
  }

  @Override
  public synchronized void seedMentions(int count, int threadEvery) {
    for (int i = 0; i < count; i++) {
      int n = customers++;
      JsonObject author = customer(n);
      boolean followUp = threadEvery > 0 && n % threadEvery == threadEvery - 1 && !mentionIds.isEmpty();
      JsonObject parent = followUp ? posts.get(Long.parseLong(mentionIds.get(mentionIds.size() - 1))) : null;
      String text = "@" + BRAND + " " + (followUp ? SampleTexts.followUp(n) : SampleTexts.opening(n));
      mentionIds.add(add(author, text, parent, n % 5 == 0 ? "fr" : "en", Instant.now(), null).getString("id"));
    }
  }

  @Override
  public synchronized void seedMention(String text) {
    seedMentionAt(text, Instant.now());
  }

  /** A customer post at {@code createdAt}; "@BrandSupport" prepended unless named; links become t.co. */
  synchronized String seedMentionAt(String text, Instant createdAt) {
    boolean named = text.toLowerCase(Locale.ROOT).contains("@" + BRAND.toLowerCase(Locale.ROOT));
    String id = add(customer(customers++), named ? text : "@" + BRAND + " " + text, null, "en", createdAt, null)
        .getString("id");
    mentionIds.add(id);
    return id;
  }

  /** A customer retweets one of the brand's posts: it names the brand, so it is in the mentions timeline. */
  synchronized String seedRetweetOfBrand() {
    JsonObject original = add(users.get(BRAND_ID), "Our status page: https://status.example.com", null, "en",
        Instant.now(), null);
    return add(customer(customers++), "RT @" + BRAND + ": " + original.getString("text"), null, "en", Instant.now(),
        new JsonObject().put("type", "retweeted").put("id", original.getString("id"))).getString("id");
  }

  synchronized String seedKeywordPost(String text) {
    JsonObject author = users.computeIfAbsent("9999", id -> user(id, "bystander", "Bystander", 42, false));
    return add(author, text, null, "en", Instant.now(), null).getString("id");
  }

  /** A post whose author has no user object (a suspended account): includes.users lacks it. */
  @Override
  public synchronized void seedMalformed() {
    JsonObject ghost = user("777", "ghost", "Ghost", 0, false).put("suspended", true);
    users.put("777", ghost);
    add(ghost, "@" + BRAND + " from a suspended account", null, "en", Instant.now(), null);
  }

  /** A tombstone: the post keeps its place in the sequence, as deleted posts do in X's paging. */
  synchronized boolean delete(String id) {
    JsonObject p = posts.get(Long.parseLong(id));
    if (p == null || p.getBoolean("deleted", false)) {
      return false;
    }
    p.put("deleted", true);
    return true;
  }

  synchronized void setCounts(String id, int likes, int reposts, int replies) {
    posts.get(Long.parseLong(id)).put("public_metrics", metrics(reposts, replies, likes));
  }

  /** Quotes and impressions in the post's {@code public_metrics}, beside its other counts. */
  synchronized void setReach(String id, int quotes, int impressions) {
    posts.get(Long.parseLong(id)).getJsonObject("public_metrics").put("quote_count", quotes)
        .put("impression_count", impressions);
  }

  /**
   * Newest first within (sinceId, below]: {@code limit} slots, deleted posts included, then the
   * deleted dropped. {@code keep} decides what the endpoint lists at all.
   */
  synchronized Page page(Predicate<JsonObject> keep, Long sinceId, Long below, int limit) {
    NavigableMap<Long, JsonObject> window = below == null ? posts : posts.headMap(below, true);
    window = sinceId == null ? window : window.tailMap(sinceId, false);
    List<JsonObject> out = new ArrayList<>();
    int slots = 0;
    Long next = null;
    for (JsonObject p : window.descendingMap().values()) {
      if (!keep.test(p)) {
        continue;
      }
      if (slots == limit) {
        next = Long.parseLong(p.getString("id"));
        break;
      }
      slots++;
      if (!p.getBoolean("deleted", false)) {
        out.add(p.copy());
      }
    }
    served += out.size();
    return new Page(out, next);
  }

  synchronized String token(long below) {
    String token = UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    tokens.put(token, below);
    return token;
  }

  /** The position a token stands for, or null for a token the emulator never issued. */
  synchronized Long below(String token) {
    return tokens.get(token);
  }

  synchronized JsonObject post(String id) {
    try {
      JsonObject p = posts.get(Long.parseLong(id));
      return p == null || p.getBoolean("deleted", false) ? null : p.copy();
    } catch (NumberFormatException notAnId) {
      return null;
    }
  }

  /** X threads a reply and addresses its author itself; an exact repeat of a brand post is refused (null). */
  synchronized JsonObject create(String text, String inReplyTo) {
    JsonObject parent = inReplyTo == null ? null : posts.get(Long.parseLong(inReplyTo));
    String full = parent == null ? text : "@" + users.get(parent.getString("author_id")).getString("username") + " " + text;
    boolean duplicate = posts.values().stream().anyMatch(p -> BRAND_ID.equals(p.getString("author_id"))
        && !p.getBoolean("deleted", false) && full.equals(p.getString("source_text")));
    if (duplicate) {
      return null;
    }
    JsonObject post = add(users.get(BRAND_ID), full, parent, "en", Instant.now(), null);
    posted.add(post.copy());
    return post.copy();
  }

  synchronized void countServed(int n) {
    served += n;
  }

  /** Posts returned by every read so far: what X would bill as post reads. */
  synchronized long served() {
    return served;
  }

  synchronized List<JsonObject> posted() {
    return List.copyOf(posted);
  }

  synchronized List<String> mentionIds() {
    return mentionIds.stream().filter(id -> post(id) != null).toList();
  }

  private JsonObject customer(int n) {
    String uid = String.valueOf(5_000 + n % 113);
    return users.computeIfAbsent(uid, id -> user(id, "cust" + id, "Customer " + id, n % 1000, n % 97 == 0));
  }

  private JsonObject add(JsonObject author, String text, JsonObject parent, String lang, Instant at, JsonObject ref) {
    long id = nextId++;
    JsonObject entities = new JsonObject();
    String shown = links(text, entities, id);
    mentions(shown, entities);
    JsonArray refs = new JsonArray();
    if (parent != null) {
      refs.add(new JsonObject().put("type", "replied_to").put("id", parent.getString("id")));
    }
    if (ref != null) {
      refs.add(ref);
    }
    String escaped = shown.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    JsonObject post = new JsonObject().put("id", String.valueOf(id)).put("text", escaped).put("source_text", text)
        .put("author_id", author.getString("id")).put("created_at", at.toString())
        .put("conversation_id", parent == null ? String.valueOf(id) : parent.getString("conversation_id"))
        .put("lang", lang).put("entities", entities).put("public_metrics", metrics(0, 0, 0))
        .put("edit_history_tweet_ids", new JsonArray().add(String.valueOf(id)));
    if (!refs.isEmpty()) {
      post.put("referenced_tweets", refs);
    }
    if (parent != null) {
      post.put("in_reply_to_user_id", parent.getString("author_id"));
    }
    posts.put(id, post);
    return post;
  }

  /** Every link becomes a t.co link in the text; the entity keeps where it goes. */
  private static String links(String text, JsonObject entities, long id) {
    Matcher m = LINK.matcher(text);
    StringBuilder out = new StringBuilder();
    JsonArray urls = new JsonArray();
    int n = 0;
    while (m.find()) {
      String tco = "https://t.co/" + Long.toString(id % 1_000_000_007L + n++, 36);
      m.appendReplacement(out, Matcher.quoteReplacement(tco));
      urls.add(new JsonObject().put("start", out.length() - tco.length()).put("end", out.length()).put("url", tco)
          .put("expanded_url", m.group()).put("display_url", m.group().replaceFirst("^https?://", "")));
    }
    m.appendTail(out);
    if (!urls.isEmpty()) {
      entities.put("urls", urls);
    }
    return out.toString();
  }

  private void mentions(String text, JsonObject entities) {
    JsonArray mentions = new JsonArray();
    Matcher m = HANDLE.matcher(text);
    while (m.find()) {
      String name = m.group(1);
      users.values().stream().filter(u -> u.getString("username").equalsIgnoreCase(name)).findFirst()
          .ifPresent(u -> mentions.add(new JsonObject().put("start", m.start()).put("end", m.end())
              .put("username", u.getString("username")).put("id", u.getString("id"))));
    }
    if (!mentions.isEmpty()) {
      entities.put("mentions", mentions);
    }
  }

  private static JsonObject metrics(int reposts, int replies, int likes) {
    return new JsonObject().put("retweet_count", reposts).put("reply_count", replies).put("like_count", likes)
        .put("quote_count", 0).put("bookmark_count", 0).put("impression_count", 0);
  }

  private static JsonObject user(String id, String username, String name, int followers, boolean verified) {
    return new JsonObject().put("id", id).put("name", name).put("username", username).put("verified", verified)
        .put("public_metrics", new JsonObject().put("followers_count", followers).put("following_count", 10)
            .put("tweet_count", 100).put("listed_count", 0));
  }
}

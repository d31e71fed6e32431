package io.earshot.demo.emulator.x;

import io.earshot.demo.emulator.SampleTexts;
import io.earshot.demo.emulator.SeededFeed;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The emulated X timeline: tweets by id (snowflake-like, growing), users, the brand's posts.
 * Synchronized because tests seed it from their own thread.
 */
final class XState implements SeededFeed {
  static final long BRAND_ID = 783214L;
  static final String BRAND = "BrandSupport";
  private static final DateTimeFormatter CREATED_AT =
      DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ENGLISH);
  private final NavigableMap<Long, JsonObject> tweets = new TreeMap<>();
  private final Map<Long, JsonObject> users = new HashMap<>();
  private final List<JsonObject> posted = new ArrayList<>();
  private final List<String> mentionIds = new ArrayList<>();
  // Snowflake-like: (ms since X's epoch) << 22, from the start-up time, so a restarted emulator
  // never issues an id at or below a since_id a hub stored from an earlier run.
  private long nextId = (System.currentTimeMillis() - 1_288_834_974_657L) << 22;
  private int customers;

  XState() {
    users.put(BRAND_ID, user(BRAND_ID, BRAND, "Brand Support", 250_000, true));
  }

  synchronized JsonObject brand() {
    return users.get(BRAND_ID).copy();
  }

  @Override
  public synchronized void seedMentions(int count, int threadEvery) {
    for (int i = 0; i < count; i++) {
      int n = customers++;
      long uid = 5_000L + n % 113;
      JsonObject author = users.computeIfAbsent(uid, id -> user(id, "cust" + id, "Customer " + id,
          n % 1000, n % 97 == 0));
      boolean followUp = threadEvery > 0 && n % threadEvery == threadEvery - 1 && !mentionIds.isEmpty();
      JsonObject parent = followUp ? tweets.get(Long.parseLong(mentionIds.get(mentionIds.size() - 1))) : null;
      String text = "@" + BRAND + " " + (followUp ? SampleTexts.followUp(n) : SampleTexts.opening(n));
      JsonObject tweet = add(author, text, parent, n % 5 == 0 ? "fr" : "en");
      mentionIds.add(tweet.getString("id_str"));
    }
  }

  /** One customer tweet with this text, "@BrandSupport" prepended unless it names the brand. */
  @Override
  public synchronized void seedMention(String text) {
    int n = customers++;
    long uid = 5_000L + n % 113;
    JsonObject author = users.computeIfAbsent(uid, id -> user(id, "cust" + id, "Customer " + id,
        n % 1000, n % 97 == 0));
    boolean named = text.toLowerCase(Locale.ROOT).contains("@" + BRAND.toLowerCase(Locale.ROOT));
    JsonObject tweet = add(author, named ? text : "@" + BRAND + " " + text, null, "en");
    mentionIds.add(tweet.getString("id_str"));
  }

  /** A tweet about the brand that does not @-mention it: only search finds it. */
  synchronized String seedKeywordTweet(String text) {
    JsonObject author = users.computeIfAbsent(9_999L, id -> user(id, "bystander", "Bystander", 42, false));
    return add(author, text, null, "en").getString("id_str");
  }

  /** A mention whose user object is missing, as deleted or suspended accounts sometimes yield. */
  @Override
  public synchronized void seedMalformed() {
    JsonObject tweet = add(users.get(BRAND_ID), "@" + BRAND + " orphaned", null, "en");
    tweet.putNull("user");
  }

  /**
   * A deleted tweet stays as a tombstone in the sequence: X fills a page to {@code count} before
   * it drops deleted and suspended tweets, so pages come back short (even empty) with more below.
   */
  synchronized boolean delete(String id) {
    JsonObject t = tweets.get(Long.parseLong(id));
    if (t == null || t.getBoolean("deleted", false)) {
      return false;
    }
    t.put("deleted", true);
    return true;
  }

  synchronized void setCounts(String id, int favorites, int retweets) {
    tweets.get(Long.parseLong(id)).put("favorite_count", favorites).put("retweet_count", retweets);
  }

  /** Newest first within (sinceId, maxId], the v1.1 timeline window. */
  synchronized JsonArray timeline(Predicate<JsonObject> filter, Long sinceId, Long maxId, int count) {
    NavigableMap<Long, JsonObject> window = tweets;
    if (maxId != null) {
      window = window.headMap(maxId, true);
    }
    if (sinceId != null) {
      window = window.tailMap(sinceId, false);
    }
    JsonArray out = new JsonArray();
    int slots = 0;
    for (JsonObject t : window.descendingMap().values()) {
      if (slots == count) {
        break;
      }
      if (filter.test(t)) {
        slots++;
        if (!t.getBoolean("deleted", false)) {
          out.add(t.copy());
        }
      }
    }
    return out;
  }

  synchronized JsonObject tweet(long id) {
    JsonObject t = tweets.get(id);
    return t == null || t.getBoolean("deleted", false) ? null : t.copy();
  }

  /** A customer tweet at {@code createdAt} (to test time zones); "@BrandSupport" prepended. */
  synchronized String seedMentionAt(String text, java.time.Instant createdAt) {
    int n = customers++;
    JsonObject author = users.computeIfAbsent(5_000L + n % 113, id -> user(id, "cust" + id, "Customer " + id, 1, false));
    JsonObject tweet = add(author, "@" + BRAND + " " + text, null, "en");
    tweet.put("created_at", CREATED_AT.format(createdAt.atZone(ZoneOffset.UTC)));
    mentionIds.add(tweet.getString("id_str"));
    return tweet.getString("id_str");
  }

  /** A customer retweets a brand tweet: "RT @BrandSupport: …" names the brand, so mentions_timeline has it. */
  synchronized String seedRetweetOfBrand() {
    JsonObject original = add(users.get(BRAND_ID), "Our status page is up", null, "en");
    int n = customers++;
    JsonObject author = users.computeIfAbsent(5_000L + n % 113, id -> user(id, "cust" + id, "Customer " + id, 1, false));
    JsonObject rt = add(author, "RT @" + BRAND + ": " + original.getString("text"), null, "en");
    rt.put("retweeted_status", original.copy());
    return rt.getString("id_str");
  }

  /** Null when the brand already posted exactly this text (X's duplicate rule). */
  /** {@code autoPopulate}: X adds the author's @name only when asked to (auto_populate_reply_metadata). */
  synchronized JsonObject post(String text, Long inReplyTo, boolean autoPopulate) {
    JsonObject parent = inReplyTo == null ? null : tweets.get(inReplyTo);
    String full = parent == null || !autoPopulate ? text
        : "@" + parent.getJsonObject("user").getString("screen_name") + " " + text;
    boolean duplicate = tweets.values().stream().anyMatch(t -> t.getJsonObject("user") != null
        && t.getJsonObject("user").getLong("id") == BRAND_ID && full.equals(t.getString("source_text")));
    if (duplicate) {
      return null;
    }
    JsonObject tweet = add(users.get(BRAND_ID), full, parent, "en");
    if (parent != null && autoPopulate) {
      tweet.put("display_text_range", new JsonArray().add(full.length() - text.length()).add(full.length()));
    }
    posted.add(tweet.copy());
    return tweet.copy();
  }

  synchronized List<JsonObject> posted() {
    return List.copyOf(posted);
  }

  /** Seeded mentions that are not deleted, oldest first. */
  synchronized List<String> mentionIds() {
    return mentionIds.stream().filter(id -> tweet(Long.parseLong(id)) != null).toList();
  }

  static boolean mentionsBrand(JsonObject tweet) {
    return tweet.getJsonObject("entities").getJsonArray("user_mentions").stream()
        .anyMatch(m -> ((JsonObject) m).getLong("id") == BRAND_ID);
  }

  /** Links become t.co links with their entity, and {@code & < >} are escaped, as v1.1 sends text. */
  private JsonObject add(JsonObject author, String source, JsonObject parent, String lang) {
    long id = nextId++;
    JsonArray urls = new JsonArray();
    String text = tco(source, urls, id);
    JsonObject entities = entities(text).put("urls", urls);
    String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    JsonObject tweet = new JsonObject().put("created_at", CREATED_AT.format(ZonedDateTime.now(ZoneOffset.UTC)))
        .put("id", id).put("id_str", String.valueOf(id)).put("text", escaped).put("full_text", escaped)
        .put("source_text", source)
        .put("truncated", false).put("display_text_range", new JsonArray().add(0).add(text.length()))
        .put("entities", entities).put("source", "Earshot emulator")
        .put("in_reply_to_status_id", parent == null ? null : parent.getLong("id"))
        .put("in_reply_to_status_id_str", parent == null ? null : parent.getString("id_str"))
        .put("in_reply_to_user_id", parent == null ? null : parent.getJsonObject("user").getLong("id"))
        .put("user", author).put("lang", lang).put("retweet_count", 0).put("favorite_count", 0)
        .put("favorited", false).put("retweeted", false);
    tweets.put(id, tweet);
    return tweet;
  }

  private static String tco(String text, JsonArray urls, long id) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("https?://[^\\s]+").matcher(text);
    StringBuilder out = new StringBuilder();
    int n = 0;
    while (m.find()) {
      String link = "https://t.co/" + Long.toString(Math.floorMod(id, 1_000_000_007L) + n++, 36);
      m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(link));
      urls.add(new JsonObject().put("url", link).put("expanded_url", m.group())
          .put("display_url", m.group().replaceFirst("^https?://", ""))
          .put("indices", new JsonArray().add(out.length() - link.length()).add(out.length())));
    }
    m.appendTail(out);
    return out.toString();
  }

  private JsonObject entities(String text) {
    JsonArray mentions = new JsonArray();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("@(\\w{1,15})").matcher(text);
    while (m.find()) {
      String screen = m.group(1);
      users.values().stream().filter(u -> u.getString("screen_name").equalsIgnoreCase(screen)).findFirst()
          .ifPresent(u -> mentions.add(new JsonObject().put("screen_name", u.getString("screen_name"))
              .put("name", u.getString("name")).put("id", u.getLong("id")).put("id_str", u.getString("id_str"))
              .put("indices", new JsonArray().add(m.start()).add(m.end()))));
    }
    return new JsonObject().put("hashtags", new JsonArray()).put("symbols", new JsonArray())
        .put("urls", new JsonArray()).put("user_mentions", mentions);
  }

  private static JsonObject user(long id, String screen, String name, int followers, boolean verified) {
    return new JsonObject().put("id", id).put("id_str", String.valueOf(id)).put("name", name)
        .put("screen_name", screen).put("followers_count", followers).put("friends_count", 10)
        .put("verified", verified).put("protected", false).put("statuses_count", 100)
        .put("created_at", "Mon Jan 01 00:00:00 +0000 2018").put("description", "").put("location", "");
  }
}

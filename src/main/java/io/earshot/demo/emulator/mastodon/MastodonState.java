package io.earshot.demo.emulator.mastodon;

import io.earshot.demo.emulator.SampleTexts;
import io.earshot.demo.emulator.SeededFeed;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The emulated instance's data: accounts, statuses, the notifications ({@link MastodonNotifications}),
 * posts the brand made and the Idempotency-Key cache. Synchronized because tests seed it from
 * their own thread.
 */
final class MastodonState implements SeededFeed {
  static final String DOMAIN = "mastodon.emu";
  private static final String BRAND_LINK = "<span class=\"h-card\"><a href=\"https://" + DOMAIN
      + "/@brand\" class=\"u-url mention\">@<span>brand</span></a></span>";
  private static final java.util.regex.Pattern BRAND_IN_TEXT =
      java.util.regex.Pattern.compile("@brand\\b", java.util.regex.Pattern.CASE_INSENSITIVE);
  private static final java.util.regex.Pattern ACCT =
      java.util.regex.Pattern.compile("(?<![\\w@])@(\\w+(?:@[\\w.-]+\\w)?)");
  private final Map<String, JsonObject> accounts = new HashMap<>();
  private final Map<String, JsonObject> statuses = new HashMap<>();
  private final MastodonIds ids;
  private final MastodonNotifications notifications;
  private final Map<String, String> idempotency = new HashMap<>();
  private final List<JsonObject> posted = new ArrayList<>();
  private final List<String> mentionIds = new ArrayList<>();
  // Ids grow from the start-up time (like Mastodon's time-based snowflakes), so a restarted
  // emulator never issues an id at or below a min_id cursor a hub stored from an earlier run.
  private long nextStatusId = System.currentTimeMillis() * 1000;
  private int customers;

  MastodonState(MastodonIds ids) {
    this.ids = ids;
    this.notifications = new MastodonNotifications(ids, statuses);
    accounts.put("1", account("1", "brand", "Brand Support", 12_000, false));
  }

  /** Receives every new notification as the REST API renders it (for the streaming API). */
  synchronized void onNotification(Consumer<JsonObject> listener) {
    notifications.onNotification(listener);
  }

  synchronized JsonObject brand() {
    return accounts.get("1");
  }

  /**
   * Realistic mentions: some also name a second customer (thread participants), some carry a
   * content warning, some come from accounts the brand's notification policy filters (visible
   * only with {@code include_filtered}), in varied HTML; a favourite notification every fifth.
   */
  @Override
  public synchronized void seedMentions(int count, int threadEvery) {
    for (int i = 0; i < count; i++) {
      int n = customers++;
      JsonObject author = customer(n);
      boolean followUp = threadEvery > 0 && n % threadEvery == threadEvery - 1 && !mentionIds.isEmpty();
      String replyTo = followUp ? mentionIds.get(mentionIds.size() - 1) : null;
      String text = followUp ? SampleTexts.followUp(n) : SampleTexts.opening(n);
      JsonObject friend = n % 3 == 0 ? customer(n + 1) : null;
      JsonObject status = newStatus(author, mentionHtml(text, friend, n), replyTo,
          visibilityOf(n), n % 5 == 0 ? "de" : "en");
      status.put("mentions", mentionsOf(friend));
      if (n % 6 == 0) {
        status.put("spoiler_text", "order details").put("sensitive", true);
      }
      mentionIds.add(status.getString("id"));
      notify(status, "mention", n % 11 == 10);
      if (n % 5 == 0) {
        notify(status, "favourite", false);
      }
    }
  }

  /** A customer quotes one of the brand's posts (Mastodon 4.5): a {@code quote} notification. */
  synchronized String seedQuote(String text) {
    JsonObject quoted = newStatus(brand(), "<p>Our status page is up</p>", null, "public", "en");
    JsonObject status = newStatus(customer(customers++), "<p>" + escape(text) + "</p><p class=\"quote-inline\">RE: "
        + "<a href=\"" + quoted.getString("url") + "\">" + quoted.getString("url") + "</a></p>", null, "public", "en");
    status.put("quote", new JsonObject().put("state", "accepted").put("quoted_status", quoted.copy()));
    mentionIds.add(status.getString("id"));
    notify(status, "quote", false);
    return status.getString("id");
  }

  private JsonArray mentionsOf(JsonObject friend) {
    JsonArray mentions = new JsonArray().add(mention(brand()));
    return friend == null ? mentions : mentions.add(mention(friend));
  }

  private static JsonObject mention(JsonObject account) {
    return new JsonObject().put("id", account.getString("id")).put("username", account.getString("username"))
        .put("acct", account.getString("acct")).put("url", account.getString("url"));
  }

  /** One public mention with this text; a "@brand" in it becomes the mention link. */
  @Override
  public synchronized void seedMention(String text) {
    int n = customers++;
    String html = escape(text);
    String linked = BRAND_IN_TEXT.matcher(html).replaceFirst(java.util.regex.Matcher.quoteReplacement(BRAND_LINK));
    html = linked.equals(html) ? BRAND_LINK + " " + html : linked;
    JsonObject status = newStatus(customer(n), "<p>" + html + "</p>", null, "public", "en");
    status.put("mentions", mentionsOf(null));
    mentionIds.add(status.getString("id"));
    notify(status, "mention", false);
  }

  /**
   * A private message: a direct-visibility status from account {@code accountId} (a customer seen
   * before) to the brand, notified as a mention like any other (Mastodon does); its status id.
   */
  synchronized String seedDirect(String accountId, String text) {
    JsonObject author = java.util.Objects.requireNonNull(accounts.get(accountId), "no account " + accountId);
    JsonObject status = newStatus(author, "<p>" + BRAND_LINK + " " + escape(text) + "</p>", null, "direct", "en");
    status.put("mentions", mentionsOf(null));
    mentionIds.add(status.getString("id"));
    notify(status, "mention", false);
    return status.getString("id");
  }

  private JsonObject customer(int n) {
    String accountId = String.valueOf(10_000 + n % 97);
    return accounts.computeIfAbsent(accountId, id -> account(id, "customer" + id + (n % 3 == 0
        ? "@remote.example" : ""), "Customer " + id, n % 500, n % 41 == 0));
  }

  /** A notification whose status lacks the fields every client needs. */
  @Override
  public synchronized void seedMalformed() {
    notifications.addMalformed();
  }

  /** Deleting a status also removes its notifications, as Mastodon does. */
  synchronized boolean delete(String statusId) {
    JsonObject removed = statuses.remove(statusId);
    notifications.removeOf(statusId);
    return removed != null;
  }

  synchronized void setCounts(String statusId, int favourites, int reblogs, int replies) {
    statuses.get(statusId).put("favourites_count", favourites)
        .put("reblogs_count", reblogs).put("replies_count", replies);
  }

  /** A 4.5 status's {@code quotes_count}; {@code null} removes it, as a server before 4.5 answers. */
  synchronized void setQuotes(String statusId, Integer quotes) {
    if (quotes == null) {
      statuses.get(statusId).remove("quotes_count");
    } else {
      statuses.get(statusId).put("quotes_count", quotes);
    }
  }

  synchronized JsonObject status(String id) {
    JsonObject s = id == null ? null : statuses.get(id);
    return s == null ? null : s.copy();
  }

  /** A page of notifications: see {@link MastodonNotifications#page}. */
  synchronized JsonArray page(String minId, String sinceId, String maxId, int limit, Set<String> types,
                              boolean includeFiltered) {
    return notifications.page(minId, sinceId, maxId, limit, types, includeFiltered);
  }

  synchronized JsonObject post(String key, String text, String inReplyTo, String visibility, String spoiler) {
    if (key != null && idempotency.containsKey(key)) {
      return status(idempotency.get(key));
    }
    JsonObject status = newStatus(brand(), "<p>" + escape(text) + "</p>", inReplyTo, visibility,
        "en");
    status.put("mentions", addressed(text));
    status.put("spoiler_text", spoiler == null ? "" : spoiler).put("sensitive", spoiler != null && !spoiler.isBlank());
    JsonObject record = status.copy().put("source_text", text);
    posted.add(record);
    if (key != null) {
      idempotency.put(key, status.getString("id"));
    }
    if (inReplyTo != null && statuses.containsKey(inReplyTo)) {
      JsonObject parent = statuses.get(inReplyTo);
      parent.put("replies_count", parent.getInteger("replies_count") + 1);
    }
    return status.copy();
  }

  /**
   * The known accounts a status names with {@code @acct}, as Mastodon resolves them: whom it
   * notifies, and for a direct status the only people who can read it.
   */
  private JsonArray addressed(String text) {
    JsonArray out = new JsonArray();
    java.util.regex.Matcher m = ACCT.matcher(text);
    while (m.find()) {
      String acct = m.group(1);
      accounts.values().stream().filter(a -> a.getString("acct").equalsIgnoreCase(acct)).findFirst()
          .ifPresent(a -> out.add(mention(a)));
    }
    return out;
  }

  synchronized List<JsonObject> posted() {
    return List.copyOf(posted);
  }

  /** Seeded mentions whose statuses were not deleted, oldest first. */
  synchronized List<String> mentionIds() {
    return mentionIds.stream().filter(statuses::containsKey).toList();
  }

  private void notify(JsonObject status, String type, boolean filtered) {
    notifications.add(status, type, filtered);
  }

  private JsonObject newStatus(JsonObject author, String html, String inReplyTo, String visibility,
                               String lang) {
    String id = ids.id(nextStatusId++);
    JsonObject status = new JsonObject().put("id", id).put("created_at", Instant.now().toString())
        .put("in_reply_to_id", inReplyTo).put("sensitive", false).put("spoiler_text", "")
        .put("visibility", visibility).put("language", lang)
        .put("uri", "https://" + DOMAIN + "/users/" + author.getString("username") + "/statuses/" + id)
        .put("url", "https://" + DOMAIN + "/@" + author.getString("acct") + "/" + id)
        .put("replies_count", 0).put("reblogs_count", 0).put("favourites_count", 0).put("quotes_count", 0)
        .put("content", html).put("account", author);
    statuses.put(id, status);
    return status;
  }

  private static JsonObject account(String id, String acct, String name, int followers, boolean bot) {
    return new JsonObject().put("id", id).put("username", acct.split("@")[0]).put("acct", acct)
        .put("display_name", name).put("locked", false).put("bot", bot)
        .put("url", "https://" + DOMAIN + "/@" + acct).put("followers_count", followers)
        .put("following_count", 10).put("statuses_count", 100);
  }

  /** Mastodon's HTML as it comes: h-card mentions, hidden link parts, hashtags, br or paragraphs. */
  private static String mentionHtml(String text, JsonObject friend, int n) {
    String people = BRAND_LINK + (friend == null ? "" : " <span class=\"h-card\"><a href=\"" + friend.getString("url")
        + "\" class=\"u-url mention\">@<span>" + friend.getString("username") + "</span></a></span>");
    String tail = n % 2 == 0 ? "</p><p>Sent from my phone &amp; tablet</p>"
        : "<br />details: <a href=\"https://help.example.com/orders/" + n + "\" rel=\"nofollow noopener\">"
          + "<span class=\"invisible\">https://</span><span class=\"ellipsis\">help.example.com/orders/</span>"
          + "<span class=\"invisible\">" + n + "</span></a> <a href=\"https://" + DOMAIN + "/tags/support\" "
          + "class=\"mention hashtag\" rel=\"tag\">#<span>support</span></a></p>";
    return "<p>" + people + " " + escape(text) + tail;
  }

  private static String visibilityOf(int n) {
    return n % 13 == 0 ? "direct" : n % 7 == 0 ? "unlisted" : "public";
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;").replace("'", "&#39;");
  }
}

package io.earshot.analytics;

import static io.earshot.testing.ApiClient.mention;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A known mix of mentions for the analytics tests: three brands, three platforms, hours spread
 * over ten days, praise, complaints and questions (two of them the same question in other words),
 * a customer who comes back after days (a repeat contact), two mentions in the period before
 * the range, for the reasons' change, and ({@link #withMonthEdges}) five at the edges of the last
 * three months (the last second of one, the first of the next), for the month rollups.
 */
final class AnalyticsMix {
  static final String[] BRANDS = {"acme", "globex", "default"};
  static final String[] PLATFORMS = {"sandbox", "mastodon", "bluesky"};
  static final String BRANDS_JSON = """
      {"brands": [
        {"id": "acme", "name": "Acme", "handles": {"sandbox": ["@Acme"]}},
        {"id": "globex", "name": "Globex", "handles": {"sandbox": ["@Globex"]}}
      ]}
      """;
  private static final String[] TEXTS = {
      "my internet has been down since this morning, any update?",
      "thanks, the support team was brilliant today!",
      "how do I change the plan on my account?",
      "how can I change my plan on the account?",
      "I was charged twice for the same payment, please help",
      "my order never arrived and nobody answers, this is terrible",
      "love the new app, great work",
      "is the outage in area 512 fixed?"};

  private AnalyticsMix() {
  }

  static LocalDate today() {
    return LocalDate.now(ZoneOffset.UTC);
  }

  /** The mix, each mention from its own customer but for the returning one (whose second post is last); dated in the past. */
  static JsonArray mentions(String run) {
    List<JsonObject> list = new ArrayList<>();
    Instant midnight = today().atStartOfDay().toInstant(ZoneOffset.UTC);
    for (int i = 0; i < 24; i++) {
      Instant at = midnight.minusSeconds(86_400L * (1 + i % 10)).plusSeconds(3600L * ((i * 7) % 24) + 60L * i);
      list.add(one(run + "-m" + i, run + "-c" + i, TEXTS[i % TEXTS.length], BRANDS[i % 3], PLATFORMS[(i / 3) % 3], at));
    }
    list.add(one(run + "-r1", run + "-rex", "still waiting for my refund?", "acme", "sandbox", midnight.minusSeconds(86_400L * 9)));
    list.add(one(run + "-p1", run + "-old1", "my internet is down again", "acme", "sandbox", midnight.minusSeconds(86_400L * 20)));
    list.add(one(run + "-p2", run + "-old2", "charged twice for the same payment", "globex", "mastodon",
        midnight.minusSeconds(86_400L * 22)));
    list.add(one(run + "-r2", run + "-rex", "the app crashes when I log in", "acme", "sandbox", midnight.minusSeconds(3600)));
    return new JsonArray(new ArrayList<>(list));
  }

  /** The mix with the month edges' mentions too, before the returning customer's last post (still last). */
  static JsonArray withMonthEdges(String run) {
    JsonArray mix = mentions(run);
    JsonArray all = new JsonArray();
    for (int i = 0; i < mix.size() - 1; i++) {
      all.add(mix.getValue(i));
    }
    monthEdges(run).forEach(all::add);
    return all.add(mix.getValue(mix.size() - 1));
  }

  /** The first day of the range the month tests ask for: two whole months and edge days on both sides. */
  static LocalDate monthsFrom() {
    return today().withDayOfMonth(1).minusMonths(2).minusDays(3);
  }

  private static List<JsonObject> monthEdges(String run) {
    Instant thisMonth = today().withDayOfMonth(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    Instant lastMonth = today().withDayOfMonth(1).minusMonths(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    Instant before = today().withDayOfMonth(1).minusMonths(2).atStartOfDay().toInstant(ZoneOffset.UTC);
    return List.of(
        one(run + "-e1", run + "-e1", "the refund arrived, thank you so much", "acme", "sandbox", lastMonth.plusSeconds(5)),
        one(run + "-e2", run + "-e2", "my internet is down again", "globex", "mastodon", lastMonth.minusSeconds(5)),
        one(run + "-e3", run + "-e3", "charged twice for the same payment", "default", "bluesky", before.plusSeconds(5)),
        one(run + "-e4", run + "-e4", "love the new app, great work", "acme", "mastodon", before.minusSeconds(5)),
        one(run + "-e5", run + "-e5", "the app crashes when I log in", "globex", "sandbox", thisMonth.minusSeconds(5)));
  }

  private static JsonObject one(String id, String author, String text, String brand, String platform, Instant at) {
    String handle = brand.equals("default") ? "" : "@" + Character.toUpperCase(brand.charAt(0)) + brand.substring(1) + " ";
    JsonObject m = mention(id, author, handle + text).put("platform", platform).put("createdAt", at.toString());
    return brand.equals("default") ? m : m.put("brand", brand);
  }
}

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
 * a customer who comes back after days (a repeat contact), and two mentions in the period before
 * the range, for the reasons' change.
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

  private static JsonObject one(String id, String author, String text, String brand, String platform, Instant at) {
    String handle = brand.equals("default") ? "" : "@" + Character.toUpperCase(brand.charAt(0)) + brand.substring(1) + " ";
    JsonObject m = mention(id, author, handle + text).put("platform", platform).put("createdAt", at.toString());
    return brand.equals("default") ? m : m.put("brand", brand);
  }
}

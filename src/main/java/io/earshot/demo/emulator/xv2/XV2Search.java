package io.earshot.demo.emulator.xv2;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of X's search query language the connector uses: OR-ed terms and "quoted phrases"
 * (case-insensitive), {@code -from:username} and {@code -is:retweet}. Other operators are not
 * emulated and match nothing, so a query that leans on them shows up in tests.
 */
final class XV2Search {
  private static final Pattern TOKEN = Pattern.compile("-?\"[^\"]+\"|\\S+");
  private final List<String> terms;
  private final List<String> notFrom;
  private final boolean noRetweets;
  private final XV2State state;

  private XV2Search(List<String> terms, List<String> notFrom, boolean noRetweets, XV2State state) {
    this.terms = terms;
    this.notFrom = notFrom;
    this.noRetweets = noRetweets;
    this.state = state;
  }

  static XV2Search of(String query, XV2State state) {
    List<String> terms = new ArrayList<>();
    List<String> notFrom = new ArrayList<>();
    boolean noRetweets = false;
    Matcher m = TOKEN.matcher(query.replace("(", " ").replace(")", " "));
    while (m.find()) {
      String t = m.group();
      if (t.equalsIgnoreCase("OR")) {
        continue;
      }
      if (t.startsWith("-from:")) {
        notFrom.add(t.substring(6).toLowerCase(Locale.ROOT));
      } else if (t.equals("-is:retweet")) {
        noRetweets = true;
      } else if (t.contains(":") && !t.startsWith("\"")) {
        terms.add("\u0000unsupported operator " + t);
      } else {
        terms.add(t.replace("\"", "").toLowerCase(Locale.ROOT));
      }
    }
    return new XV2Search(terms, notFrom, noRetweets, state);
  }

  boolean matches(JsonObject post) {
    JsonObject author = state.user(post.getString("author_id"));
    if (author == null || notFrom.contains(author.getString("username").toLowerCase(Locale.ROOT))) {
      return false;
    }
    JsonArray refs = post.getJsonArray("referenced_tweets", new JsonArray());
    boolean retweet = refs.stream().anyMatch(r -> "retweeted".equals(((JsonObject) r).getString("type")));
    String text = post.getString("source_text").toLowerCase(Locale.ROOT);
    return !(noRetweets && retweet) && terms.stream().anyMatch(text::contains);
  }
}

package io.earshot.connector.xv2;

import io.earshot.connector.ConnectorAccount;
import io.earshot.connector.ConnectorException;
import io.earshot.connector.PollResult;
import io.earshot.connector.budget.Meter;
import io.earshot.domain.Mention;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two streams of a v2 account: owned mentions ({@code GET /2/users/:id/mentions}) and, with
 * keywords, recent search for brand talk without the @ ({@code GET /2/tweets/search/recent}).
 * Mentions always go first; search runs only once mentions are caught up and the budget is not
 * near its limit, and a budget refusal there keeps what mentions read. Direct messages (with
 * {@link XV2Dms}) come between: after mentions are caught up, before search, also near the limit
 * (a customer writing privately is as urgent as a mention). Every page asks the budget first for
 * the worst case (a full page) and settles with what X returned.
 */
final class XV2Streams {
  private static final Logger LOG = LoggerFactory.getLogger(XV2Streams.class);
  private final ConnectorAccount account;
  private final XV2Http http;
  private final Meter meter;
  private final int pageSize;
  private final XV2Dms dms;
  private volatile String brandId;
  private volatile String brandUsername;

  /** What one stream read in a poll, and where it stands after it. */
  record Step(List<Mention> mentions, XV2Cursor.Walk next, int skipped) {
  }

  /** {@code dms} null: the account reads no direct messages. */
  XV2Streams(ConnectorAccount account, XV2Http http, Meter meter, int pageSize, XV2Dms dms) {
    this.account = account;
    this.http = http;
    this.meter = meter;
    this.pageSize = pageSize;
    this.dms = dms;
  }

  void brand(String id, String username) {
    this.brandId = id;
    this.brandUsername = username;
  }

  Future<PollResult> poll(XV2Cursor from) {
    return mentions(from.mentions()).compose(m -> dms(from.dms(), m.next().walking()).compose(d -> {
      boolean searchNow = !account.keywords().isEmpty() && !m.next().walking() && !d.next().walking() && !meter.tight();
      Step idle = new Step(List.of(), from.search(), 0);
      Future<Step> search = !searchNow ? Future.succeededFuture(idle) : search(from.search()).recover(e -> kept(e, idle));
      return search.map(s -> {
        List<Mention> all = new ArrayList<>(m.mentions());
        all.addAll(d.mentions());
        all.addAll(s.mentions());
        XV2Cursor next = new XV2Cursor(m.next(), s.next(), d.next());
        return new PollResult(all, next.encode(), m.skipped() + d.skipped() + s.skipped(),
            m.next().walking() || d.next().walking() || s.next().walking());
      });
    }));
  }

  /** Direct messages once mentions are caught up; a budget refusal keeps what mentions read. */
  private Future<Step> dms(XV2Cursor.Walk walk, boolean mentionsBehind) {
    Step idle = new Step(List.of(), walk, 0);
    return dms == null || mentionsBehind ? Future.succeededFuture(idle) : dms.read(walk).recover(e -> kept(e, idle));
  }

  private static Future<Step> kept(Throwable e, Step idle) {
    return e instanceof ConnectorException.BudgetExhausted ? Future.succeededFuture(idle) : Future.failedFuture(e);
  }

  private Future<Step> mentions(XV2Cursor.Walk walk) {
    return read(walk, 5, "/2/users/" + brandId + "/mentions", "pagination_token", "users/:id/mentions", q -> { })
        .map(page -> step(walk, page, "mention"));
  }

  private Future<Step> search(XV2Cursor.Walk walk) {
    return read(walk, 10, "/2/tweets/search/recent", "next_token", "tweets/search/recent", q -> q.add("query", query()))
        .map(page -> step(walk, page, "search"));
  }

  /** One page of a stream, paid for before it is asked: a full page reserved, the rest given back. */
  private Future<JsonObject> read(XV2Cursor.Walk walk, int minPage, String path, String tokenParam, String what,
                                  java.util.function.Consumer<MultiMap> extra) {
    return meter.beforeRead(Math.max(pageSize, minPage), minPage).compose(grant -> {
      MultiMap q = MultiMap.caseInsensitiveMultiMap().add("max_results", String.valueOf(grant.items()))
          .add("tweet.fields", XV2Mapper.TWEET_FIELDS).add("expansions", "author_id")
          .add("user.fields", XV2Mapper.USER_FIELDS);
      extra.accept(q);
      if (walk.since() != null) {
        q.add("since_id", walk.since());
      }
      if (walk.walking()) {
        q.add(tokenParam, walk.token());
      }
      return http.get(path, q, what)
          .compose(page -> meter.afterRead(grant, count(page.getJsonArray("data")),
              count(page.getJsonObject("includes", new JsonObject()).getJsonArray("users"))).map(page))
          .recover(e -> meter.afterRead(grant, 0, 0).transform(ar -> Future.failedFuture(e)));
    });
  }

  private Step step(XV2Cursor.Walk walk, JsonObject page, String source) {
    JsonObject meta = page.getJsonObject("meta", new JsonObject());
    Map<String, JsonObject> users = XV2Mapper.users(page);
    List<Mention> mentions = new ArrayList<>();
    int skipped = 0;
    for (Object raw : page.getJsonArray("data", new JsonArray())) {
      JsonObject post = raw instanceof JsonObject o ? o : new JsonObject();
      if (XV2Mapper.isRetweet(post) || ("search".equals(source) && !keywordOnly(post))) {
        continue;
      }
      try {
        mentions.add(XV2Mapper.mention(account.name(), post, users, source));
      } catch (RuntimeException malformed) {
        skipped++;
        LOG.warn("x v2 skipped malformed post account={} id={}: {}", account.name(), post.getValue("id"), malformed.toString());
      }
    }
    return new Step(mentions, walk.after(meta.getString("newest_id"), meta.getString("next_token")), skipped);
  }

  /** Search keeps what mentions cannot bring: not by the brand, not @-mentioning it. */
  private boolean keywordOnly(JsonObject post) {
    return !brandId.equals(post.getString("author_id")) && !XV2Mapper.mentionsUser(post, brandId);
  }

  private String query() {
    String terms = account.keywords().stream().map(k -> k.contains(" ") ? "\"" + k + "\"" : k)
        .collect(Collectors.joining(" OR "));
    return "(" + terms + ") -from:" + brandUsername + " -is:retweet";
  }

  private static int count(JsonArray items) {
    return items == null ? 0 : items.size();
  }
}

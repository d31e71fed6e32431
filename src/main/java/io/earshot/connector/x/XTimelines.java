package io.earshot.connector.x;

import io.earshot.connector.ConnectorAccount;
import io.earshot.connector.ConnectorException;
import io.earshot.connector.PollResult;
import io.earshot.connector.budget.Meter;
import io.earshot.domain.Mention;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import twitter4j.v1.Paging;
import twitter4j.v1.Query;
import twitter4j.v1.Status;
import twitter4j.v1.TwitterV1;

/**
 * Reads the two streams an X account has: mentions_timeline (tweets that @-mention the brand)
 * and, when the account has keywords, search/tweets for brand talk without the @. Search skips
 * tweets that mention the brand, so a tweet arrives through one stream only.
 */
final class XTimelines {
  private static final Logger LOG = LoggerFactory.getLogger(XTimelines.class);
  static final int MENTIONS_PAGE = 200;
  static final int SEARCH_PAGE = 100;
  private final ConnectorAccount account;
  private final TwitterV1 api;
  private final Blocking blocking;
  private final Meter meter;
  // Learnt by whichever event loop starts the connector first (poller or publisher), read by the other.
  private volatile long brandId;
  private volatile String brandScreenName;

  /** Runs a Twitter4J call off the event loop, mapping its failure. */
  interface Blocking {
    <T> Future<T> run(Callable<T> call, String what);
  }

  private record Step(List<Mention> mentions, XCursor.Walk next, int skipped) {
  }

  XTimelines(ConnectorAccount account, TwitterV1 api, Blocking blocking, Meter meter) {
    this.account = account;
    this.meter = meter;
    this.api = api;
    this.blocking = blocking;
  }

  void brand(long id, String screenName) {
    this.brandId = id;
    this.brandScreenName = screenName;
  }

  Future<PollResult> poll(XCursor from) {
    return mentions(from.mentions()).compose(m -> {
      // Mentions first, always; search only once they are caught up and the budget is not tight,
      // and a budget refusal there keeps what mentions read instead of failing the poll.
      boolean searchNow = !account.keywords().isEmpty() && !m.next().walking() && !meter.tight();
      Step idle = new Step(List.of(), from.search(), 0);
      Future<Step> search = searchNow ? search(from.search())
          .recover(e -> e instanceof ConnectorException.BudgetExhausted ? Future.succeededFuture(idle) : Future.failedFuture(e))
          : Future.succeededFuture(idle);
      return search.map(s -> {
        List<Mention> all = new ArrayList<>(m.mentions());
        all.addAll(s.mentions());
        XCursor next = new XCursor(m.next(), s.next());
        return new PollResult(all, next.encode(), m.skipped() + s.skipped(),
            m.next().walking() || s.next().walking());
      });
    });
  }

  private Future<Step> mentions(XCursor.Walk walk) {
    Paging paging = Paging.ofCount(MENTIONS_PAGE);
    paging = walk.seen() > 0 ? paging.sinceId(walk.seen()) : paging;
    Paging request = walk.maxId() > 0 ? paging.maxId(walk.maxId()) : paging;
    return blocking.run(() -> read(api.timelines().getMentionsTimeline(request)), "mentions_timeline")
        .map(page -> step(walk, page, page.stream().filter(t -> !t.status().isRetweet()).toList(), "mention"));
  }

  private Future<Step> search(XCursor.Walk walk) {
    Query query = Query.of(query()).count(SEARCH_PAGE).resultType(Query.ResultType.recent);
    query = walk.seen() > 0 ? query.sinceId(walk.seen()) : query;
    Query request = walk.maxId() > 0 ? query.maxId(walk.maxId()) : query;
    return blocking.run(() -> read(api.search().search(request).getTweets()), "search/tweets")
        .map(page -> step(walk, page, page.stream().filter(t -> keywordOnly(t.status())).toList(), "search"));
  }

  /** Runs on the calling worker thread, where Twitter4J keeps each status's raw JSON. */
  private static List<XMapper.Tweet> read(List<Status> statuses) {
    return statuses.stream().map(XMapper::read).toList();
  }

  /**
   * Ids of the whole page drive the walk; only {@code keep} becomes mentions. Retweets are
   * dropped before (a retweet of the brand's own post is no customer talking, and any retweet
   * carries no words of its own); quotes stay.
   */
  private Step step(XCursor.Walk walk, List<XMapper.Tweet> page, List<XMapper.Tweet> keep, String source) {
    long low = page.stream().mapToLong(t -> t.status().getId()).min().orElse(0);
    long high = page.stream().mapToLong(t -> t.status().getId()).max().orElse(0);
    List<Mention> mentions = new ArrayList<>();
    int skipped = 0;
    for (XMapper.Tweet tweet : keep) {
      try {
        mentions.add(XMapper.mention(account.name(), tweet, source));
      } catch (RuntimeException malformed) {
        skipped++;
        LOG.warn("x skipped malformed tweet account={} id={}: {}", account.name(), tweet.status().getId(), malformed.toString());
      }
    }
    return new Step(mentions, walk.after(page.size(), low, high), skipped);
  }

  private boolean keywordOnly(Status s) {
    boolean byBrand = s.getUser() != null && s.getUser().getId() == brandId;
    boolean mentionsBrand = s.getUserMentionEntities() != null && java.util.Arrays.stream(s.getUserMentionEntities())
        .anyMatch(e -> e.getId() == brandId);
    return !byBrand && !mentionsBrand && !s.isRetweet();
  }

  private String query() {
    String terms = account.keywords().stream().map(k -> k.contains(" ") ? "\"" + k + "\"" : k)
        .collect(Collectors.joining(" OR "));
    return "(" + terms + ") -from:" + brandScreenName + " -filter:retweets";
  }
}

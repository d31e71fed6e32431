package io.earshot.connector;

import io.earshot.domain.ConnectorState;
import io.earshot.domain.ConnectorSpend;
import io.earshot.domain.ConnectorStatus;
import io.earshot.domain.event.ConnectorEvents.ConnectorBudgetWarning;
import io.earshot.error.DomainError;
import io.earshot.redis.RedisConnection;
import io.earshot.domain.event.ConnectorEvents.ConnectorStatusChanged;
import io.earshot.events.EventDispatcher;
import io.earshot.events.EventPayloads;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connector health shared by all instances: the instance polling an account writes its status
 * to a Redis hash (and tells it live as {@code connector.status_changed}), so health and
 * dashboards on every instance show the same picture, spend against the budget included; budget
 * warnings go out as {@code connector.budget_warning}. Each instance also keeps the statuses it wrote: while Redis is unreachable
 * {@link #all} answers those instead of failing, and after Redis lost the hash (a restart) they
 * are put back where nobody has written a newer one. Futures fail only with what Redis itself
 * answered, or {@code Unavailable} from {@link #publish}, which callers treat as best effort.
 */
public final class StatusBoard {
  private static final Logger LOG = LoggerFactory.getLogger(StatusBoard.class);
  private static final String KEY = "earshot:connectors";
  private final RedisConnection redis;
  private final EventDispatcher events;
  private final Map<String, String> mine = new ConcurrentHashMap<>();

  public StatusBoard(RedisConnection redis, EventDispatcher events) {
    this.redis = redis;
    this.events = events;
  }

  public Future<Void> publish(ConnectorStatus status) {
    String json = EventPayloads.connector(status).encode();
    mine.put(status.account(), json);
    return redis.await(redis.commands().hset(KEY, status.account(), json))
        .compose(v -> events.tell(List.of(new ConnectorStatusChanged(status, Instant.now()))));
  }

  /** Every account's latest status as JSON, sorted by account name. */
  public Future<List<JsonObject>> all() {
    return redis.await(redis.commands().hgetall(KEY)).map(this::withMine)
        .recover(e -> e instanceof DomainError.Unavailable ? Future.succeededFuture(toList(Map.copyOf(mine)))
            : Future.failedFuture(e));
  }

  /** The shared hash, plus what this instance wrote that the hash lost; those are written back. */
  private List<JsonObject> withMine(Map<String, String> shared) {
    Map<String, String> all = new HashMap<>(shared);
    mine.forEach((account, json) -> {
      if (all.putIfAbsent(account, json) == null) {
        redis.await(redis.commands().hsetnx(KEY, account, json))
            .onFailure(e -> LOG.debug("account={} status not restored: {}", account, e.toString()));
      }
    });
    return toList(all);
  }

  private static List<JsonObject> toList(Map<String, String> byAccount) {
    List<JsonObject> list = new ArrayList<>();
    byAccount.keySet().stream().sorted().forEach(k -> list.add(new JsonObject(byAccount.get(k))));
    return list;
  }

  /** Drops accounts no longer configured, so health does not list them forever. */
  public Future<Void> retainOnly(java.util.Set<String> accounts) {
    mine.keySet().retainAll(accounts);
    return redis.await(redis.commands().hkeys(KEY)).compose(keys -> {
      String[] gone = keys.stream().filter(k -> !accounts.contains(k)).toArray(String[]::new);
      return gone.length == 0 ? Future.succeededFuture() : redis.await(redis.commands().hdel(KEY, gone)).mapEmpty();
    });
  }

  /** Tells {@code connector.budget_warning}: the account reached its warning level or a cap. */
  public Future<Void> warn(ConnectorAccount account, ConnectorSpend spend) {
    return events.tell(List.of(new ConnectorBudgetWarning(account.name(), account.platform().code(), spend, Instant.now())));
  }

  static ConnectorStatus status(ConnectorAccount a, ConnectorState state, String detail, Instant until,
                                Instant lastPoll, long read, long skipped) {
    return status(a, state, detail, until, lastPoll, read, skipped, null);
  }

  static ConnectorStatus status(ConnectorAccount a, ConnectorState state, String detail, Instant until,
                                Instant lastPoll, long read, long skipped, ConnectorSpend spend) {
    return new ConnectorStatus(a.name(), a.platform().code(), state, detail, until, lastPoll, read, skipped, spend);
  }
}

package io.earshot.connector;

import io.earshot.domain.ConnectorState;
import io.earshot.domain.ConnectorStatus;
import io.earshot.redis.RedisConnection;
import io.earshot.domain.event.DomainEvent.ConnectorStatusChanged;
import io.earshot.events.EventDispatcher;
import io.earshot.events.EventPayloads;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Connector health shared by all instances: the instance polling an account writes its status
 * to a Redis hash (and tells it live as {@code connector.status_changed}), so health and dashboards on every instance show the
 * same picture. Accounts nobody polls yet show the status this instance last saw.
 */
public final class StatusBoard {
  private static final String KEY = "earshot:connectors";
  private final RedisConnection redis;
  private final EventDispatcher events;

  public StatusBoard(RedisConnection redis, EventDispatcher events) {
    this.redis = redis;
    this.events = events;
  }

  public Future<Void> publish(ConnectorStatus status) {
    JsonObject json = EventPayloads.connector(status);
    return redis.await(redis.commands().hset(KEY, status.account(), json.encode()))
        .compose(v -> events.tell(List.of(new ConnectorStatusChanged(status, Instant.now()))));
  }

  /** Every account's latest status as JSON, by account name. */
  public Future<List<JsonObject>> all() {
    return redis.await(redis.commands().hgetall(KEY)).map(StatusBoard::toList);
  }

  private static List<JsonObject> toList(Map<String, String> byAccount) {
    List<JsonObject> list = new ArrayList<>();
    byAccount.keySet().stream().sorted().forEach(k -> list.add(new JsonObject(byAccount.get(k))));
    return list;
  }

  /** Drops accounts no longer configured, so health does not list them forever. */
  public Future<Void> retainOnly(java.util.Set<String> accounts) {
    return redis.await(redis.commands().hkeys(KEY)).compose(keys -> {
      String[] gone = keys.stream().filter(k -> !accounts.contains(k)).toArray(String[]::new);
      return gone.length == 0 ? Future.succeededFuture() : redis.await(redis.commands().hdel(KEY, gone)).mapEmpty();
    });
  }

  static ConnectorStatus status(ConnectorAccount a, ConnectorState state, String detail, Instant until,
                                Instant lastPoll, long read, long skipped) {
    return new ConnectorStatus(a.name(), a.platform().code(), state, detail, until, lastPoll, read, skipped);
  }
}

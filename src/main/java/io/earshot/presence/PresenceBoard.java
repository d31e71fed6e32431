package io.earshot.presence;

import io.earshot.error.DomainError;
import io.earshot.live.LiveBus;
import io.earshot.redis.RedisConnection;
import io.lettuce.core.Range;
import io.lettuce.core.ScoredValue;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Presence on cases, shared by every instance through Redis: per case two sorted sets,
 * {@code earshot:presence:<case>:viewing} and {@code …:typing}, of usernames scored by when their
 * signal lapses (a dashboard refreshes it every few seconds; the keys themselves expire after the
 * signal's lifetime, so an abandoned case leaves nothing behind). Each change is fanned out to
 * every instance's dashboards as a live {@code presence.changed} message through the Redis live
 * path. Presence is short-lived by design and never stored in MongoDB. Futures fail with
 * {@link DomainError.Unavailable} while Redis cannot be reached.
 */
public final class PresenceBoard {
  /** The live message telling a case's presence after a change. */
  public static final String LIVE_TYPE = "presence.changed";
  private static final String PREFIX = "earshot:presence:";
  private final RedisConnection redis;
  private final LiveBus live;
  private final Duration ttl;
  private final Clock clock;

  /** What someone is doing on a case; {@code GONE} withdraws both signals. */
  public enum Activity { VIEWING, TYPING, GONE }

  public PresenceBoard(RedisConnection redis, LiveBus live, Duration ttl, Clock clock) {
    this.redis = redis;
    this.live = live;
    this.ttl = ttl;
    this.clock = clock;
  }

  /** Records {@code activity} of {@code username} on the case, tells every dashboard, and answers the case's presence. */
  public Future<Presence> signal(String caseId, String username, Activity activity) {
    long until = clock.instant().plus(ttl).toEpochMilli();
    var cmd = redis.commands();
    Future<?> viewing = activity == Activity.GONE ? redis.await(cmd.zrem(key(caseId, "viewing"), username))
        : redis.await(cmd.zadd(key(caseId, "viewing"), until, username));
    Future<?> typing = activity == Activity.TYPING ? redis.await(cmd.zadd(key(caseId, "typing"), until, username))
        : redis.await(cmd.zrem(key(caseId, "typing"), username));
    return Future.all(viewing, typing).compose(v -> Future.all(expire(caseId, "viewing"), expire(caseId, "typing")))
        .compose(v -> of(caseId)).compose(p -> live.publish(List.of(LiveBus.event(LIVE_TYPE, json(p)))).map(p));
  }

  /** Who views and types on the case now; lapsed signals are dropped on the way. */
  public Future<Presence> of(String caseId) {
    Future<List<Presence.Seen>> viewing = current(key(caseId, "viewing"));
    Future<List<Presence.Seen>> typing = current(key(caseId, "typing"));
    return Future.all(viewing, typing).map(v -> new Presence(caseId, viewing.result(), typing.result()));
  }

  private Future<List<Presence.Seen>> current(String key) {
    long now = clock.millis();
    var cmd = redis.commands();
    return redis.await(cmd.zremrangebyscore(key, Range.create(Double.NEGATIVE_INFINITY, (double) now)))
        .compose(n -> redis.await(cmd.zrangebyscoreWithScores(key, Range.create((double) now, Double.POSITIVE_INFINITY))))
        .map(found -> found.stream().map(PresenceBoard::seen).toList());
  }

  private static Presence.Seen seen(ScoredValue<String> v) {
    return new Presence.Seen(v.getValue(), Instant.ofEpochMilli((long) v.getScore()));
  }

  private Future<Boolean> expire(String caseId, String kind) {
    return redis.await(redis.commands().pexpire(key(caseId, kind), ttl.toMillis()));
  }

  private static String key(String caseId, String kind) {
    return PREFIX + caseId + ":" + kind;
  }

  /** The live message's data: {@code {"caseId","viewing":[{"username","until"}],"typing":[…]}}. */
  public static JsonObject json(Presence p) {
    return new JsonObject().put("caseId", p.caseId()).put("viewing", seen(p.viewing())).put("typing", seen(p.typing()));
  }

  private static JsonArray seen(List<Presence.Seen> all) {
    JsonArray list = new JsonArray();
    all.forEach(s -> list.add(new JsonObject().put("username", s.username()).put("until", s.until().toString())));
    return list;
  }
}

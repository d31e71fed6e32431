package io.earshot.assign;

import io.earshot.domain.routing.RoutingPolicy;
import io.earshot.domain.routing.RoutingMode;
import io.earshot.redis.RedisConnection;
import io.vertx.core.Future;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whose turn it is in each round-robin brand: the last agent given a case, kept in Redis
 * ({@code earshot:routing:turn:<brand>}) so the turn survives the lease moving to another
 * instance. Losing it (Redis restarted) only restarts the turn at the first agent by name.
 */
public final class Turns {
  private static final String PREFIX = "earshot:routing:turn:";
  private final RedisConnection redis;

  public Turns(RedisConnection redis) {
    this.redis = redis;
  }

  /** Brand → last agent given a case, for the brands routed in turn. */
  Future<Map<String, String>> last(RoutingPolicy policy) {
    List<String> brands = policy.brands().entrySet().stream()
        .filter(e -> e.getValue().mode() == RoutingMode.ROUND_ROBIN).map(Map.Entry::getKey).toList();
    Map<String, String> last = new HashMap<>();
    if (brands.isEmpty()) {
      return Future.succeededFuture(last);
    }
    List<Future<String>> reads = brands.stream().map(b -> redis.await(redis.commands().get(PREFIX + b))).toList();
    return Future.all(reads).map(v -> {
      for (int i = 0; i < brands.size(); i++) {
        if (reads.get(i).result() != null) {
          last.put(brands.get(i), reads.get(i).result());
        }
      }
      return last;
    });
  }

  Future<Void> remember(Map<String, String> last) {
    List<Future<String>> writes = last.entrySet().stream()
        .map(e -> redis.await(redis.commands().set(PREFIX + e.getKey(), e.getValue()))).toList();
    return Future.all(writes).mapEmpty();
  }
}

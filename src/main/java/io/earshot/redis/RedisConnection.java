package io.earshot.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletionStage;

/**
 * Lettuce client and one shared command connection. Lettuce completes its futures on its own
 * threads; {@link #await} hands each result back onto the calling Vert.x context so callers never
 * touch state from a foreign thread.
 */
public final class RedisConnection implements AutoCloseable {
  private final Vertx vertx;
  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;

  public RedisConnection(Vertx vertx, String url) {
    this.vertx = vertx;
    this.client = RedisClient.create(url);
    this.connection = client.connect();
  }

  public RedisAsyncCommands<String, String> commands() {
    return connection.async();
  }

  public StatefulRedisPubSubConnection<String, String> connectPubSub() {
    return client.connectPubSub();
  }

  /** Completes on the caller's context (or an event loop when called from outside one). */
  public <T> Future<T> await(CompletionStage<T> stage) {
    Context context = vertx.getOrCreateContext();
    Promise<T> promise = Promise.promise();
    stage.whenComplete((value, error) -> context.runOnContext(v -> {
      if (error != null) {
        promise.fail(error);
      } else {
        promise.complete(value);
      }
    }));
    return promise.future();
  }

  public Future<Void> ping() {
    return await(commands().ping()).mapEmpty();
  }

  @Override
  public void close() {
    connection.close();
    client.shutdown();
  }
}

package io.earshot.redis;

import io.earshot.error.DomainError;
import io.earshot.error.Outage;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * Lettuce client and one shared command connection. Lettuce completes its futures on its own
 * threads; {@link #await} hands each result back onto the calling Vert.x context so callers never
 * touch state from a foreign thread. Redis only carries what is shared and short-lived, so the
 * hub must keep working without it: while it is unreachable every command fails at once (or
 * after {@link #COMMAND_TIMEOUT}) with {@link DomainError.Unavailable}, never queues, and the
 * connections (pub/sub included) come back by themselves within about a second of Redis.
 */
public final class RedisConnection implements AutoCloseable {
  /**
   * Lettuce's default is 60 s and it queues commands while disconnected, so a health check
   * hung for a minute while Redis was down. Every command here is a single key operation or a
   * tiny script; two seconds without an answer means Redis is not there.
   */
  static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(2);
  /** Lettuce backs reconnects off up to 30 s; capped at 1 s, the hub sees Redis return at once. */
  private static final Duration MAX_RECONNECT_DELAY = Duration.ofSeconds(1);
  private static final int RETRY_AFTER_SECONDS = 5;
  /** Pub/sub connections are made at start-up (one per subscriber): one thread is plenty. */
  static final String CONNECT_POOL = "earshot-redis-connect";
  private final Vertx vertx;
  private final ClientResources resources;
  private final RedisClient client;
  private final WorkerExecutor connects;
  private final StatefulRedisConnection<String, String> connection;
  private final Outage outage = new Outage("redis", RETRY_AFTER_SECONDS);

  public RedisConnection(Vertx vertx, String url) {
    this.vertx = vertx;
    this.resources = DefaultClientResources.builder()
        .reconnectDelay(Delay.exponential(Duration.ofMillis(10), MAX_RECONNECT_DELAY, 2, TimeUnit.MILLISECONDS))
        .build();
    this.client = RedisClient.create(resources, url);
    this.connects = vertx.createSharedWorkerExecutor(CONNECT_POOL, 1);
    client.setOptions(options());
    client.setDefaultTimeout(COMMAND_TIMEOUT);
    // Blocking: the constructor runs on a worker (see Backends), never on an event loop.
    this.connection = client.connect();
  }

  /**
   * Reconnect on its own, but refuse commands while disconnected instead of buffering them:
   * a buffered lease renewal or health check would only answer once Redis is back.
   */
  private static ClientOptions options() {
    return ClientOptions.builder()
        .autoReconnect(true)
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
        .socketOptions(SocketOptions.builder().connectTimeout(COMMAND_TIMEOUT).keepAlive(true).build())
        .build();
  }

  public RedisAsyncCommands<String, String> commands() {
    return connection.async();
  }

  /**
   * A new pub/sub connection, completed on the caller's context. Lettuce connects on the calling
   * thread (the handshake, and building its command proxies by reflection: over a second on a
   * cold, loaded machine), so it runs on a worker of {@value #CONNECT_POOL}, never on an event loop.
   */
  public Future<StatefulRedisPubSubConnection<String, String>> connectPubSub() {
    return connects.executeBlocking(client::connectPubSub, false);
  }

  /**
   * Completes on the caller's context (or an event loop when called from outside one). A Redis
   * that cannot be reached fails it with {@link DomainError.Unavailable}; errors Redis itself
   * answered (a wrong type, a script error) pass through unchanged.
   */
  public <T> Future<T> await(CompletionStage<T> stage) {
    Context context = vertx.getOrCreateContext();
    Promise<T> promise = Promise.promise();
    stage.whenComplete((value, error) -> {
      Throwable failure = error == null ? null : unreachable(error) ? outage.failed(error) : error;
      if (failure == null) {
        outage.succeeded();
      }
      context.runOnContext(v -> {
        if (failure != null) {
          promise.fail(failure);
        } else {
          promise.complete(value);
        }
      });
    });
    return promise.future();
  }

  /**
   * Failures of the client, not of the command: no connection, a timeout, a dropped socket.
   * Lettuce reports "not connected; commands are rejected" and "connection closed" as a bare
   * {@link RedisException}; what Redis answered arrives as one of its subclasses.
   */
  static boolean unreachable(Throwable error) {
    Throwable e = error instanceof CompletionException && error.getCause() != null
        ? error.getCause() : error;
    return e instanceof RedisConnectionException || e instanceof RedisCommandTimeoutException
        || e instanceof IOException || e.getClass() == RedisException.class;
  }

  /** Fails with {@link DomainError.Unavailable} when Redis cannot be reached. */
  public Future<Void> ping() {
    return await(commands().ping()).mapEmpty();
  }

  @Override
  public void close() {
    connection.close();
    client.shutdown();
    resources.shutdown(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
    connects.close();
  }
}

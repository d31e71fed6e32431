package io.earshot.auth;

import io.earshot.redis.RedisConnection;
import io.earshot.store.CredentialStore;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends credentials and says so everywhere: deletes sessions/tokens in MongoDB, then publishes
 * their digests on this instance's event bus ({@link Events#REVOKED_ADDRESS}) and on the Redis
 * channel {@link Events#REVOKED_CHANNEL}, which every other instance relays to its own bus, so
 * a live socket opened with an ended credential closes wherever it is. The delete is what
 * counts: if Redis is down, the sockets' periodic re-check closes them instead. Futures fail
 * only when MongoDB does.
 */
public final class Revocations implements AutoCloseable {
  /** Redis channel on which every instance hears which credentials ended. */
  public static final String REVOKED_CHANNEL = "earshot:revoked";
  /** Local event-bus address where each instance's live sockets hear it. */
  public static final String REVOKED_ADDRESS = "earshot.revoked";
  private static final Logger LOG = LoggerFactory.getLogger(Revocations.class);
  private final Vertx vertx;
  private final RedisConnection redis;
  private final CredentialStore credentials;
  private final String instance = UUID.randomUUID().toString();
  private StatefulRedisPubSubConnection<String, String> subscription;

  public Revocations(Vertx vertx, RedisConnection redis, CredentialStore credentials) {
    this.vertx = vertx;
    this.redis = redis;
    this.credentials = credentials;
  }

  public Future<Void> start() {
    Context context = vertx.getOrCreateContext();
    return redis.connectPubSub().compose(connected -> {
      subscription = connected;
      subscription.addListener(new RedisPubSubAdapter<>() {
        @Override
        public void message(String channel, String message) {
          context.runOnContext(v -> relay(message));
        }
      });
      return redis.await(subscription.async().subscribe(REVOKED_CHANNEL)).mapEmpty();
    });
  }

  /** Ends a session (or a token) and the tokens made from it. */
  public Future<Void> endSession(String credentialId) {
    return credentials.deleteSession(credentialId).compose(this::announce);
  }

  /** Ends every session and token of a user, except the credential {@code keep} (may be null). */
  public Future<Void> endAllOf(String username, String keep) {
    return credentials.deleteAllOf(username, keep).compose(this::announce);
  }

  private Future<Void> announce(List<String> ids) {
    if (ids.isEmpty()) {
      return Future.succeededFuture();
    }
    JsonObject message = new JsonObject().put("from", instance).put("credentials", new JsonArray(List.copyOf(ids)));
    vertx.eventBus().publish(REVOKED_ADDRESS, message.encode());
    redis.await(redis.commands().publish(REVOKED_CHANNEL, message.encode()))
        .onFailure(e -> LOG.warn("could not fan out {} ended credentials through Redis ({}); other instances' "
            + "live sockets close at their next session check", ids.size(), e.toString()));
    return Future.succeededFuture();
  }

  private void relay(String message) {
    try {
      if (!instance.equals(new JsonObject(message).getString("from"))) {
        vertx.eventBus().publish(REVOKED_ADDRESS, message);
      }
    } catch (RuntimeException e) {
      LOG.warn("ignoring an unreadable message on {}: {}", REVOKED_CHANNEL, e.toString());
    }
  }

  @Override
  public void close() {
    if (subscription != null) {
      subscription.close();
    }
  }
}

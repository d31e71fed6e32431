package io.earshot.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;

import com.mongodb.client.MongoCollection;
import io.vertx.core.Future;
import java.time.Instant;
import org.bson.Document;

/**
 * Users, sessions and personal API tokens. Sessions and tokens are stored by the digest of the
 * secret, never the secret itself; a session carries its expiry and is checked on read, since
 * the embedded server has no TTL indexes.
 */
public final class UserStore {
  /** A stored user: name, role code and password hash. */
  public record StoredUser(String username, String role, String passwordHash) {
  }

  private final MongoStore mongo;
  private final MongoCollection<Document> users;
  private final MongoCollection<Document> sessions;

  public UserStore(MongoStore mongo) {
    this.mongo = mongo;
    this.users = mongo.collection(MongoStore.USERS);
    this.sessions = mongo.collection(MongoStore.SESSIONS);
  }

  public Future<Long> countUsers() {
    return mongo.run(() -> users.countDocuments());
  }

  /** Inserts a user; fails with a duplicate-key error when the name is taken. */
  public Future<Void> insertUser(String username, String role, String passwordHash, Instant now) {
    return mongo.write(() -> users.insertOne(new Document("_id", username).append("username", username)
        .append("role", role).append("passwordHash", passwordHash).append("createdAt", Dates.of(now)))).mapEmpty();
  }

  public Future<StoredUser> findUser(String username) {
    return mongo.run(() -> {
      Document d = users.find(eq("_id", username)).first();
      return d == null ? null : new StoredUser(d.getString("_id"), d.getString("role"), d.getString("passwordHash"));
    });
  }

  /** Stores a session or API token ({@code kind}) under the digest of its secret. */
  public Future<Void> insertCredential(String digest, String kind, String username, Instant expiresAt, Instant now) {
    return mongo.write(() -> sessions.insertOne(new Document("_id", digest).append("kind", kind)
        .append("username", username).append("expiresAt", Dates.of(expiresAt))
        .append("createdAt", Dates.of(now)))).mapEmpty();
  }

  /** The username behind a live credential, or null. */
  public Future<String> usernameOf(String digest, Instant now) {
    return mongo.run(() -> {
      Document d = sessions.find(and(eq("_id", digest), gt("expiresAt", Dates.of(now)))).first();
      return d == null ? null : d.getString("username");
    });
  }

  public Future<Void> deleteCredential(String digest) {
    return mongo.write(() -> sessions.deleteOne(eq("_id", digest))).mapEmpty();
  }
}

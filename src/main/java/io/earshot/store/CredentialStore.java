package io.earshot.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Sessions and personal API tokens, stored by the digest of the secret, never the secret itself.
 * A token records the session it was made from ({@code sessionId}), so ending a session ends its
 * tokens. Expiry is checked on read, since the embedded server has no TTL indexes.
 */
public final class CredentialStore {
  /** A live credential: its digest, kind ({@code session} or {@code token}), owner, origin session, CSRF token. */
  public record StoredCredential(String id, String kind, String username, String sessionId, String csrfToken) {
  }

  /** A personal API token as its owner sees it: never the secret, which is not stored. */
  public record TokenInfo(String id, String name, Instant createdAt, Instant expiresAt) {
  }

  private final MongoStore mongo;
  private final MongoCollection<Document> sessions;

  public CredentialStore(MongoStore mongo) {
    this.mongo = mongo;
    this.sessions = mongo.collection(MongoStore.SESSIONS);
  }

  /** Stores a credential; {@code sessionId} and {@code csrfToken} may be null. */
  public Future<Void> insert(StoredCredential credential, Instant expiresAt, Instant now) {
    return mongo.write(() -> sessions.insertOne(new Document("_id", credential.id()).append("kind", credential.kind())
        .append("username", credential.username()).append("sessionId", credential.sessionId())
        .append("csrfToken", credential.csrfToken()).append("expiresAt", Dates.of(expiresAt))
        .append("createdAt", Dates.of(now)))).mapEmpty();
  }

  /** Stores a personal API token with the name its owner gave it (null: none). */
  public Future<Void> insertToken(StoredCredential token, String name, Instant expiresAt, Instant now) {
    return mongo.write(() -> sessions.insertOne(new Document("_id", token.id()).append("kind", "token")
        .append("username", token.username()).append("sessionId", token.sessionId()).append("name", name)
        .append("expiresAt", Dates.of(expiresAt)).append("createdAt", Dates.of(now)))).mapEmpty();
  }

  /** The user's live personal API tokens, oldest first. */
  public Future<List<TokenInfo>> tokensOf(String username, Instant now) {
    return mongo.run(() -> {
      List<TokenInfo> tokens = new ArrayList<>();
      sessions.find(and(eq("username", username), eq("kind", "token"), gt("expiresAt", Dates.of(now))))
          .sort(new Document("createdAt", 1)).forEach(d -> tokens.add(new TokenInfo(d.getString("_id"),
              d.getString("name"), Dates.instant(d.get("createdAt")), Dates.instant(d.get("expiresAt")))));
      return tokens;
    });
  }

  /** The live credential with this digest, or null. */
  public Future<StoredCredential> find(String digest, Instant now) {
    return mongo.run(() -> {
      Document d = sessions.find(and(eq("_id", digest), gt("expiresAt", Dates.of(now)))).first();
      return d == null ? null : new StoredCredential(d.getString("_id"), d.getString("kind"),
          d.getString("username"), d.getString("sessionId"), d.getString("csrfToken"));
    });
  }

  /** Deletes a session (or token) and every token made from it; answers the digests it deleted. */
  public Future<List<String>> deleteSession(String digest) {
    return delete(or(eq("_id", digest), eq("sessionId", digest)));
  }

  /** Deletes every credential of a user except {@code keep} (null keeps none); answers the digests. */
  public Future<List<String>> deleteAllOf(String username, String keep) {
    Bson filter = keep == null ? eq("username", username) : and(eq("username", username), ne("_id", keep));
    return delete(filter);
  }

  /**
   * Reads the ids first so the caller can tell every instance which sockets to close; the delete
   * uses the same filter, so a token made in between is deleted too (its socket then closes at
   * the next periodic check).
   */
  private Future<List<String>> delete(Bson filter) {
    return mongo.write(() -> {
      List<String> ids = new ArrayList<>();
      sessions.find(filter).projection(Projections.include("_id")).forEach(d -> ids.add(d.getString("_id")));
      sessions.deleteMany(filter);
      return ids;
    });
  }
}

package io.earshot.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import io.vertx.core.Future;
import java.time.Instant;
import org.bson.Document;

/**
 * A connector account's OAuth 2.0 tokens, one document per account. X rotates refresh tokens:
 * each refresh answers a new one and voids the old, so the newest pair must outlive a restart
 * and be shared by instances; saves are compare-and-set on {@code version}, and an instance
 * that lost the race reads the winner's pair instead. {@code seed} fingerprints the refresh
 * token of the account file the pair descends from, so an admin who re-authorizes (a new token
 * in the file) overrides what is stored. Tokens are kept as the platform issued them: protect
 * the database as you protect the account files' secrets.
 */
public final class OAuthTokenStore {
  private static final int DUPLICATE_KEY = 11000;
  private final MongoStore mongo;
  private final MongoCollection<Document> tokens;

  /** A stored pair; {@code version} 0 means nothing is stored yet. */
  public record Tokens(String accessToken, String refreshToken, Instant expiresAt, String seed, long version) {
  }

  public OAuthTokenStore(MongoStore mongo) {
    this.mongo = mongo;
    this.tokens = mongo.collection(MongoStore.OAUTH_TOKENS);
  }

  /** The stored pair, or null when the account never stored one. */
  public Future<Tokens> load(String account) {
    return mongo.run(() -> {
      Document d = tokens.find(eq("_id", account)).first();
      return d == null ? null : new Tokens(d.getString("accessToken"), d.getString("refreshToken"),
          Dates.instant(d.get("expiresAt")), d.getString("seed"), d.getLong("version"));
    });
  }

  /** Stores {@code next} as version {@code expected + 1} if the stored one is still {@code expected}. */
  public Future<Boolean> replace(String account, long expected, Tokens next) {
    Document doc = new Document("_id", account).append("accessToken", next.accessToken())
        .append("refreshToken", next.refreshToken()).append("expiresAt", Dates.of(next.expiresAt()))
        .append("seed", next.seed()).append("version", expected + 1).append("savedAt", Dates.of(Instant.now()));
    return mongo.write(() -> {
      if (expected == 0) {
        try {
          tokens.insertOne(doc);
          return true;
        } catch (MongoException e) {
          if (e.getCode() == DUPLICATE_KEY) {
            return false;
          }
          throw e;
        }
      }
      return tokens.replaceOne(and(eq("_id", account), eq("version", expected)), doc,
          new ReplaceOptions().upsert(false)).getModifiedCount() == 1;
    });
  }
}

package io.earshot.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.earshot.domain.Webhook;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * The {@code webhooks} collection: the endpoints admins registered, with their secrets (needed
 * to sign, so kept as given; the API never answers them). A deleted endpoint stays as a tombstone
 * without its secret and is left out of every read. The collection is small, so the scans the
 * embedded server makes of it (it indexes only {@code _id}) stay cheap.
 */
public final class WebhookStore {
  private final MongoStore mongo;
  private final MongoCollection<Document> webhooks;

  public WebhookStore(MongoStore mongo) {
    this.mongo = mongo;
    this.webhooks = mongo.collection(MongoStore.WEBHOOKS);
  }

  /** Writes a new endpoint as change {@code changeId}. */
  public Future<Webhook> insert(Webhook webhook, String changeId) {
    return mongo.write(() -> {
      webhooks.insertOne(toDoc(webhook).append("changeIds", List.of(changeId)));
      return webhook;
    });
  }

  /** The endpoint, or null when there is none or it was deleted. */
  public Future<Webhook> get(String id) {
    return mongo.run(() -> {
      Document d = webhooks.find(and(eq("_id", id), ne("deleted", true))).first();
      return d == null ? null : fromDoc(d);
    });
  }

  /** Every endpoint not deleted, oldest first. */
  public Future<List<Webhook>> list() {
    return mongo.run(() -> webhooks.find(ne("deleted", true)).sort(Sorts.ascending("createdAt"))
        .map(WebhookStore::fromDoc).into(new ArrayList<>()));
  }

  /** The endpoints events are delivered to now. */
  public Future<List<Webhook>> enabled() {
    return mongo.run(() -> webhooks.find(and(eq("enabled", true), ne("deleted", true)))
        .map(WebhookStore::fromDoc).into(new ArrayList<>()));
  }

  /**
   * Stores what the webhook lifecycle decided about an endpoint read at {@code expectedVersion};
   * fails with {@link StaleWrite} when another admin changed it first.
   */
  public Future<Webhook> save(Webhook decided, long expectedVersion, String changeId) {
    return mongo.write(() -> {
      Document fields = toDoc(decided);
      fields.remove("_id");
      Document d = webhooks.findOneAndUpdate(Versioned.at(decided.id(), expectedVersion),
          Updates.combine(new Document("$set", fields), Versioned.remember(changeId)),
          new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
      if (d == null) {
        throw new StaleWrite("webhook " + decided.id());
      }
      return fromDoc(d);
    });
  }

  private static Document toDoc(Webhook w) {
    return new Document("_id", w.id()).append("url", w.url()).append("secret", w.secret())
        .append("events", w.events()).append("enabled", w.enabled()).append("createdBy", w.createdBy())
        .append("createdAt", Dates.of(w.createdAt())).append("updatedAt", Dates.of(w.updatedAt()))
        .append("secretUpdatedAt", Dates.of(w.secretUpdatedAt())).append("deleted", w.deleted())
        .append("version", w.version());
  }

  private static Webhook fromDoc(Document d) {
    return new Webhook(d.getString("_id"), d.getString("url"), d.getString("secret"),
        d.getList("events", String.class, List.of()), d.getBoolean("enabled", false), d.getString("createdBy"),
        Dates.instant(d.get("createdAt")), Dates.instant(d.get("updatedAt")),
        Dates.instant(d.get("secretUpdatedAt")), d.getBoolean("deleted", false), CaseDocs.version(d));
  }
}

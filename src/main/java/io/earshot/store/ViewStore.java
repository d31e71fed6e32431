package io.earshot.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.earshot.domain.SavedView;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The {@code views} collection: saved case lists, personal and shared. Few per user, so the
 * embedded server's scans of it stay cheap. A change is stored only over the version it was
 * decided on ({@link StaleWrite} otherwise) and remembers its change id, so a {@code view.*} event
 * staged before a crash is confirmed; for that, a deleted view is marked {@code deleted}, not removed.
 */
public final class ViewStore {
  public static final String VIEWS = "views";
  private final MongoStore mongo;
  private final MongoCollection<Document> views;

  public ViewStore(MongoStore mongo) {
    this.mongo = mongo;
    this.views = mongo.collection(VIEWS);
  }

  public Future<SavedView> insert(SavedView view, String changeId) {
    return mongo.write(() -> {
      views.insertOne(toDoc(view).append("changeIds", List.of(changeId)));
      return view;
    });
  }

  public Future<SavedView> get(String id) {
    return mongo.run(() -> {
      Document d = views.find(eq("_id", id)).first();
      return d == null || d.getBoolean("deleted", false) ? null : fromDoc(d);
    });
  }

  /** The user's own views and everyone's shared ones, oldest first. */
  public Future<List<SavedView>> visibleTo(String username) {
    return mongo.run(() -> views.find(and(or(eq("owner", username), eq("shared", true)), ne("deleted", true)))
        .sort(Sorts.ascending("createdAt")).map(ViewStore::fromDoc).into(new ArrayList<>()));
  }

  public Future<SavedView> replace(SavedView next, long expectedVersion, String changeId) {
    return mongo.write(() -> {
      Document fields = toDoc(next);
      fields.remove("_id");
      fields.remove("version");
      Bson update = Updates.combine(Updates.combine(fields.entrySet().stream()
          .map(e -> Updates.set(e.getKey(), e.getValue())).toList()), Versioned.advance(next.version(), changeId));
      if (views.updateOne(live(next.id(), expectedVersion), update).getMatchedCount() == 0) {
        throw new StaleWrite("view " + next.id());
      }
      return next;
    });
  }

  /** Marks the view deleted over {@code expectedVersion}; answers false when it moved on meanwhile. */
  public Future<Boolean> delete(String id, long expectedVersion, String changeId) {
    return mongo.write(() -> views.updateOne(live(id, expectedVersion), Updates.combine(Updates.set("deleted", true),
        Versioned.advance(expectedVersion + 1, changeId))).getMatchedCount() == 1);
  }

  private static Bson live(String id, long version) {
    return and(eq("_id", id), eq("version", version), ne("deleted", true));
  }

  private static Document toDoc(SavedView v) {
    return new Document("_id", v.id()).append("owner", v.owner()).append("name", v.name())
        .append("filters", new Document(new LinkedHashMap<>(v.filters()))).append("sort", v.sort())
        .append("shared", v.shared()).append("createdAt", Dates.of(v.createdAt()))
        .append("updatedAt", Dates.of(v.updatedAt())).append("version", v.version());
  }

  private static SavedView fromDoc(Document d) {
    Map<String, String> filters = new LinkedHashMap<>();
    Document f = d.get("filters", Document.class);
    if (f != null) {
      f.forEach((k, v) -> filters.put(k, String.valueOf(v)));
    }
    return new SavedView(d.getString("_id"), d.getString("owner"), d.getString("name"), filters,
        d.getString("sort"), d.getBoolean("shared", false), Dates.instant(d.get("createdAt")),
        Dates.instant(d.get("updatedAt")), d.get("version") instanceof Number n ? n.longValue() : 0L);
  }
}

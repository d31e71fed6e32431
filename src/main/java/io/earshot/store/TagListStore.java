package io.earshot.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.earshot.domain.TagList;
import io.vertx.core.Future;
import java.util.List;
import org.bson.Document;

/**
 * The admins' defined tags: one document ({@code _id: "defined"}) in {@code tag_list}, replaced
 * whole over the version read. Absent: no defined tags, version 0. Futures fail with
 * {@link StaleWrite} when another admin saved first, else with the driver's error.
 */
public final class TagListStore {
  private static final String ID = "defined";
  private final MongoStore mongo;
  private final MongoCollection<Document> lists;

  public TagListStore(MongoStore mongo) {
    this.mongo = mongo;
    this.lists = mongo.collection(MongoStore.TAG_LIST);
  }

  public Future<TagList> get() {
    return mongo.run(() -> {
      Document d = lists.find(new Document("_id", ID)).first();
      return d == null ? TagList.EMPTY : fromDoc(d);
    });
  }

  public Future<TagList> save(TagList decided, long expectedVersion, String changeId) {
    List<Document> tags = decided.tags().stream().map(t -> new Document("name", t.name()).append("color", t.color())
        .append("description", t.description())).toList();
    return mongo.write(() -> {
      try {
        // Upsert at the expected version: the first save creates the document; a save over a
        // version someone else moved on matches nothing and collides with the existing _id.
        var result = lists.updateOne(Versioned.at(ID, expectedVersion), Updates.combine(Updates.set("tags", tags),
            Versioned.advance(decided.version(), changeId)), new UpdateOptions().upsert(true));
        if (result.getMatchedCount() == 0 && result.getUpsertedId() == null) {
          throw new StaleWrite("tag list");
        }
      } catch (MongoWriteException e) {
        if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
          throw new StaleWrite("tag list");
        }
        throw e;
      }
      return decided;
    });
  }

  private static TagList fromDoc(Document d) {
    List<TagList.Defined> tags = d.getList("tags", Document.class, List.of()).stream()
        .map(t -> new TagList.Defined(t.getString("name"), t.getString("color"), t.getString("description"))).toList();
    return new TagList(tags, CaseDocs.version(d));
  }
}

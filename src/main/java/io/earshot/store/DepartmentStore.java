package io.earshot.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.earshot.problem.Department;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * The {@code departments} collection (a handful of documents, so a listing scan is cheap). A
 * deleted department stays as a tombstone ({@code deleted: true}) so the Problems it owned still
 * name it. Inserting a taken id fails with {@link Exists}; a change over a stale version with
 * {@link StaleWrite}.
 */
public final class DepartmentStore {
  public static final String DEPARTMENTS = "departments";
  private static final int DUPLICATE_KEY = 11000;
  private final MongoStore mongo;
  private final MongoCollection<Document> departments;

  /** The department id is taken. */
  public static final class Exists extends RuntimeException {
    Exists(String id) {
      super("department " + id + " exists", null, false, false);
    }
  }

  public DepartmentStore(MongoStore mongo) {
    this.mongo = mongo;
    this.departments = mongo.collection(DEPARTMENTS);
  }

  public Future<Department> insert(Department d, String changeId) {
    return mongo.write(() -> {
      try {
        departments.insertOne(toDoc(d).append("deleted", false).append("changeIds", List.of(changeId)));
        return d;
      } catch (MongoWriteException e) {
        if (e.getCode() == DUPLICATE_KEY) {
          throw new Exists(d.id());
        }
        throw e;
      }
    });
  }

  /** A department that was not deleted, or null. */
  public Future<Department> get(String id) {
    return mongo.run(() -> {
      Document d = departments.find(eq("_id", id)).first();
      return d == null || d.getBoolean("deleted", false) ? null : fromDoc(d);
    });
  }

  public Future<List<Department>> list() {
    return mongo.run(() -> departments.find().sort(Sorts.ascending("name")).into(new ArrayList<>()).stream()
        .filter(d -> !d.getBoolean("deleted", false)).map(DepartmentStore::fromDoc).toList());
  }

  /** Stores the decided department (or its deletion) over {@code expectedVersion}. */
  public Future<Department> save(Department d, boolean deleted, long expectedVersion, String changeId) {
    return mongo.write(() -> {
      Document after = departments.findOneAndUpdate(Versioned.at(d.id(), expectedVersion), Updates.combine(
              Updates.set("name", d.name()), Updates.set("members", d.members()), Updates.set("contact", d.contact()),
              Updates.set("updatedAt", Dates.of(d.updatedAt())), Updates.set("deleted", deleted),
              Versioned.advance(d.version(), changeId)),
          new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
      if (after == null) {
        throw new StaleWrite("department " + d.id());
      }
      return fromDoc(after);
    });
  }

  private static Document toDoc(Department d) {
    return new Document("_id", d.id()).append("name", d.name()).append("members", d.members())
        .append("contact", d.contact()).append("createdAt", Dates.of(d.createdAt()))
        .append("updatedAt", Dates.of(d.updatedAt())).append("version", d.version());
  }

  private static Department fromDoc(Document d) {
    return new Department(d.getString("_id"), d.getString("name"), d.getList("members", String.class, List.of()),
        d.getString("contact"), Dates.instant(d.get("createdAt")), Dates.instant(d.get("updatedAt")),
        CaseDocs.version(d));
  }
}

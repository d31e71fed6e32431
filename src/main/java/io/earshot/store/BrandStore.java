package io.earshot.store;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.earshot.domain.Brand;
import io.earshot.domain.Platform;
import io.vertx.core.Future;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * The {@code brands} collection, keyed by brand id. It holds a handful of documents, so listing
 * them all (a scan on the embedded server) stays cheap; ingest reads the brands it does not know
 * yet by key ({@link #byIds}). Inserting an id that exists fails with {@link Exists}.
 */
public final class BrandStore {
  private static final int DUPLICATE_KEY = 11000;
  private final MongoStore mongo;
  private final MongoCollection<Document> brands;

  /** The brand id is taken. */
  public static final class Exists extends RuntimeException {
    Exists(String id) {
      super("brand " + id + " exists", null, false, false);
    }
  }

  public BrandStore(MongoStore mongo) {
    this.mongo = mongo;
    this.brands = mongo.collection(MongoStore.BRANDS);
  }

  /** Writes a new brand as change {@code changeId}; fails with {@link Exists} when the id is taken. */
  public Future<Brand> insert(Brand brand, String changeId) {
    return mongo.write(() -> {
      try {
        brands.insertOne(toDoc(brand).append("changeIds", List.of(changeId)));
        return brand;
      } catch (MongoWriteException e) {
        if (e.getCode() == DUPLICATE_KEY) {
          throw new Exists(brand.id());
        }
        throw e;
      }
    });
  }

  public Future<Brand> get(String id) {
    return mongo.run(() -> {
      Document d = brands.find(eq("_id", id)).first();
      return d == null ? null : fromDoc(d);
    });
  }

  /** The brands among {@code ids} that exist, by id. */
  public Future<Map<String, Brand>> byIds(Collection<String> ids) {
    if (ids.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    return mongo.run(() -> {
      Map<String, Brand> found = new HashMap<>();
      brands.find(in("_id", ids)).forEach(d -> found.put(d.getString("_id"), fromDoc(d)));
      return found;
    });
  }

  /** Every brand, by id. */
  public Future<List<Brand>> list() {
    return mongo.run(() -> brands.find().sort(Sorts.ascending("_id")).map(BrandStore::fromDoc).into(new ArrayList<>()));
  }

  /**
   * Stores what the brand lifecycle decided about a brand read at {@code expectedVersion}; fails
   * with {@link StaleWrite} when another admin changed it first.
   */
  public Future<Brand> save(Brand decided, long expectedVersion, String changeId) {
    return mongo.write(() -> {
      Document fields = toDoc(decided);
      fields.remove("_id");
      fields.remove("createdAt");
      Document d = brands.findOneAndUpdate(Versioned.at(decided.id(), expectedVersion),
          Updates.combine(new Document("$set", fields), Versioned.remember(changeId)),
          new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
      if (d == null) {
        throw new StaleWrite("brand " + decided.id());
      }
      return fromDoc(d);
    });
  }

  private static Document toDoc(Brand b) {
    Document handles = new Document();
    b.handles().forEach((p, list) -> handles.append(p.code(), list));
    return new Document("_id", b.id()).append("name", b.name()).append("handles", handles)
        .append("timeZone", b.timeZone().getId()).append("createdAt", Dates.of(b.createdAt()))
        .append("updatedAt", Dates.of(b.updatedAt())).append("version", b.version());
  }

  private static Brand fromDoc(Document d) {
    Map<Platform, List<String>> handles = new LinkedHashMap<>();
    Document h = d.get("handles", Document.class);
    if (h != null) {
      h.forEach((code, list) -> Platform.fromCode(code).ifPresent(p -> handles.put(p,
          h.getList(code, String.class, List.of()))));
    }
    String zone = d.getString("timeZone");
    return new Brand(d.getString("_id"), d.getString("name"), handles, ZoneId.of(zone == null ? "UTC" : zone),
        Dates.instant(d.get("createdAt")), Dates.instant(d.get("updatedAt")), CaseDocs.version(d));
  }
}

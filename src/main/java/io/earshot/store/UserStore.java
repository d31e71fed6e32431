package io.earshot.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The people who sign in. A user document holds {@code roles} (a list of role codes); documents
 * written before people could hold several roles have a single {@code role}, which is read as a
 * one-element list and replaced by {@code roles} at the next change.
 */
public final class UserStore {
  /**
   * A stored user. {@code capacity} is null when no limit is set, {@code displayName} when none is
   * given; {@code signatures} maps a brand id to the public signature used for that brand;
   * {@code mustChangePassword} is set while the password is one an admin chose, until the user
   * sets their own; {@code availability} is {@code available} or {@code away} as the person last
   * set it (null: never set, which auto-assignment reads as away).
   */
  public record StoredUser(String username, List<String> roles, String passwordHash, boolean disabled,
                           Integer capacity, List<String> skills, Instant createdAt, String displayName,
                           Map<String, String> signatures, boolean flagged, boolean mustChangePassword,
                           String availability) {
  }

  private static final String ADMIN = "admin";
  private final MongoStore mongo;
  private final MongoCollection<Document> users;

  public UserStore(MongoStore mongo) {
    this.mongo = mongo;
    this.users = mongo.collection(MongoStore.USERS);
  }

  public Future<Long> countUsers() {
    return mongo.run(() -> users.countDocuments());
  }

  /** Inserts a user; fails with a duplicate-key error when the name is taken. */
  public Future<Void> insertUser(String username, List<String> roles, String passwordHash, Instant now) {
    return mongo.write(() -> users.insertOne(new Document("_id", username).append("username", username)
        .append("roles", roles).append("passwordHash", passwordHash).append("disabled", false)
        .append("skills", List.of()).append("createdAt", Dates.of(now)))).mapEmpty();
  }

  public Future<StoredUser> findUser(String username) {
    return mongo.run(() -> read(users.find(eq("_id", username)).first()));
  }

  /** Every user, by name. */
  public Future<List<StoredUser>> listUsers() {
    return mongo.run(() -> {
      List<StoredUser> all = new ArrayList<>();
      users.find().sort(Sorts.ascending("_id")).forEach(d -> all.add(read(d)));
      return all;
    });
  }

  /**
   * Sets the given fields ({@code roles}, {@code disabled}, {@code passwordHash}, {@code capacity}
   * (null removes it), {@code skills}, {@code displayName} (null removes it), {@code signatures},
   * {@code flagged}, {@code mustChangePassword}, {@code availability}) and answers the user as it is now, or null when unknown.
   */
  public Future<StoredUser> update(String username, Map<String, Object> fields, Instant now) {
    Document set = new Document("updatedAt", Dates.of(now));
    Document unset = new Document();
    fields.forEach((name, value) -> {
      if (value == null) {
        unset.append(name, "");
      } else {
        set.append(name, value instanceof Instant i ? Dates.of(i) : value);
      }
    });
    if (fields.containsKey("roles")) {
      unset.append("role", "");
    }
    Document update = new Document("$set", set);
    if (!unset.isEmpty()) {
      update.append("$unset", unset);
    }
    return mongo.write(() -> read(users.findOneAndUpdate(eq("_id", username), update,
        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))));
  }

  /** Users who hold the admin role and are not disabled. */
  /** Remembers change {@code changeId} on the person's document (how a staged account event is confirmed). */
  public Future<Void> remember(String username, String changeId) {
    return mongo.write(() -> users.updateOne(eq("_id", username), Versioned.remember(changeId))).mapEmpty();
  }

  public Future<Long> countActiveAdmins() {
    Bson admin = or(eq("roles", ADMIN), and(eq("roles", null), eq("role", ADMIN)));
    return mongo.run(() -> users.countDocuments(and(admin, ne("disabled", true))));
  }

  private static StoredUser read(Document d) {
    if (d == null) {
      return null;
    }
    List<String> roles = d.getList("roles", String.class);
    if (roles == null) {
      String legacy = d.getString("role");
      roles = legacy == null ? List.of() : List.of(legacy);
    }
    List<String> skills = d.getList("skills", String.class);
    return new StoredUser(d.getString("_id"), List.copyOf(roles), d.getString("passwordHash"),
        Boolean.TRUE.equals(d.getBoolean("disabled")), d.getInteger("capacity"),
        skills == null ? List.of() : List.copyOf(skills), Dates.instant(d.get("createdAt")),
        d.getString("displayName"), signatures(d.get("signatures", Document.class)),
        Boolean.TRUE.equals(d.getBoolean("flagged")), Boolean.TRUE.equals(d.getBoolean("mustChangePassword")),
        d.getString("availability"));
  }

  private static Map<String, String> signatures(Document d) {
    Map<String, String> all = new TreeMap<>();
    if (d != null) {
      d.forEach((brand, text) -> all.put(brand, String.valueOf(text)));
    }
    return Collections.unmodifiableMap(all);
  }
}

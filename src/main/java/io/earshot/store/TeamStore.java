package io.earshot.store;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.earshot.domain.Team;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * The {@code teams} collection, one document per team ({@code _id} = name). A deleted team keeps
 * its document, marked {@code deleted}, so the change id of its deletion stays where the event
 * relay confirms staged changes; creating the name again takes the document over. Teams are few,
 * so listing them scans.
 */
public final class TeamStore {
  public static final String TEAMS = "teams";
  private final MongoStore mongo;
  private final MongoCollection<Document> teams;

  public TeamStore(MongoStore mongo) {
    this.mongo = mongo;
    this.teams = mongo.collection(TEAMS);
  }

  public Future<List<Team>> list() {
    return mongo.run(() -> teams.find(ne("deleted", true)).sort(Sorts.ascending("_id")).map(TeamStore::read)
        .into(new ArrayList<>()));
  }

  /** The team, or null when there is none of that name (or it was deleted). */
  public Future<Team> get(String name) {
    return mongo.run(() -> {
      Document d = teams.find(eq("_id", name)).first();
      return d == null || Boolean.TRUE.equals(d.getBoolean("deleted")) ? null : read(d);
    });
  }

  /** Stores a new team; answers false when a team of that name exists. */
  public Future<Boolean> create(Team team, String changeId) {
    return mongo.write(() -> {
      Document doc = doc(team).append("changeIds", List.of(changeId));
      try {
        teams.insertOne(doc);
        return true;
      } catch (MongoWriteException e) {
        if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
          throw e;
        }
        // Only a deleted team's document may be taken over; a live one keeps its name.
        Document deleted = new Document("_id", team.name()).append("deleted", true);
        return teams.replaceOne(deleted, doc).getModifiedCount() == 1;
      }
    });
  }

  /** Stores the team's new members over {@code expectedVersion}; fails with {@link StaleWrite} when it moved on. */
  public Future<Team> save(Team team, long expectedVersion, String changeId) {
    return mongo.write(() -> {
      var result = teams.updateOne(live(team.name(), expectedVersion), Updates.combine(
          Updates.set("members", team.members()), Updates.set("updatedAt", Dates.of(team.updatedAt())),
          Versioned.advance(team.version(), changeId)));
      if (result.getMatchedCount() == 0) {
        throw new StaleWrite("team " + team.name());
      }
      return team;
    });
  }

  /** Marks the team deleted over {@code expectedVersion}; fails with {@link StaleWrite} when it moved on. */
  public Future<Void> delete(String name, long expectedVersion, Instant at, String changeId) {
    return mongo.write(() -> {
      var result = teams.updateOne(live(name, expectedVersion), Updates.combine(Updates.set("deleted", true),
          Updates.set("updatedAt", Dates.of(at)), Versioned.advance(expectedVersion + 1, changeId)));
      if (result.getMatchedCount() == 0) {
        throw new StaleWrite("team " + name);
      }
      return null;
    });
  }

  private static Document live(String name, long version) {
    return new Document("_id", name).append("version", version).append("deleted", false);
  }

  private static Document doc(Team team) {
    return new Document("_id", team.name()).append("members", team.members()).append("deleted", false)
        .append("createdAt", Dates.of(team.createdAt())).append("updatedAt", Dates.of(team.updatedAt()))
        .append("version", team.version());
  }

  private static Team read(Document d) {
    return new Team(d.getString("_id"), d.getList("members", String.class, List.of()),
        Dates.instant(d.get("createdAt")), Dates.instant(d.get("updatedAt")), CaseDocs.version(d));
  }
}

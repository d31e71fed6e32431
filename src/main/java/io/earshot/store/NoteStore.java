package io.earshot.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import io.earshot.domain.Note;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * The {@code notes} collection: {@code {_id, caseId, author, text, mentions:[usernames],
 * createdAt}}. A note is written once (with the id of the change that told it, so the event
 * relay can confirm it) and only ever moves to another case when its case is merged
 * ({@link CaseMerges}). A case's
 * notes are read by {@code caseId}: an index on a real MongoDB, a scan of the (small) collection
 * on the embedded one. Futures fail with the driver's error.
 */
public final class NoteStore {
  private final MongoStore mongo;
  private final MongoCollection<Document> notes;

  public NoteStore(MongoStore mongo) {
    this.mongo = mongo;
    this.notes = mongo.collection(MongoStore.NOTES);
  }

  public Future<Note> insert(Note note, String changeId) {
    Document d = new Document("_id", note.id()).append("caseId", note.caseId()).append("author", note.author())
        .append("text", note.text()).append("mentions", note.mentions()).append("createdAt", Dates.of(note.createdAt()))
        .append("changeIds", List.of(changeId));
    return mongo.write(() -> {
      notes.insertOne(d);
      return note;
    });
  }

  /** The case's notes, oldest first. */
  public Future<List<Note>> ofCase(String caseId) {
    return mongo.run(() -> notes.find(eq("caseId", caseId)).sort(Sorts.ascending("createdAt"))
        .map(NoteStore::fromDoc).into(new ArrayList<>()));
  }

  private static Note fromDoc(Document d) {
    return new Note(d.getString("_id"), d.getString("caseId"), d.getString("author"), d.getString("text"),
        d.getList("mentions", String.class, List.of()), Dates.instant(d.get("createdAt")));
  }
}

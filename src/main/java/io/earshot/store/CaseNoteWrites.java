package io.earshot.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import org.bson.Document;

/**
 * Writes internal notes on cases in the shape of the {@code notes} collection
 * ({@code {_id, caseId, author, text, mentions, createdAt}}, owned by the case notes feature), for
 * what the Problem side says on a case (the note a resolved Problem leaves on each case it
 * resolves). The id is derived from what the note is about, so a retried resolution writes it once.
 */
public final class CaseNoteWrites {
  public static final String NOTES = "notes";
  private final MongoStore mongo;
  private final MongoCollection<Document> notes;

  public CaseNoteWrites(MongoStore mongo) {
    this.mongo = mongo;
    this.notes = mongo.collection(NOTES);
  }

  public Future<Void> write(String id, String caseId, String author, String text, Instant at) {
    return mongo.write(() -> {
      try {
        notes.insertOne(new Document("_id", id).append("caseId", caseId).append("author", author).append("text", text)
            .append("mentions", List.of()).append("createdAt", Dates.of(at)));
      } catch (MongoWriteException e) {
        if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
          throw e;
        }
      }
      return null;
    });
  }
}

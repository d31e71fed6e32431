package io.earshot.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import io.earshot.domain.broadcast.Notice;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * The {@code broadcast_notices} collection: which customer each notice of a broadcast went to.
 * {@code _id} is the notice's reply id and {@code (broadcastId, customerId)} is unique, so a notice
 * is recorded once however often a crash or a second runner records it again. Written before its
 * reply, so every notice reply can be found from here.
 */
public final class NoticeStore {
  private static final int DUPLICATE_KEY = 11000;
  private final MongoStore mongo;
  private final MongoCollection<Document> notices;

  public NoticeStore(MongoStore mongo) {
    this.mongo = mongo;
    this.notices = mongo.collection(MongoStore.BROADCAST_NOTICES);
  }

  /** Records a notice; answers false when it was recorded before. */
  public Future<Boolean> record(Notice n) {
    return mongo.write(() -> {
      try {
        notices.insertOne(new Document("_id", n.replyId()).append("broadcastId", n.broadcastId())
            .append("customerId", n.customerId()).append("account", n.account()).append("caseId", n.caseId())
            .append("createdAt", Dates.of(n.createdAt())));
        return true;
      } catch (MongoException e) {
        if (e.getCode() == DUPLICATE_KEY) {
          return false;
        }
        throw e;
      }
    });
  }

  /** The notices of a broadcast (a scan on the embedded server; a broadcast reaches thousands, not millions). */
  public Future<List<Notice>> ofBroadcast(String broadcastId) {
    return mongo.run(() -> notices.find(eq("broadcastId", broadcastId)).map(NoticeStore::fromDoc)
        .into(new ArrayList<>()));
  }

  /** The notice whose reply is {@code replyId}, or null when that reply is no notice. */
  public Future<Notice> byReply(String replyId) {
    return mongo.run(() -> {
      Document d = notices.find(eq("_id", replyId)).first();
      return d == null ? null : fromDoc(d);
    });
  }

  /** Whether customer {@code customerId} has a notice of broadcast {@code broadcastId}. */
  public Future<Boolean> exists(String broadcastId, String customerId) {
    return mongo.run(() -> notices.find(new Document("broadcastId", broadcastId).append("customerId", customerId))
        .first() != null);
  }

  private static Notice fromDoc(Document d) {
    return new Notice(d.getString("_id"), d.getString("broadcastId"), d.getString("customerId"),
        d.getString("account"), d.getString("caseId"), Dates.instant(d.get("createdAt")));
  }
}

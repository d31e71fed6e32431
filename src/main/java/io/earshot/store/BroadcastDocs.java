package io.earshot.store;

import io.earshot.domain.broadcast.Broadcast;
import io.earshot.domain.broadcast.BroadcastState;
import java.util.List;
import org.bson.Document;

/** Maps {@link Broadcast} to and from its document in {@code broadcasts}. */
final class BroadcastDocs {
  private BroadcastDocs() {
  }

  static Document toDoc(Broadcast b) {
    return new Document("_id", b.id()).append("brand", b.brand()).append("problemId", b.problemId())
        .append("text", b.text()).append("template", b.template()).append("accounts", b.accounts())
        .append("notifyAffected", b.notifyAffected()).append("noticeText", b.noticeText())
        .append("noticeTemplate", b.noticeTemplate()).append("state", b.state().code())
        .append("approval", ReplyDocs.approval(b.approval())).append("author", b.author())
        .append("createdAt", Dates.of(b.createdAt())).append("updatedAt", Dates.of(b.updatedAt()))
        .append("noticesTotal", b.noticesTotal()).append("lastError", b.lastError()).append("version", b.version());
  }

  static Broadcast fromDoc(Document d) {
    return new Broadcast(d.getString("_id"), d.getString("brand"), d.getString("problemId"), d.getString("text"),
        d.getString("template"), d.getList("accounts", String.class, List.of()), d.getBoolean("notifyAffected", false),
        d.getString("noticeText"), d.getString("noticeTemplate"), BroadcastState.fromCode(d.getString("state")),
        ReplyDocs.approval(d.get("approval", Document.class)), d.getString("author"),
        Dates.instant(d.get("createdAt")), Dates.instant(d.get("updatedAt")), d.getInteger("noticesTotal", 0),
        d.getString("lastError"), CaseDocs.version(d));
  }
}

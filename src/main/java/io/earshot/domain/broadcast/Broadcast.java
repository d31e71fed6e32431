package io.earshot.domain.broadcast;

import io.earshot.domain.approval.Approval;
import java.time.Instant;
import java.util.List;

/**
 * A one-to-many brand post: {@code text} published on every account of {@code accounts} and, with
 * {@code notifyAffected}, a personal notice ({@code noticeText}, or the {@code noticeTemplate}
 * filled per customer) in the thread of every customer whose case is linked to
 * {@code problemId}. {@code approval} binds the approver's decision to {@link #content()}: the
 * public text and the notice together, so an edit of either after approval is not approved.
 * {@code noticesTotal} is the audience found so far. Changes are {@link BroadcastLifecycle}'s.
 */
public record Broadcast(String id, String brand, String problemId, String text, String template,
                        List<String> accounts, boolean notifyAffected, String noticeText, String noticeTemplate,
                        BroadcastState state, Approval approval, String author, Instant createdAt,
                        Instant updatedAt, int noticesTotal, String lastError, long version) {
  public Broadcast {
    accounts = List.copyOf(accounts);
  }

  /** What an approval releases: the public text and the notice (its text, or the template's name). */
  public String content() {
    String notice = !notifyAffected ? "" : noticeText != null ? "text:" + noticeText : "template:" + noticeTemplate;
    return text + "\u0000notice:" + notice;
  }

  /** Whether the current content is the content approved. */
  public boolean approved() {
    return approval != null && approval.permits(content());
  }

  /** The same change with the approval it was decided with (no new version: one decision, one version). */
  Broadcast withApproval(Approval decided) {
    return new Broadcast(id, brand, problemId, text, template, accounts, notifyAffected, noticeText,
        noticeTemplate, state, decided, author, createdAt, updatedAt, noticesTotal, lastError, version);
  }

  Broadcast with(BroadcastState next, String newText, Approval newApproval, int total, String error, Instant at) {
    return new Broadcast(id, brand, problemId, newText, template, accounts, notifyAffected, noticeText,
        noticeTemplate, next, newApproval, author, createdAt, at, total, error, version + 1);
  }
}

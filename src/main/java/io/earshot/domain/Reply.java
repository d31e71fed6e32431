package io.earshot.domain;

import io.earshot.domain.approval.Approval;
import java.time.Instant;

/**
 * A brand answer in a case. It is written to the outbox before anything is sent; {@code id}
 * doubles as the idempotency key handed to the platform, so a retry can never post twice.
 * {@code version} grows with every change (each {@code with…} is one). {@code approval} is null
 * for a reply no policy held. {@code visibility} says whether it goes out as a public post or as a
 * private message to the customer (a Mastodon direct status). Changes are made by {@link ReplyLifecycle}, not by hand.
 */
public record Reply(String id, String caseId, Platform platform, String account, String text,
                    ReplyState state, String inReplyToExternalId, String author, String externalId,
                    int attempts, Instant nextAttemptAt, String lastError, Instant createdAt,
                    Instant sentAt, Engagement engagement, Approval approval, long version, Visibility visibility) {
  public Reply {
    visibility = visibility == null ? Visibility.PUBLIC : visibility;
  }

  /** A public reply (a post in the customer's thread). */
  public Reply(String id, String caseId, Platform platform, String account, String text,
               ReplyState state, String inReplyToExternalId, String author, String externalId,
               int attempts, Instant nextAttemptAt, String lastError, Instant createdAt,
               Instant sentAt, Engagement engagement, Approval approval, long version) {
    this(id, caseId, platform, account, text, state, inReplyToExternalId, author, externalId, attempts,
        nextAttemptAt, lastError, createdAt, sentAt, engagement, approval, version, Visibility.PUBLIC);
  }

  Reply with(ReplyState next, String newText, String newExternalId, int newAttempts, Instant newNextAttemptAt,
             String newError, Instant newSentAt) {
    return new Reply(id, caseId, platform, account, newText, next, inReplyToExternalId, author, newExternalId,
        newAttempts, newNextAttemptAt, newError, createdAt, newSentAt, engagement, approval, version + 1, visibility);
  }

  Reply withApproval(ReplyState next, String newText, Instant dueAt, Approval newApproval) {
    return new Reply(id, caseId, platform, account, newText, next, inReplyToExternalId, author, null, 0,
        dueAt, null, createdAt, null, engagement, newApproval, version + 1, visibility);
  }

  public Reply withEngagement(Engagement measured) {
    return new Reply(id, caseId, platform, account, text, state, inReplyToExternalId, author, externalId,
        attempts, nextAttemptAt, lastError, createdAt, sentAt, measured, approval, version + 1, visibility);
  }

  /** Whether a policy held this reply and its current text is not the text approved. */
  public boolean isPrivate() {
    return visibility == Visibility.PRIVATE;
  }

  public boolean lacksApproval() {
    return approval != null && !approval.permits(text);
  }
}

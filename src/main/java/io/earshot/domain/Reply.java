package io.earshot.domain;

import java.time.Instant;

/**
 * A brand answer in a case. It is written to the outbox before anything is sent; {@code id}
 * doubles as the idempotency key handed to the platform, so a retry can never post twice.
 */
public record Reply(String id, String caseId, Platform platform, String account, String text,
                    ReplyState state, String inReplyToExternalId, String author, String externalId,
                    int attempts, Instant nextAttemptAt, String lastError, Instant createdAt,
                    Instant sentAt, Engagement engagement) {
}

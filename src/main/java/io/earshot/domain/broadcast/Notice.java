package io.earshot.domain.broadcast;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * One personal notice of a broadcast: the reply {@code replyId} in the thread of customer
 * {@code customerId}'s case {@code caseId}, sent through {@code account}. The reply id is
 * derived from (broadcast, customer), so a notice made twice (a crash, two runners) is the same
 * outbox row and the same idempotency key on the platform: created once, sent at most once.
 */
public record Notice(String replyId, String broadcastId, String customerId, String account, String caseId,
                     Instant createdAt) {

  public static String replyIdOf(String broadcastId, String customerId) {
    return UUID.nameUUIDFromBytes(("notice\n" + broadcastId + "\n" + customerId).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  /** The outbox row of a broadcast's public post on one account. */
  public static String postIdOf(String broadcastId, String account) {
    return UUID.nameUUIDFromBytes(("post\n" + broadcastId + "\n" + account).getBytes(StandardCharsets.UTF_8))
        .toString();
  }
}

package io.earshot.domain.broadcast;

import io.earshot.domain.Platform;

/**
 * A customer a broadcast's notice goes to: their newest case linked to the problem, the account
 * that case came through, and the newest of their own mentions in it (the notice answers that
 * one, so it lands in their thread). {@code mentionExternalId} is null when the case holds none
 * of their posts; the notice is then a post addressed to them.
 */
public record NoticeTarget(String customerId, String handle, String caseId, Platform platform, String account,
                           String mentionExternalId) {
}

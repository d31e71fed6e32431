package io.earshot.store;

import java.time.Instant;

/** A mention as the inbox index lists it: newest received first, by platform. */
public record MentionEntry(String id, String platform, Instant receivedAt) {
}

package io.earshot.publish;

import io.earshot.live.Announcer;
import io.earshot.store.AuditLog;
import io.earshot.store.CaseStore;
import io.earshot.store.MentionStore;
import io.earshot.store.ReplyStore;

/** What the outbox reads and writes, gathered to keep constructors short. */
public record PublishStores(ReplyStore replies, MentionStore mentions, CaseStore cases,
                            AuditLog audit, Announcer announcer) {
}

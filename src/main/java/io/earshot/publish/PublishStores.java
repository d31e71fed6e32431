package io.earshot.publish;

import io.earshot.events.EventDispatcher;
import io.earshot.store.CaseStore;
import io.earshot.store.MentionStore;
import io.earshot.store.ReplyStore;

/** What the outbox reads and writes, and where it tells what changed; gathered to keep constructors short. */
public record PublishStores(ReplyStore replies, MentionStore mentions, CaseStore cases, EventDispatcher events) {
}

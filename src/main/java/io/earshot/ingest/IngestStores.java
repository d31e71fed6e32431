package io.earshot.ingest;

import io.earshot.events.EventDispatcher;
import io.earshot.store.CaseStore;
import io.earshot.store.CustomerStore;
import io.earshot.store.IngestJournal;
import io.earshot.store.MentionStore;
import io.earshot.store.ReplyStore;
import io.earshot.store.ThreadMoves;
import io.earshot.triage.Scorer;
import java.time.Clock;
import java.time.Duration;

/** What an ingest batch reads and writes, gathered so the pipeline's constructor stays short. */
public record IngestStores(MentionStore mentions, IngestJournal journal, CaseStore cases, CustomerStore customers,
                           ReplyStore replies, ThreadMoves moves, Scorer scorer, EventDispatcher events, Clock clock,
                           Duration reopenWindow) {
}

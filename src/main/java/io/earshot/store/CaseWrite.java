package io.earshot.store;

import io.earshot.domain.Mention;
import io.earshot.domain.Priority;
import java.time.Instant;
import java.util.List;

/**
 * What one ingest batch does to one case: create it (first mention) or add mentions to it,
 * possibly reopening it, with the triage of its latest mention and the case's new priority.
 * {@code brand} is the case's brand, written only when the case is created (a case's latest
 * mention may address another brand: it answered this case's thread). {@code previousCaseAt}
 * (null: none known) is when the customer's case before it with the brand opened, written like
 * the brand only when the case is created.
 */
public record CaseWrite(String caseId, boolean created, Mention latest, List<String> mentionIds,
                        int addedMentions, Priority priority, boolean reopen, String brand, Instant previousCaseAt) {
}

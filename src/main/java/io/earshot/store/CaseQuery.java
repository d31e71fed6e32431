package io.earshot.store;

import io.earshot.domain.CaseStatus;

/** A case listing: optional status filter, priority or newest first, and a page size. */
public record CaseQuery(CaseStatus status, boolean byPriority, int limit) {
}

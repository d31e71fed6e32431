package io.earshot.store;

import io.earshot.domain.CaseStatus;

/** A case listing: optional status and brand filters, priority or newest first, and a page size. */
public record CaseQuery(CaseStatus status, String brand, boolean byPriority, int limit) {
}

package io.earshot.inbox;

import io.earshot.domain.CaseStatus;

/** What an agent changes on a case; null fields stay as they are ("" clears the assignee). */
public record CaseChange(CaseStatus status, String assignee) {
}

package io.earshot.ingest;

import io.earshot.domain.CareCase;
import io.earshot.domain.CaseStatus;
import io.earshot.domain.Mention;
import io.earshot.store.CaseWrite;
import java.time.Instant;
import java.util.List;

/**
 * What a case looks like after an ingest write, computed from the case as it was read and the
 * write applied to it, so the batch can announce its cases without reading them back. Pure.
 */
final class CaseProjection {
  private CaseProjection() {
  }

  static CareCase apply(CareCase before, CaseWrite write, Instant now) {
    Mention m = write.latest();
    if (before == null) {
      return new CareCase(write.caseId(), m.platform(), m.account(), write.brand(), m.customerId(), m.author().handle(),
          CaseStatus.NEW, write.priority(), m.triage(), null, List.of(), m.text(), m.text(),
          write.addedMentions(), now, now, m.createdAt(), null, null, 1, null, null, null, null,
          write.previousCaseAt());
    }
    CaseStatus status = write.reopen() ? CaseStatus.OPEN : before.status();
    Instant lastMentionAt = before.lastMentionAt() == null || m.createdAt().isAfter(before.lastMentionAt())
        ? m.createdAt() : before.lastMentionAt();
    return new CareCase(before.id(), before.platform(), before.account(), before.brand(), before.customerId(),
        before.customerHandle(), status, write.priority(), m.triage(), before.assignee(), before.tags(),
        before.subject(), m.text(), before.mentionCount() + write.addedMentions(), before.createdAt(), now,
        lastMentionAt, before.firstResponseAt(), write.reopen() ? null : before.resolvedAt(), before.version() + 1,
        write.reopen() ? null : before.snoozedUntil(), before.sla(),
        before.team(), before.problemId(), before.previousCaseAt());
  }
}

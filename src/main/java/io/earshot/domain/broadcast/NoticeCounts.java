package io.earshot.domain.broadcast;

/**
 * How far a broadcast's personal notices on one account (or all of them) have come: of
 * {@code total} customers found, {@code sent} were told, {@code failed} could not be, and
 * {@code queued} wait (not yet created, paced, or being sent).
 */
public record NoticeCounts(int total, int sent, int queued, int failed) {
  public static final NoticeCounts NONE = new NoticeCounts(0, 0, 0, 0);

  public NoticeCounts plus(NoticeCounts o) {
    return new NoticeCounts(total + o.total, sent + o.sent, queued + o.queued, failed + o.failed);
  }
}

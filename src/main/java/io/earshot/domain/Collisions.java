package io.earshot.domain;

import io.earshot.error.DomainError;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Whether a reply could cross another agent's, decided from what is known when it is sent: the
 * case is claimed by someone else, someone else is typing on it, or the same mention was already
 * answered (by anyone: a reply held, queued or sent, not one sent back, failed or rejected) within
 * {@code window}. Each refusal is a
 * {@link DomainError.Collision} naming who; the agent sends again with confirmation to go ahead.
 */
public final class Collisions {
  private Collisions() {
  }

  public static void check(CareCase c, String targetExternalId, String user, List<String> typing, List<Reply> replies,
                           Instant now, Duration window) {
    if (c.assignee() != null && !c.assignee().equals(user)) {
      throw new DomainError.Collision(List.of(c.assignee()), "claimed",
          c.assignee() + " has claimed this case; send anyway with confirm");
    }
    List<String> others = typing.stream().filter(name -> !name.equals(user)).toList();
    if (!others.isEmpty()) {
      throw new DomainError.Collision(others, "typing", String.join(", ", others) + " "
          + (others.size() == 1 ? "is" : "are") + " typing on this case; send anyway with confirm");
    }
    List<String> answered = replies.stream()
        .filter(r -> targetExternalId != null && targetExternalId.equals(r.inReplyToExternalId()))
        .filter(r -> r.state() != ReplyState.FAILED && r.state() != ReplyState.REJECTED && r.state() != ReplyState.DRAFT)
        .filter(r -> r.createdAt() != null && r.createdAt().isAfter(now.minus(window)))
        .map(Reply::author).distinct().toList();
    if (!answered.isEmpty()) {
      throw new DomainError.Collision(answered, "replied", String.join(", ", answered)
          + " already replied to this mention in the last " + window.toMinutes() + " minutes; send anyway with confirm");
    }
  }
}

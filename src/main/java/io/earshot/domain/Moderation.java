package io.earshot.domain;

import io.earshot.domain.event.MentionEvents.MentionModerated;
import io.earshot.domain.event.EventType;
import io.earshot.error.DomainError;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * What the brand did to a customer's comment on the platform: left it visible, hid it (Facebook
 * and Instagram keep a hidden comment visible to its author and friends only) or deleted it.
 * Kept beside the mention, never in it: the mention is what the customer wrote, once and for all.
 * {@code version} orders changes like every versioned record; 0 means nobody moderated it yet.
 * Changes are made by {@link #apply}, a pure lifecycle: a deleted comment is gone for good, so it
 * can be neither hidden nor shown again ({@link DomainError.Conflict}); asking for the state it
 * is already in changes nothing (no events), so a repeated click never reaches the platform twice.
 */
public record Moderation(String mentionId, String caseId, Platform platform, State state, long version,
                         String changedBy, Instant changedAt) {

  /** Where the comment stands on the platform. */
  public enum State {
    VISIBLE("visible"), HIDDEN("hidden"), DELETED("deleted");

    private final String code;

    State(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }

    public static State fromCode(String code) {
      return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no moderation state " + code));
    }
  }

  /** What a brand manager or admin asks for; {@code code} is the API's spelling. */
  public enum Action {
    HIDE("hide", State.HIDDEN, EventType.MENTION_HIDDEN),
    UNHIDE("unhide", State.VISIBLE, EventType.MENTION_UNHIDDEN),
    DELETE("delete", State.DELETED, EventType.MENTION_DELETED);

    private final String code;
    private final State to;
    private final EventType event;

    Action(String code, State to, EventType event) {
      this.code = code;
      this.to = to;
      this.event = event;
    }

    public String code() {
      return code;
    }

    public State to() {
      return to;
    }

    /** The action of this API code, or {@link DomainError.Invalid} naming {@code action}. */
    public static Action fromCode(String code) {
      return Arrays.stream(values()).filter(a -> a.code.equals(code)).findFirst()
          .orElseThrow(() -> new DomainError.Invalid("action", "must be one of hide, unhide, delete"));
    }
  }

  /** A mention nobody has moderated: visible, as it came. */
  public static Moderation untouched(Mention mention) {
    return new Moderation(mention.id(), mention.caseId(), mention.platform(), State.VISIBLE, 0, null, null);
  }

  /** The comment after {@code action}; unchanged when it already is so, Conflict when it is deleted. */
  public static Decision<Moderation> apply(Moderation current, Action action, String actor, Instant now) {
    if (current.state() == action.to()) {
      return Decision.unchanged(current);
    }
    if (current.state() == State.DELETED) {
      throw new DomainError.Conflict("the comment " + current.mentionId() + " was deleted on "
          + current.platform().code() + " by " + current.changedBy() + "; it cannot be " + action.code() + "d");
    }
    Moderation next = new Moderation(current.mentionId(), current.caseId(), current.platform(), action.to(),
        current.version() + 1, actor, now);
    return new Decision<>(next, List.of(new MentionModerated(action.event, next, current.state(), actor, now)));
  }
}

package io.earshot.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.earshot.domain.Moderation.Action;
import io.earshot.domain.Moderation.State;
import io.earshot.domain.event.MentionEvents.MentionModerated;
import io.earshot.domain.event.EventType;
import io.earshot.error.DomainError;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The moderation lifecycle")
class ModerationTest {
  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
  private static final Moderation VISIBLE = new Moderation("facebook:1_2", "case-1", Platform.FACEBOOK, State.VISIBLE,
      0, null, null);

  @Test
  @DisplayName("hiding a visible comment is one mention.hidden by the actor, from visible, one version up")
  void hide() {
    Decision<Moderation> d = Moderation.apply(VISIBLE, Action.HIDE, "mia", NOW);
    assertEquals(State.HIDDEN, d.state().state());
    assertEquals(1, d.state().version());
    assertEquals("mia", d.state().changedBy());
    MentionModerated e = (MentionModerated) d.events().get(0);
    assertEquals(EventType.MENTION_HIDDEN, e.type());
    assertEquals(State.VISIBLE, e.from());
    assertEquals("mention:facebook:1_2", e.subject());
  }

  @Test
  @DisplayName("asking for the state a comment is already in changes nothing, so nothing reaches the platform")
  void sameStateIsNoChange() {
    assertFalse(Moderation.apply(VISIBLE, Action.UNHIDE, "mia", NOW).changed());
    Moderation hidden = Moderation.apply(VISIBLE, Action.HIDE, "mia", NOW).state();
    assertFalse(Moderation.apply(hidden, Action.HIDE, "ann", NOW).changed());
    Moderation deleted = Moderation.apply(hidden, Action.DELETE, "mia", NOW).state();
    assertFalse(Moderation.apply(deleted, Action.DELETE, "mia", NOW).changed());
  }

  @Test
  @DisplayName("a deleted comment can be neither hidden nor shown again")
  void deletedIsFinal() {
    Moderation deleted = Moderation.apply(VISIBLE, Action.DELETE, "mia", NOW).state();
    assertEquals(EventType.MENTION_DELETED, Moderation.apply(VISIBLE, Action.DELETE, "mia", NOW).events().get(0).type());
    assertThrows(DomainError.Conflict.class, () -> Moderation.apply(deleted, Action.HIDE, "mia", NOW));
    assertThrows(DomainError.Conflict.class, () -> Moderation.apply(deleted, Action.UNHIDE, "mia", NOW));
  }

  @Test
  @DisplayName("an unknown action is Invalid naming action")
  void unknownAction() {
    assertEquals("action", assertThrows(DomainError.Invalid.class, () -> Action.fromCode("ban")).field());
  }
}

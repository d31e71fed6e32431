package io.earshot.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.domain.event.AdminEvents.TemplateChanged;
import io.earshot.domain.event.EventType;
import io.earshot.error.DomainError;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The life of a saved reply")
class SavedReplyLifecycleTest {
  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  private static final Instant T1 = T0.plusSeconds(60);

  @Test
  @DisplayName("creating one names it, trims it, scopes it and tells template.created")
  void create() {
    Decision<SavedReply> d = SavedReplyLifecycle.create("t1",
        new SavedReplyLifecycle.Draft("  Thanks ", " Hi {{customer.firstName}} ", "tallycloud"), "mia", T0);
    assertEquals("Thanks", d.state().name());
    assertEquals("Hi {{customer.firstName}}", d.state().body());
    assertEquals("tallycloud", d.state().brand());
    assertEquals(1, d.state().version());
    TemplateChanged e = (TemplateChanged) d.events().get(0);
    assertEquals(EventType.TEMPLATE_CREATED, e.type());
    assertEquals("template:t1", e.subject());
    assertTrue(e.detail().contains("brand tallycloud"), e.detail());
  }

  @Test
  @DisplayName("each bad field is named: name, body, brand")
  void fieldsNamed() {
    assertEquals("name", field(new SavedReplyLifecycle.Draft(" ", "x", null)));
    assertEquals("name", field(new SavedReplyLifecycle.Draft("n".repeat(81), "x", null)));
    assertEquals("body", field(new SavedReplyLifecycle.Draft("n", "", null)));
    assertEquals("body", field(new SavedReplyLifecycle.Draft("n", "b".repeat(5001), null)));
    assertEquals("brand", field(new SavedReplyLifecycle.Draft("n", "x", "Not A Brand")));
  }

  @Test
  @DisplayName("a change says what changed; sharing sets the brand to null; changing nothing is no change")
  void update() {
    SavedReply r = SavedReplyLifecycle.create("t1", new SavedReplyLifecycle.Draft("Thanks", "Hi", "tallycloud"),
        "mia", T0).state();
    Decision<SavedReply> shared = SavedReplyLifecycle.update(r, new SavedReplyLifecycle.Patch(null, "Hello", true, null),
        "mia", T1);
    assertNull(shared.state().brand());
    assertEquals("Hello", shared.state().body());
    assertEquals(2, shared.state().version());
    assertTrue(((TemplateChanged) shared.events().get(0)).detail().contains("shared across brands"));
    assertFalse(SavedReplyLifecycle.update(r, new SavedReplyLifecycle.Patch("Thanks", "Hi", false, null), "mia", T1)
        .changed());
    assertThrows(DomainError.Invalid.class,
        () -> SavedReplyLifecycle.update(r, new SavedReplyLifecycle.Patch(null, null, false, null), "mia", T1));
  }

  @Test
  @DisplayName("a deleted one is a tombstone, told as template.deleted")
  void delete() {
    SavedReply r = SavedReplyLifecycle.imported("thanks", "Thank you!", T0);
    assertNull(r.brand());
    Decision<SavedReply> d = SavedReplyLifecycle.delete(r, "admin", T1);
    assertTrue(d.state().deleted());
    assertEquals(EventType.TEMPLATE_DELETED, d.events().get(0).type());
  }

  private static String field(SavedReplyLifecycle.Draft draft) {
    return assertThrows(DomainError.Invalid.class, () -> SavedReplyLifecycle.create("t", draft, "mia", T0)).field();
  }
}

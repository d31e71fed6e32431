package io.earshot.connector.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.domain.Mention;
import io.earshot.domain.Platform;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Mapping a sandbox feed item to a mention")
class SandboxMentionMapperTest {
  private final SandboxMentionMapper mapper = new SandboxMentionMapper("sandbox");

  private static JsonObject item() {
    return new JsonObject().put("id", "1764000000000001").put("text", "@NimbusAir 🙄 still waiting")
        .put("created_at", "2026-11-24T06:00:00Z").put("in_reply_to_id", null)
        .put("conversation_id", "1764000000000001").put("url", "http://127.0.0.1:1/@ana/1764000000000001")
        .put("lang", "en").put("brand", "NimbusAir")
        .put("author", new JsonObject().put("id", "u7").put("handle", "ana").put("name", "Ana")
            .put("followers", 1200).put("verified", true));
  }

  @Test
  @DisplayName("a complete item becomes a normalized sandbox mention")
  void mapsCompleteItem() {
    Mention m = mapper.map(item());
    assertEquals("sandbox:1764000000000001", m.id());
    assertEquals(Platform.SANDBOX, m.platform());
    assertEquals("sandbox", m.account());
    assertEquals("@NimbusAir 🙄 still waiting", m.text());
    assertEquals(Instant.parse("2026-11-24T06:00:00Z"), m.createdAt());
    assertNull(m.inReplyTo());
    assertEquals(1200, m.author().followers());
    assertTrue(m.author().verified());
    assertEquals("NimbusAir", m.meta().get("brand"));
    assertEquals("sandbox:u7", m.customerId());
  }

  @Test
  @DisplayName("optional author fields default to a small unverified account named by its handle")
  void optionalAuthorFields() {
    JsonObject item = item();
    item.put("author", new JsonObject().put("id", "u8").put("handle", "bo"));
    Mention m = mapper.map(item);
    assertEquals("bo", m.author().name());
    assertEquals(0, m.author().followers());
    assertFalse(m.author().verified());
  }

  @Test
  @DisplayName("each kind of malformed item is refused with the field it lacks")
  void refusesMalformed() {
    assertMessage("item is not a JSON object", "a string");
    assertMessage("id is missing or empty", item().put("id", ""));
    assertMessage("id is not a string", item().put("id", 12));
    assertMessage("id is not a sandbox id", item().put("id", "12; drop"));
    assertMessage("text is missing or empty", item().put("text", null));
    assertMessage("created_at is not an ISO-8601 instant", item().put("created_at", "24/11/2026"));
    assertMessage("author is missing or not an object", item().put("author", "ana"));
    assertMessage("author.followers is not a number", item().put("author",
        new JsonObject().put("id", "u").put("handle", "h").put("followers", "many")));
    assertMessage("in_reply_to_id is not a sandbox id", item().put("in_reply_to_id", "abc"));
  }

  private void assertMessage(String expected, Object item) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> mapper.map(item));
    assertEquals(expected, e.getMessage());
  }
}

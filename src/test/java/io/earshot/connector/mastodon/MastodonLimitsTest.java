package io.earshot.connector.mastodon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MastodonLimitsTest {

  @Test
  @DisplayName("limits come from /api/v2/instance, with Mastodon's defaults when absent")
  void fromInstance() {
    JsonObject instance = new JsonObject().put("configuration", new JsonObject().put("statuses",
        new JsonObject().put("max_characters", 5000).put("characters_reserved_per_url", 30)));
    assertEquals(new MastodonLimits(5000, 30), MastodonLimits.from(instance));
    assertEquals(MastodonLimits.DEFAULT, MastodonLimits.from(new JsonObject()));
  }

  @Test
  @DisplayName("each URL costs the reserved count; remote mentions count without their domain")
  void counting() {
    MastodonLimits limits = MastodonLimits.DEFAULT;
    assertEquals(23 * 2 + 7, limits.length("a http://x.y/1 b https://example.org/very/long?q=1 c"));
    assertEquals("@bob hi!".length(), limits.length("@bob@mastodon.social hi!"));
    assertEquals(3, limits.length("e\u0301👍🏽🇯🇵"));
  }
}

package io.earshot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Webhook delivery settings")
class WebhookConfigTest {
  private static EarshotConfig.Webhooks load(Map<String, String> env) {
    Map<String, String> all = new HashMap<>(env);
    all.put("EARSHOT_CONFIG", "src/test/resources/config/empty.json");
    return ConfigLoader.load(all).outbound().webhooks();
  }

  @Test
  @DisplayName("default to a 10 s timeout and retries from 5 s doubling to an hour, given up after a day")
  void defaults() {
    EarshotConfig.Webhooks w = load(Map.of());
    assertEquals(Duration.ofSeconds(10), w.timeout());
    assertEquals(Duration.ofSeconds(5), w.firstRetry());
    assertEquals(Duration.ofHours(1), w.maxRetry());
    assertEquals(Duration.ofHours(24), w.giveUpAfter());
  }

  @Test
  @DisplayName("are read in seconds from the environment, and a value out of range names its variable and key")
  void fromEnvironment() {
    EarshotConfig.Webhooks w = load(Map.of("EARSHOT_WEBHOOK_TIMEOUT_SECONDS", "3",
        "EARSHOT_WEBHOOK_RETRY_FIRST_SECONDS", "1", "EARSHOT_WEBHOOK_RETRY_MAX_SECONDS", "60",
        "EARSHOT_WEBHOOK_GIVE_UP_SECONDS", "600"));
    assertEquals(Duration.ofSeconds(3), w.timeout());
    assertEquals(Duration.ofSeconds(1), w.firstRetry());
    assertEquals(Duration.ofMinutes(1), w.maxRetry());
    assertEquals(Duration.ofMinutes(10), w.giveUpAfter());
    var zero = assertThrows(ConfigException.class, () -> load(Map.of("EARSHOT_WEBHOOK_TIMEOUT_SECONDS", "0")));
    assertTrue(zero.getMessage().startsWith("EARSHOT_WEBHOOK_TIMEOUT_SECONDS (webhookTimeoutSeconds)"),
        zero.getMessage());
  }
}

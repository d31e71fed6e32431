package io.earshot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Configuration from earshot.json and the environment")
class ConfigLoaderTest {
  private static final Map<String, String> NO_FILE = Map.of("EARSHOT_CONFIG", "src/test/resources/config/empty.json");

  @Test
  @DisplayName("no settings at all means embedded services, the sandbox and port 8080")
  void embeddedDefaults() {
    EarshotConfig c = ConfigLoader.load(NO_FILE);
    assertEquals(8080, c.http().port());
    assertTrue(c.stores().embeddedMongo());
    assertNull(c.stores().redisUrl());
    assertTrue(c.demo().sandbox());
    assertEquals("majority", c.stores().mongoDurability().writeConcern());
    assertTrue(c.stores().mongoDurability().journal());
    assertEquals(Path.of("./data"), c.stores().dataDir());
    assertNull(c.security().ingestToken());
    assertEquals(java.time.Duration.ofSeconds(60), c.outbound().engagementInterval());
  }

  @Test
  @DisplayName("the engagement interval is read in seconds and must be at least one")
  void engagementInterval() {
    assertEquals(java.time.Duration.ofSeconds(5),
        ConfigLoader.load(with("EARSHOT_ENGAGEMENT_INTERVAL_SECONDS", "5")).outbound().engagementInterval());
    var zero = assertThrows(ConfigException.class,
        () -> ConfigLoader.load(with("EARSHOT_ENGAGEMENT_INTERVAL_SECONDS", "0")));
    assertTrue(zero.getMessage().startsWith("EARSHOT_ENGAGEMENT_INTERVAL_SECONDS (engagementIntervalSeconds)"),
        zero.getMessage());
  }

  @Test
  @DisplayName("the embedded server's page cache is a quarter of the heap (at least 16 MB) unless set, and at least 1 MB")
  void embeddedCache() {
    long quarter = Runtime.getRuntime().maxMemory() / 4 / (1024 * 1024);
    assertEquals(Math.max(16, quarter), ConfigLoader.load(NO_FILE).stores().embeddedCacheMb());
    assertEquals(512, ConfigLoader.load(with("EARSHOT_EMBEDDED_CACHE_MB", "512")).stores().embeddedCacheMb());
    var zero = assertThrows(ConfigException.class, () -> ConfigLoader.load(with("EARSHOT_EMBEDDED_CACHE_MB", "0")));
    assertTrue(zero.getMessage().startsWith("EARSHOT_EMBEDDED_CACHE_MB (embeddedCacheMb)"), zero.getMessage());
  }

  @Test
  @DisplayName("the environment wins over the file")
  void environmentWins() {
    EarshotConfig c = ConfigLoader.load(Map.of("EARSHOT_CONFIG", "src/test/resources/config/sample.json",
        "EARSHOT_HTTP_PORT", "9090"));
    assertEquals(9090, c.http().port());
    assertEquals("from-file", c.security().ingestToken());
  }

  @Test
  @DisplayName("a real MongoDB turns the sandbox off unless asked for")
  void realMongoNoSandbox() {
    assertFalse(ConfigLoader.load(Map.of("EARSHOT_CONFIG", "src/test/resources/config/empty.json",
        "MONGO_URL", "mongodb://db:27017")).demo().sandbox());
  }

  @Test
  @DisplayName("bad values fail with the name of the setting")
  void badValuesNamed() {
    var port = assertThrows(ConfigException.class, () -> ConfigLoader.load(with("EARSHOT_HTTP_PORT", "eighty")));
    assertTrue(port.getMessage().startsWith("EARSHOT_HTTP_PORT (httpPort)"), port.getMessage());
    var sandbox = assertThrows(ConfigException.class, () -> ConfigLoader.load(with("EARSHOT_SANDBOX", "maybe")));
    assertTrue(sandbox.getMessage().contains("must be on or off"));
    var mongo = assertThrows(ConfigException.class, () -> ConfigLoader.load(with("MONGO_URL", "http://x")));
    assertTrue(mongo.getMessage().startsWith("MONGO_URL (mongoUrl): must start with mongodb://"));
    var concern = assertThrows(ConfigException.class, () -> ConfigLoader.load(with("EARSHOT_MONGO_WRITE_CONCERN", "0")));
    assertTrue(concern.getMessage().startsWith("EARSHOT_MONGO_WRITE_CONCERN (mongoWriteConcern)"), concern.getMessage());
    var range = assertThrows(ConfigException.class, () -> ConfigLoader.load(with("EARSHOT_HTTP_PORT", "70000")));
    assertTrue(range.getMessage().contains("outside 0..65535"));
  }

  @Test
  @DisplayName("HTTP limits, allowed origins and trusted proxies have safe defaults and are validated")
  void httpSecurity() {
    EarshotConfig c = ConfigLoader.load(NO_FILE);
    assertEquals(java.time.Duration.ofSeconds(60), c.http().idleTimeout());
    assertEquals(java.time.Duration.ofSeconds(30), c.http().bodyTimeout());
    assertEquals(java.util.List.of(), c.http().allowedOrigins());
    assertEquals(20, c.security().signIn().perAccount());
    EarshotConfig set = ConfigLoader.load(with("EARSHOT_ALLOWED_ORIGINS", "https://Care.Example.com, http://10.0.0.5:8080"));
    assertEquals(java.util.List.of("https://care.example.com", "http://10.0.0.5:8080"), set.http().allowedOrigins());
    var origin = assertThrows(ConfigException.class, () -> ConfigLoader.load(with("EARSHOT_ALLOWED_ORIGINS", "care.example.com")));
    assertTrue(origin.getMessage().startsWith("EARSHOT_ALLOWED_ORIGINS (allowedOrigins)"), origin.getMessage());
    var proxy = assertThrows(ConfigException.class, () -> ConfigLoader.load(with("EARSHOT_TRUSTED_PROXIES", "nginx")));
    assertTrue(proxy.getMessage().startsWith("EARSHOT_TRUSTED_PROXIES (trustedProxies)"), proxy.getMessage());
  }

  @Test
  @DisplayName("secrets never appear in the loggable form")
  void redacted() {
    String text = ConfigLoader.load(Map.of("EARSHOT_CONFIG", "src/test/resources/config/empty.json",
        "EARSHOT_INGEST_TOKEN", "s3cret-token", "REDIS_URL", "redis://:pw@cache:6379")).redacted();
    assertFalse(text.contains("s3cret-token"));
    assertFalse(text.contains("pw@"));
  }

  private static Map<String, String> with(String key, String value) {
    return Map.of("EARSHOT_CONFIG", "src/test/resources/config/empty.json", key, value);
  }
}

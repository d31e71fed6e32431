package io.earshot.testing;

import static io.earshot.testing.ApiClient.eventually;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.demo.emulator.meta.MetaEmulator;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A Facebook Page on the Graph emulator, for tests that need a comment the hub can moderate
 * beside their sandbox account: {@link #addAccount} writes its account file (polling every
 * second), {@link #comment} seeds a comment and waits until the hub stored it.
 */
public final class MetaPage implements AutoCloseable {
  private final Vertx vertx = Vertx.vertx();
  private final MetaEmulator emulator = new MetaEmulator(vertx, false);

  public MetaPage() {
    emulator.start(0).await();
  }

  public MetaEmulator emulator() {
    return emulator;
  }

  /** Writes {@code <dir>/meta-page.json}, a Facebook account on this emulator. */
  public Path addAccount(Path dir) {
    JsonObject account = new JsonObject().put("name", "meta-page").put("platform", "facebook").put("enabled", true)
        .put("baseUrl", emulator.baseUrl()).put("credentials", new JsonObject().put("accessToken", MetaEmulator.PAGE_TOKEN))
        .put("pollIntervalSeconds", 1);
    try {
      Files.writeString(dir.resolve("meta-page.json"), account.encode());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dir;
  }

  /** Seeds a customer comment and answers the id of its stored mention ({@code facebook:<comment id>}). */
  public String comment(ApiClient admin, String text) {
    emulator.seedMention(text);
    String externalId = emulator.mentionIds().get(emulator.mentionIds().size() - 1);
    String id = "facebook:" + externalId;
    assertTrue(eventually(Duration.ofSeconds(20), () -> admin.get("/api/v1/mentions?platform=facebook&limit=500").json()
        .getJsonArray("items").stream().anyMatch(m -> id.equals(((JsonObject) m).getString("id")))),
        "the comment " + id + " was stored");
    return id;
  }

  @Override
  public void close() {
    emulator.stop().await();
    vertx.close().await();
  }
}

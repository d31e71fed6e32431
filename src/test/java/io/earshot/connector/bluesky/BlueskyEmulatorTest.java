package io.earshot.connector.bluesky;

import static io.earshot.connector.PollDriver.await;

import io.earshot.demo.emulator.bluesky.BlueskyEmulator;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** A fresh Bluesky emulator (PDS, AppView and chat) for each test of the Bluesky connector. */
@ExtendWith(VertxExtension.class)
abstract class BlueskyEmulatorTest {
  protected BlueskyEmulator emulator;
  protected Vertx vertx;

  @BeforeEach
  void startEmulator(Vertx vertx) throws Exception {
    this.vertx = vertx;
    emulator = new BlueskyEmulator(vertx);
    await(emulator.start(0));
  }

  @AfterEach
  void stopEmulator() throws Exception {
    await(emulator.stop());
  }
}

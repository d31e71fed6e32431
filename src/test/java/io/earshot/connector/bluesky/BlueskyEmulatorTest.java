package io.earshot.connector.bluesky;

import io.earshot.connector.EmulatorPerTest;
import io.earshot.demo.emulator.bluesky.BlueskyEmulator;
import io.vertx.core.Vertx;

/** A fresh Bluesky emulator (PDS, AppView and chat) for each test of the Bluesky connector. */
abstract class BlueskyEmulatorTest extends EmulatorPerTest<BlueskyEmulator> {
  @Override
  protected BlueskyEmulator newEmulator(Vertx vertx) {
    return new BlueskyEmulator(vertx);
  }
}

package io.earshot.connector.xv2;

import io.earshot.connector.EmulatorPerTest;
import io.earshot.connector.StoreFixture;
import io.earshot.demo.emulator.xv2.XV2Emulator;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh X v2 emulator and connector stores for each test of the v2 connector. */
abstract class XV2EmulatorTest extends EmulatorPerTest<XV2Emulator> {
  protected StoreFixture store;

  @Override
  protected XV2Emulator newEmulator(Vertx vertx) {
    return new XV2Emulator(vertx);
  }

  @BeforeEach
  void openStore(Vertx vertx) throws Exception {
    store = new StoreFixture(vertx);
  }

  @AfterEach
  void closeStore() throws Exception {
    store.close();
  }
}

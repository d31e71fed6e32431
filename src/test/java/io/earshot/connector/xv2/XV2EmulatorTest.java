package io.earshot.connector.xv2;

import static io.earshot.connector.PollDriver.await;

import io.earshot.connector.StoreFixture;
import io.earshot.demo.emulator.xv2.XV2Emulator;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** A fresh X v2 emulator and connector stores for each test of the v2 connector. */
@ExtendWith(VertxExtension.class)
abstract class XV2EmulatorTest {
  protected XV2Emulator emulator;
  protected StoreFixture store;
  protected Vertx vertx;

  @BeforeEach
  void startEmulator(Vertx vertx) throws Exception {
    this.vertx = vertx;
    emulator = new XV2Emulator(vertx);
    await(emulator.start(0));
    store = new StoreFixture(vertx);
  }

  @AfterEach
  void stopEmulator() throws Exception {
    await(emulator.stop());
    store.close();
  }
}

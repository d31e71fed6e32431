package io.earshot.connector;

import static io.earshot.connector.PollDriver.await;

import io.earshot.demo.emulator.EmulatorServer;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A fresh platform emulator on a free port for each test of a connector: no test sees another's
 * posts, cursors or faults. Each platform's base names only which emulator it starts.
 */
@ExtendWith(VertxExtension.class)
public abstract class EmulatorPerTest<E extends EmulatorServer> {
  protected E emulator;
  protected Vertx vertx;

  /** The platform's emulator, not yet started. */
  protected abstract E newEmulator(Vertx vertx);

  @BeforeEach
  void startEmulator(Vertx vertx) throws Exception {
    this.vertx = vertx;
    emulator = newEmulator(vertx);
    await(emulator.start(0));
  }

  @AfterEach
  void stopEmulator() throws Exception {
    await(emulator.stop());
  }
}

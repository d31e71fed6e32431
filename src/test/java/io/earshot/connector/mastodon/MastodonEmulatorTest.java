package io.earshot.connector.mastodon;

import static io.earshot.connector.PollDriver.await;

import io.earshot.connector.Connector;
import io.earshot.connector.ConnectorAccount;
import io.earshot.connector.Connectors;
import io.earshot.demo.emulator.mastodon.MastodonEmulator;
import io.earshot.domain.Platform;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** A fresh Mastodon emulator for each test of the Mastodon connector, and connectors started against it. */
@ExtendWith(VertxExtension.class)
abstract class MastodonEmulatorTest {
  protected MastodonEmulator emulator;
  protected Vertx vertx;

  @BeforeEach
  void startEmulator(Vertx vertx) throws Exception {
    this.vertx = vertx;
    emulator = new MastodonEmulator(vertx);
    await(emulator.start(0));
  }

  @AfterEach
  void stopEmulator() throws Exception {
    await(emulator.stop());
  }

  protected Connector connector() throws Exception {
    return connector(emulator);
  }

  /** The brand's account on {@code emulator}, 80 notifications a page, started. */
  protected Connector connector(MastodonEmulator emulator) throws Exception {
    ConnectorAccount account = new ConnectorAccount("brand-mastodon", Platform.MASTODON, true,
        emulator.baseUrl(), Map.of("accessToken", MastodonEmulator.TOKEN), 1, List.of(),
        Map.of("pageSize", 80));
    Connector connector = Connectors.create(vertx, account);
    await(connector.start());
    return connector;
  }
}

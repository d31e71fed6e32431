package io.earshot.connector.mastodon;

import static io.earshot.connector.PollDriver.await;

import io.earshot.connector.Connector;
import io.earshot.connector.ConnectorAccount;
import io.earshot.connector.Connectors;
import io.earshot.connector.EmulatorPerTest;
import io.earshot.demo.emulator.mastodon.MastodonEmulator;
import io.earshot.domain.Platform;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;

/** A fresh Mastodon emulator for each test of the Mastodon connector, and connectors started against it. */
abstract class MastodonEmulatorTest extends EmulatorPerTest<MastodonEmulator> {
  @Override
  protected MastodonEmulator newEmulator(Vertx vertx) {
    return new MastodonEmulator(vertx);
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

package io.earshot.connector;

import org.junit.jupiter.api.AfterEach;

/**
 * A test of one platform's connector inside a real hub: {@link #start} makes that platform's
 * {@link ConnectorFixture}, and after each test it is closed (which checks no credential was
 * logged). Parameterize over {@code io.earshot.connector.EmulatedPlatform#codes}.
 */
abstract class PlatformAccountTest {
  protected ConnectorFixture fixture;
  protected EmulatedPlatform platform;

  protected void start(String code) {
    fixture = new ConnectorFixture(code);
    platform = fixture.platform();
  }

  @AfterEach
  void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }
}

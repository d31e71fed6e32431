package io.earshot.connector;

import io.earshot.domain.Platform;
import java.util.List;
import java.util.Map;

/**
 * One connected platform account, read from {@code connectors/<name>.json}. Credentials are
 * already resolved from {@code ${ENV}} references and must never be logged; {@link #toString()}
 * redacts them. {@code keywords} are extra search terms for untagged brand talk.
 */
public record ConnectorAccount(String name, Platform platform, boolean enabled, String baseUrl,
                               Map<String, String> credentials, int pollIntervalSeconds,
                               List<String> keywords, Map<String, Object> options) {
  public ConnectorAccount {
    credentials = Map.copyOf(credentials);
    keywords = keywords == null ? List.of() : List.copyOf(keywords);
    options = options == null ? Map.of() : Map.copyOf(options);
  }

  public String credential(String key) {
    return credentials.get(key);
  }

  @Override
  public String toString() {
    return "ConnectorAccount[name=" + name + ", platform=" + platform.code() + ", enabled="
        + enabled + ", baseUrl=" + baseUrl + ", credentials=" + credentials.keySet()
        + " (redacted), pollIntervalSeconds=" + pollIntervalSeconds + "]";
  }
}

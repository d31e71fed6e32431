package io.earshot.connector;

import io.earshot.connector.budget.BudgetPolicy;
import io.earshot.domain.Brand;
import io.earshot.domain.Platform;
import java.util.List;
import java.util.Map;

/**
 * One connected platform account, read from {@code connectors/<name>.json}. Credentials are
 * already resolved from {@code ${ENV}} references and must never be logged; {@link #toString()}
 * redacts them. {@code keywords} are extra search terms for untagged brand talk; {@code budget}
 * the account's request and money limits (unlimited when the file has none). {@code brand} is the
 * brand its mentions belong to (the default brand when the file names none), or
 * {@link Brand#BY_HANDLE} for an account serving several brands.
 */
public record ConnectorAccount(String name, Platform platform, boolean enabled, String baseUrl,
                               Map<String, String> credentials, int pollIntervalSeconds,
                               List<String> keywords, Map<String, Object> options, BudgetPolicy budget,
                               String brand) {
  public ConnectorAccount {
    credentials = Map.copyOf(credentials);
    keywords = keywords == null ? List.of() : List.copyOf(keywords);
    options = options == null ? Map.of() : Map.copyOf(options);
    budget = budget == null ? BudgetPolicy.unlimited(platform, usesXv2(platform, options)) : budget;
    brand = brand == null ? Brand.DEFAULT_ID : brand;
  }

  /** An account of the default brand. */
  public ConnectorAccount(String name, Platform platform, boolean enabled, String baseUrl,
                          Map<String, String> credentials, int pollIntervalSeconds,
                          List<String> keywords, Map<String, Object> options, BudgetPolicy budget) {
    this(name, platform, enabled, baseUrl, credentials, pollIntervalSeconds, keywords, options, budget, null);
  }

  /** An account without a budget section. */
  public ConnectorAccount(String name, Platform platform, boolean enabled, String baseUrl,
                          Map<String, String> credentials, int pollIntervalSeconds,
                          List<String> keywords, Map<String, Object> options) {
    this(name, platform, enabled, baseUrl, credentials, pollIntervalSeconds, keywords, options, null, null);
  }

  public String credential(String key) {
    return credentials.get(key);
  }

  /** X accounts choose the API with {@code "options": {"api": "v2"}}; v1.1 stays the default. */
  public boolean xV2() {
    return usesXv2(platform, options);
  }

  static boolean usesXv2(Platform platform, Map<String, Object> options) {
    return platform == Platform.X && options != null && "v2".equals(String.valueOf(options.get("api")));
  }

  @Override
  public String toString() {
    return "ConnectorAccount[name=" + name + ", platform=" + platform.code() + ", enabled="
        + enabled + ", baseUrl=" + baseUrl + ", credentials=" + credentials.keySet()
        + " (redacted), pollIntervalSeconds=" + pollIntervalSeconds + ", brand=" + brand + "]";
  }
}

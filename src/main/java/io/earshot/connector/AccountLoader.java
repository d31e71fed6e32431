package io.earshot.connector;

import io.earshot.brand.BrandFile;
import io.earshot.config.ConfigException;
import io.earshot.connector.budget.BudgetPolicy;
import io.earshot.domain.Brand;
import io.earshot.domain.Platform;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads {@code connectors/*.json}, one account per file (except {@code brands.json}, the brands
 * to create), resolving {@code ${VAR}} references in {@code baseUrl} and {@code credentials} from
 * the given variables. A malformed file stops start-up with a message naming the file and field;
 * an account whose references are not set, or that names a brand that does not exist
 * ({@link #withKnownBrands}), is kept but marked, so health can say why it is not running.
 */
public final class AccountLoader {
  private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

  /**
   * A loaded account and, when it cannot run, the reason and the names of the variables its
   * references need (without {@code ${}}), empty when everything resolved.
   */
  public record Loaded(ConnectorAccount account, String problem, List<String> missing) {
    public Loaded {
      missing = List.copyOf(missing);
    }
  }

  private AccountLoader() {
  }

  public static List<Loaded> load(Path dir, Map<String, String> variables) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<Loaded> accounts = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".json"))
          .filter(p -> !p.getFileName().toString().equals(BrandFile.NAME)).sorted().toList()) {
        accounts.add(parse(file, read(file), variables));
      }
    } catch (IOException e) {
      throw new ConfigException(dir + ": cannot list connector accounts (" + e.getMessage() + ")");
    }
    return accounts;
  }

  private static JsonObject read(Path file) {
    try {
      return new JsonObject(Files.readString(file));
    } catch (IOException | DecodeException e) {
      throw new ConfigException(file + ": not a JSON object (" + e.getMessage() + ")");
    }
  }

  static Loaded parse(Path file, JsonObject json, Map<String, String> variables) {
    String name = required(file, json, "name");
    String platformCode = required(file, json, "platform");
    Platform platform = Platform.fromCode(platformCode)
        .orElseThrow(() -> new ConfigException(file + ": platform '" + platformCode + "' is not one of x, mastodon, bluesky, reddit, facebook, instagram, threads, sandbox"));
    List<String> missing = new ArrayList<>();
    String baseUrl = resolve(json.getString("baseUrl"), variables, missing);
    Map<String, String> credentials = new LinkedHashMap<>();
    JsonObject raw = json.getJsonObject("credentials", new JsonObject());
    raw.fieldNames().forEach(k -> credentials.put(k, resolve(String.valueOf(raw.getValue(k)), variables, missing)));
    int interval = json.getInteger("pollIntervalSeconds", 30);
    if (interval < 1) {
      throw new ConfigException(file + ": pollIntervalSeconds must be at least 1");
    }
    List<String> keywords = json.getJsonArray("keywords", new io.vertx.core.json.JsonArray()).stream()
        .map(String::valueOf).toList();
    Map<String, Object> options = json.getJsonObject("options", new JsonObject()).getMap();
    ConnectorAccount account = new ConnectorAccount(name, platform, json.getBoolean("enabled", true),
        baseUrl, credentials, interval, keywords, options, budget(file, json, platform, options), brand(file, json));
    String problem = missing.isEmpty() ? null : "not configured: "
        + String.join(", ", missing.stream().map(v -> "${" + v + "}").toList()) + " not set";
    return new Loaded(account, problem, missing);
  }

  /** A brand id, or {@code by-handle} for an account serving several brands; none is the default brand. */
  private static String brand(Path file, JsonObject json) {
    Object value = json.getValue("brand");
    if (value == null) {
      return Brand.DEFAULT_ID;
    }
    if (!(value instanceof String brand) || !Brand.BY_HANDLE.equals(brand) && !Brand.isValidId(brand)) {
      throw new ConfigException(file + ": brand must be a brand id (lower-case letters, digits and hyphens, "
          + "such as tallycloud) or \"" + Brand.BY_HANDLE + "\"");
    }
    return brand;
  }

  /** Account name → the brand its file names ({@code by-handle} included). */
  public static Map<String, String> brands(List<Loaded> accounts) {
    Map<String, String> brands = new LinkedHashMap<>();
    accounts.forEach(l -> brands.put(l.account().name(), l.account().brand()));
    return brands;
  }

  /**
   * The accounts, with those naming a brand not among {@code known} marked as unable to run
   * (their mentions would have no brand to belong to); an account already marked keeps its reason.
   */
  public static List<Loaded> withKnownBrands(List<Loaded> accounts, Set<String> known) {
    return accounts.stream().map(l -> {
      String brand = l.account().brand();
      if (l.problem() != null || Brand.BY_HANDLE.equals(brand) || known.contains(brand)) {
        return l;
      }
      return new Loaded(l.account(), "brand '" + brand + "' is not a known brand: add it to "
          + BrandFile.NAME + " or POST /api/v1/brands, then restart", List.of());
    }).toList();
  }

  private static BudgetPolicy budget(Path file, JsonObject json, Platform platform, Map<String, Object> options) {
    Object raw = json.getValue("budget");
    if (raw != null && !(raw instanceof JsonObject)) {
      throw new ConfigException(file + ": budget must be an object");
    }
    try {
      return BudgetPolicy.parse((JsonObject) raw, platform, ConnectorAccount.usesXv2(platform, options));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(file + ": " + e.getMessage());
    }
  }

  private static String required(Path file, JsonObject json, String field) {
    Object value = json.getValue(field);
    if (!(value instanceof String text) || text.isBlank()) {
      throw new ConfigException(file + ": " + field + " is required");
    }
    return text;
  }

  private static String resolve(String value, Map<String, String> variables, List<String> missing) {
    if (value == null) {
      return null;
    }
    Matcher m = REFERENCE.matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String replacement = variables.get(m.group(1));
      if (replacement == null) {
        missing.add(m.group(1));
        replacement = "";
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }
}

package io.earshot.triage;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Builds the hub's triage engine from files an admin may edit without a rebuild:
 * {@code <dataDir>/reasons.json} (contact-reason taxonomy), {@code <dataDir>/reasons.<brand>.json}
 * (a brand's own taxonomy, used for mentions to that brand id) and
 * {@code <dataDir>/priority-weights.json}; a missing file means the bundled defaults. A file that
 * does not validate stops start-up with a message naming the field.
 */
public final class TriageSetup {
  public static final String REASONS_FILE = "reasons.json";
  public static final String WEIGHTS_FILE = "priority-weights.json";
  private static final Pattern BRAND_FILE = Pattern.compile("reasons\\.([A-Za-z0-9_-]{1,64})\\.json");

  private TriageSetup() {
  }

  public static TriageEngine fromDataDir(Path dataDir) {
    Path reasons = dataDir.resolve(REASONS_FILE);
    Path weights = dataDir.resolve(WEIGHTS_FILE);
    try {
      Taxonomy taxonomy = Files.isRegularFile(reasons) ? Taxonomy.load(reasons) : Taxonomy.defaults();
      PriorityWeights priority = Files.isRegularFile(weights)
          ? PriorityWeights.fromJson(new JsonObject(Files.readString(weights))) : PriorityWeights.defaults();
      return new TriageEngine(taxonomy, brandTaxonomies(dataDir), priority);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read triage settings in " + dataDir, e);
    }
  }

  /** {@code reasons.<brand>.json} files, keyed by brand id. */
  static Map<String, Taxonomy> brandTaxonomies(Path dataDir) throws IOException {
    Map<String, Taxonomy> out = new HashMap<>();
    if (!Files.isDirectory(dataDir)) {
      return out;
    }
    try (Stream<Path> files = Files.list(dataDir)) {
      for (Path file : files.toList()) {
        Matcher m = BRAND_FILE.matcher(file.getFileName().toString());
        if (m.matches() && Files.isRegularFile(file)) {
          out.put(m.group(1), Taxonomy.load(file));
        }
      }
    }
    return out;
  }
}

package io.earshot.triage;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Builds the hub's triage engine from files an admin may edit without a rebuild:
 * {@code <dataDir>/reasons.json} (contact-reason taxonomy) and
 * {@code <dataDir>/priority-weights.json}; either missing means the bundled defaults. A file that
 * does not validate stops start-up with a message naming the field.
 */
public final class TriageSetup {
  public static final String REASONS_FILE = "reasons.json";
  public static final String WEIGHTS_FILE = "priority-weights.json";

  private TriageSetup() {
  }

  public static TriageEngine fromDataDir(Path dataDir) {
    Path reasons = dataDir.resolve(REASONS_FILE);
    Path weights = dataDir.resolve(WEIGHTS_FILE);
    try {
      Taxonomy taxonomy = Files.isRegularFile(reasons) ? Taxonomy.load(reasons) : Taxonomy.defaults();
      PriorityWeights priority = Files.isRegularFile(weights)
          ? PriorityWeights.fromJson(new JsonObject(Files.readString(weights))) : PriorityWeights.defaults();
      return new TriageEngine(taxonomy, priority);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read triage settings in " + dataDir, e);
    }
  }
}

package io.earshot.triage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where the public labelled data sets live: a folder given explicitly ({@code --data DIR} on
 * the command line, or the system property {@value #PROPERTY}), else {@code ../shared/data}
 * beside the clone, else {@code ../../shared/data} (a worktree one level deeper), else
 * {@value #MACHINE_DATA} (CI runs on a fresh clone whose location is not known in advance).
 * They are read in place and never copied into the repository.
 */
final class SharedData {
  static final String PROPERTY = "earshot.data";
  static final String MARKER = "vader-tweets-groundtruth.tsv";
  /** The machine's shared data folder, found whatever directory the clone sits in. */
  static final String MACHINE_DATA = "/work/shared/data";

  private SharedData() {
  }

  static Optional<Path> locate(String explicit) {
    if (explicit != null && !explicit.isBlank()) {
      return Optional.of(Path.of(explicit));
    }
    String property = System.getProperty(PROPERTY);
    if (property != null && !property.isBlank()) {
      return Optional.of(Path.of(property));
    }
    return candidates().stream().filter(p -> Files.isRegularFile(p.resolve(MARKER))).findFirst();
  }

  /** The folders tried, in order, when none is given. */
  static List<Path> candidates() {
    return List.of(Path.of("..", "shared", "data"), Path.of("..", "..", "shared", "data"),
        Path.of(MACHINE_DATA));
  }

  static String missingMessage() {
    return "public data sets not found: pass --data DIR or -D" + PROPERTY
        + "=DIR (tried ../shared/data, ../../shared/data and " + MACHINE_DATA + ")";
  }
}

package io.earshot.triage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the public labelled data sets live: a folder given explicitly ({@code --data DIR} on
 * the command line, or the system property {@value #PROPERTY}), else {@code ../shared/data}
 * beside the clone (as in CI), else {@code ../../shared/data} (a worktree one level deeper).
 * They are read in place and never copied into the repository.
 */
final class SharedData {
  static final String PROPERTY = "earshot.data";
  static final String MARKER = "vader-tweets-groundtruth.tsv";

  private SharedData() {
  }

  static Optional<Path> locate(String explicit) {
    List<Path> candidates = new ArrayList<>();
    if (explicit != null && !explicit.isBlank()) {
      return Optional.of(Path.of(explicit));
    }
    String property = System.getProperty(PROPERTY);
    if (property != null && !property.isBlank()) {
      return Optional.of(Path.of(property));
    }
    candidates.add(Path.of("..", "shared", "data"));
    candidates.add(Path.of("..", "..", "shared", "data"));
    return candidates.stream().filter(p -> Files.isRegularFile(p.resolve(MARKER))).findFirst();
  }

  static String missingMessage() {
    return "public data sets not found: pass --data DIR or -D" + PROPERTY
        + "=DIR (tried ../shared/data and ../../shared/data)";
  }
}

package io.earshot.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;

/**
 * The reply templates shipped as files, {@code webroot/templates/replies/<name>.hbs}: read once at
 * start-up (blocking: call it on a worker) and imported into the saved replies, each only once
 * ({@link SavedReplies#importOnce}); from then on they are managed in the dashboard.
 */
public final class TemplateFiles {
  private TemplateFiles() {
  }

  /** Bodies by name, in name order; empty when {@code dir} is not a directory. */
  public static Map<String, String> read(Path dir) {
    Map<String, String> sources = new LinkedHashMap<>();
    if (!Files.isDirectory(dir)) {
      LoggerFactory.getLogger(TemplateFiles.class).warn("no reply template files: {} is not a directory",
          dir.toAbsolutePath());
      return sources;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".hbs")).sorted().toList()) {
        sources.put(file.getFileName().toString().replaceFirst("\\.hbs$", ""), Files.readString(file).strip());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read reply templates in " + dir, e);
    }
    return sources;
  }
}

package io.earshot.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.util.IOUtils;

/**
 * The temporary data directories of a bench run. A run at realistic sizes writes gigabytes (the
 * embedded store, the inbox index); they are deleted when the process exits, so repeated runs do
 * not fill the machine's temporary directory. A killed run leaves its directory behind, named
 * {@code earshot-bench*}.
 */
final class BenchDirs {
  private BenchDirs() {
  }

  static Path temporary(String prefix) throws IOException {
    Path dir = Files.createTempDirectory(prefix);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir), "bench-dir-cleanup"));
    return dir;
  }

  /** Deletes a bench's directory now (a run at realistic sizes should not keep gigabytes until exit). */
  static void delete(Path dir) {
    try {
      IOUtils.rm(dir);
    } catch (IOException ignored) {
      // best effort on the way out: nothing is left to tell
    }
  }
}

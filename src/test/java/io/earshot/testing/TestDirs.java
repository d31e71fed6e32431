package io.earshot.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.util.IOUtils;

/**
 * Temporary directories of one test JVM, all under one root that is deleted when the JVM exits.
 * A whole suite writes gigabytes of data files (hub stores, inbox indexes, browser profiles); left
 * in the system's temporary directory they filled the disk of a machine that ran it often. Roots
 * of test JVMs that are gone (killed, so their hook never ran) are swept when the next one starts.
 */
public final class TestDirs {
  private static final String ROOT_PREFIX = "earshot-tests-";
  private static final Path ROOT = createRoot();

  private TestDirs() {
  }

  /** A new empty directory under this JVM's root. */
  public static Path create(String prefix) {
    try {
      return Files.createTempDirectory(ROOT, prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes a directory made here once its test is done with it; a failure only leaves it for the exit hook. */
  public static void delete(Path dir) {
    if (dir == null) {
      return; // the test never got as far as making it
    }
    try {
      IOUtils.rm(dir);
    } catch (IOException ignored) {
      // still under the root, which goes when the JVM exits
    }
  }

  private static Path createRoot() {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    sweepOrphans(tmp);
    try {
      Path root = Files.createDirectories(tmp.resolve(ROOT_PREFIX + ProcessHandle.current().pid()));
      Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(root), "test-dirs-cleanup"));
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sweepOrphans(Path tmp) {
    try (DirectoryStream<Path> roots = Files.newDirectoryStream(tmp, ROOT_PREFIX + "*")) {
      for (Path root : roots) {
        if (!alive(root.getFileName().toString().substring(ROOT_PREFIX.length()))) {
          delete(root);
        }
      }
    } catch (IOException ignored) {
      // nothing to sweep, or not allowed to: the new root is what matters
    }
  }

  private static boolean alive(String pid) {
    try {
      return ProcessHandle.of(Long.parseLong(pid)).isPresent();
    } catch (NumberFormatException e) {
      return true; // not one of ours: leave it
    }
  }
}

package io.earshot.triage;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Runs {@code java -jar earshot.jar score} in a second JVM started with the flags that a jar
 * cannot set for itself, the way a launcher script would, so that the documented command stays
 * the fast one:
 * <ul>
 *   <li>{@code -XX:SharedArchiveFile}: the class-data archive that the build dumps beside the jar
 *       ({@code earshot.jsa}, made by {@code mvn package} from a run of this command). Loading
 *       and verifying the jar's classes was about a third of {@code score}'s start-up;</li>
 *   <li>{@code -XX:TieredStopAtLevel=1}: C1 only, which {@link QuickCompilation} otherwise asks
 *       for through the JVM's management server (another quarter of a second of CPU);</li>
 *   <li>{@code -Xmn64m}: G1 otherwise grows its young generation to hundreds of megabytes, and
 *       touching that memory cost more system time than collecting a small one.</li>
 * </ul>
 * Measured on 146,000 lines (docs/TRIAGE.md, Speed): the second JVM costs about 0.1 s of CPU and
 * saves about a second. Standard input, output and error are the child's own (inherited), so
 * nothing is copied. The JVM options given before {@code -jar} are passed on after these, so an
 * operator's own flags win; {@code JDK_JAVA_OPTIONS} reaches the child through its environment.
 * An archive older than the jar, or made for another path or JDK, is not used: the child then
 * starts as it would without one, and its warning goes to stderr, never into the output.
 */
final class ScoreRelaunch {
  /** Set on the child, which then scores in-process. */
  static final String CHILD = "earshot.score.child";
  /** {@code -Dearshot.score.relaunch=false} scores in this JVM, as before. */
  static final String RELAUNCH = "earshot.score.relaunch";
  /** {@code -Dearshot.score.archive=dump}: the build's run, which writes the archive at exit. */
  static final String ARCHIVE_MODE = "earshot.score.archive";
  static final String ARCHIVE = "earshot.jsa";
  static final List<String> FLAGS = List.of("-XX:TieredStopAtLevel=1", "-Xmn64m",
      "-Xlog:disable", "-Xlog:all=warning:stderr");

  private ScoreRelaunch() {
  }

  static boolean isChild() {
    return Boolean.getBoolean(CHILD);
  }

  /** The child's exit code, or empty when this JVM should score by itself. */
  static OptionalInt run() {
    if (isChild() || Boolean.getBoolean("earshot.score.c2") || "false".equals(System.getProperty(RELAUNCH))) {
      return OptionalInt.empty();
    }
    Optional<List<String>> command = command();
    if (command.isEmpty()) {
      return OptionalInt.empty();
    }
    try {
      return OptionalInt.of(waitFor(new ProcessBuilder(command.get()).inheritIO().start()));
    } catch (IOException e) {
      return OptionalInt.empty(); // no second JVM: score here, only slower
    }
  }

  private static int waitFor(Process child) {
    Thread stop = new Thread(child::destroy, "score-child-stop");
    Runtime.getRuntime().addShutdownHook(stop);
    try {
      return child.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      child.destroy();
      return 1;
    }
  }

  /** The child's command line; empty unless this JVM runs our own jar by {@code java -jar}. */
  static Optional<List<String>> command() {
    Optional<Path> jar = jar();
    Optional<String[]> args = ProcessHandle.current().info().arguments();
    if (jar.isEmpty() || args.isEmpty()) {
      return Optional.empty();
    }
    int dashJar = Arrays.asList(args.get()).indexOf("-jar");
    if (dashJar < 0) {
      return Optional.empty();
    }
    return Optional.of(command(jar.get(), Arrays.asList(args.get()).subList(0, dashJar)));
  }

  static List<String> command(Path jar, List<String> jvmOptions) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(FLAGS);
    archiveFlag(jar).ifPresent(cmd::add);
    cmd.addAll(jvmOptions);
    cmd.add("-D" + CHILD + "=true");
    cmd.add("-cp");
    cmd.add(jar.toString());
    cmd.add(ScoreCommand.class.getName());
    return cmd;
  }

  /** Dumps the archive in the build's run; uses it when it is newer than the jar. */
  private static Optional<String> archiveFlag(Path jar) {
    Path archive = jar.resolveSibling(ARCHIVE);
    if ("dump".equals(System.getProperty(ARCHIVE_MODE))) {
      return Optional.of("-XX:ArchiveClassesAtExit=" + archive);
    }
    try {
      boolean current = Files.isRegularFile(archive)
          && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) >= 0;
      return current ? Optional.of("-XX:SharedArchiveFile=" + archive) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The absolute path of the jar this class came from, if it came from one. */
  private static Optional<Path> jar() {
    try {
      var source = ScoreRelaunch.class.getProtectionDomain().getCodeSource();
      Path path = source == null ? null : Path.of(source.getLocation().toURI()).toAbsolutePath();
      return path != null && path.toString().endsWith(".jar") && Files.isRegularFile(path)
          ? Optional.of(path) : Optional.empty();
    } catch (URISyntaxException | RuntimeException e) {
      return Optional.empty();
    }
  }
}

package io.earshot.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.testing.TestDirs;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code score} as the CLI runs it, in a JVM of its own: it asks that JVM for C1 only and
 * loads Lingua's models on a second thread ({@link ScoreCommand#runProcess}), neither of which
 * may change a byte of the output. In a process of its own because the directive would hold
 * for the rest of the test JVM. {@code java -jar target/earshot.jar score}, the documented command,
 * starts a second JVM with the build's class-data archive ({@link ScoreRelaunch}); it, too, must
 * write the same bytes.
 */
@DisplayName("score as its own process")
class ScoreProcessIT {
  private static final String INPUT = String.join("\n",
      "@airline still waiting for my refund, charged twice!!",
      "buenos días, mi pedido no ha llegado todavía y nadie responde",
      "{\"id\": \"a1\", \"text\": \"love the new app \uD83D\uDE0D\", \"followers\": 5000}",
      "{Update} flight delayed again",
      "",
      "thanks for the quick replies last week. my account was hacked and taken over",
      "das ist wirklich nicht gut, mein Paket ist verloren gegangen") + "\n";

  @Test
  @DisplayName("writes the same lines as scoring in-process, foreign posts and errors included")
  void sameOutput() throws Exception {
    String child = runChild(INPUT);
    ByteArrayOutputStream inProcess = new ByteArrayOutputStream();
    ScoreCommand.run(new ByteArrayInputStream(INPUT.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(inProcess, true, StandardCharsets.UTF_8));
    assertEquals(inProcess.toString(StandardCharsets.UTF_8), child);
    assertEquals(7, child.lines().count());
    assertTrue(child.contains("\"lang\":\"es\""), child);
  }

  @Test
  @DisplayName("java -jar earshot.jar score scores in a second JVM that loads its classes from the build's archive, with the same output")
  void jarRelaunchesWithArchive() throws Exception {
    Path jar = Path.of("target", "earshot.jar").toAbsolutePath();
    assertTrue(Files.isRegularFile(jar.resolveSibling(ScoreRelaunch.ARCHIVE)), "mvn package dumps the archive beside the jar");
    Path log = TestDirs.create("score-relaunch").resolve("class-load.log");
    // An option before -jar reaches the child: here, logging where each class came from.
    String viaJar = run(INPUT, "-Xmx256m", "-Xlog:class+load=info:file=" + log, "-jar",
        jar.toString(), "score");
    assertEquals(runChild(INPUT), viaJar);
    String loads = Files.readString(log);
    assertTrue(loads.contains("io.earshot.triage.TriageEngine source: shared objects file (top)"),
        "the engine's classes come from the archive");
  }

  @Test
  @DisplayName("-Dearshot.score.relaunch=false scores in the JVM that was started, with the same output")
  void noRelaunch() throws Exception {
    Path jar = Path.of("target", "earshot.jar").toAbsolutePath();
    String inOne = run(INPUT, "-Xmx256m", "-D" + ScoreRelaunch.RELAUNCH + "=false", "-jar",
        jar.toString(), "score");
    assertEquals(runChild(INPUT), inOne);
  }

  private static String runChild(String input) throws IOException, InterruptedException {
    return run(input, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        ScoreCommand.class.getName());
  }

  private static String run(String input, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try (var stdin = p.getOutputStream()) {
      stdin.write(input.getBytes(StandardCharsets.UTF_8));
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "score did not finish");
    assertEquals(0, p.exitValue());
    return out;
  }
}

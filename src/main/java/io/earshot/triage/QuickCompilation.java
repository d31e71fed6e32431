package io.earshot.triage;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Tells HotSpot, for the rest of this process, to compile with its quick compiler (C1) only,
 * as {@code -XX:TieredStopAtLevel=1} would: a jar cannot set JVM flags for itself, but a
 * running JVM accepts compiler directives (JEP 165) through its DiagnosticCommand MBean, the
 * same as {@code jcmd PID Compiler.directives_add}.
 *
 * <p>Why: {@code score} over a file of a few hundred thousand posts ends before the optimizing
 * compiler (C2) pays for itself. On 146,000 posts C2 spent about as much CPU compiling the
 * engine's large methods (and recompiling them after deoptimizations) as the engine spent
 * scoring, on a machine with two cores; with C1 only the whole run took half the CPU and its
 * output was byte-identical (see docs/TRIAGE.md, Speed). For inputs of more than about a
 * million lines C2 would win again; {@code -Dearshot.score.c2=true} keeps it.
 *
 * <p>Only for a process that does nothing else (the {@code score} command): never in the hub,
 * whose long life is what C2 is for. Best effort: on a JVM without the MBean or the command
 * nothing changes and scoring is the same, only slower.
 */
final class QuickCompilation {
  /** Excludes every method from C2; tiered compilation then keeps methods at C1's full speed. */
  static final String DIRECTIVE = "[{ match: \"*.*\", c2: { Exclude: true } }]";

  private QuickCompilation() {
  }

  /** Returns true when the JVM took the directive. */
  static boolean apply() {
    // The relaunched child already runs with -XX:TieredStopAtLevel=1 (ScoreRelaunch).
    if (Boolean.getBoolean("earshot.score.c2") || ScoreRelaunch.isChild()) {
      return false;
    }
    try {
      Path file = Files.createTempFile("earshot-c1-", ".json");
      try {
        Files.writeString(file, DIRECTIVE);
        return add(file);
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException | JMException | RuntimeException | LinkageError e) {
      return false;
    }
  }

  private static boolean add(Path file) throws JMException {
    Object answer = ManagementFactory.getPlatformMBeanServer().invoke(
        new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesAdd",
        new Object[] {new String[] {file.toString()}}, new String[] {String[].class.getName()});
    // HotSpot answers "1 compiler directives added", or explains why it could not parse them.
    return answer instanceof String s && s.contains("added");
  }
}

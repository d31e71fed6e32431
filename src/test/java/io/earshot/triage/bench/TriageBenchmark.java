package io.earshot.triage.bench;

import io.earshot.domain.Triage;
import io.earshot.triage.ScoringInput;
import io.earshot.triage.TriageEngine;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import com.vader.sentiment.analyzer.SentimentAnalyzer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Single-thread triage throughput over the labelled customer-care posts (messages per second),
 * beside the VADER reference implementation on the same posts,
 * run with {@code mvn -B -Pjmh test}; the gc profiler reports bytes allocated per message
 * ({@code gc.alloc.rate.norm}). JMH's throughput is per second of wall time, which on a shared
 * machine counts the time other processes held the core; each measured iteration therefore also
 * prints messages per second of the benchmark thread's own CPU time ("per CPU-second"), the
 * per-core figure that load does not distort.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@Threads(1)
public class TriageBenchmark {
  private TriageEngine engine;
  private ScoringInput[] inputs;
  private int next;
  private final ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
  private long cpuAtStart;
  private long callsAtStart;
  private long calls;

  @Setup
  public void setUp() throws IOException {
    engine = TriageEngine.withDefaults();
    try (InputStream in = TriageBenchmark.class.getResourceAsStream("/triage/customer-care-labelled.tsv")) {
      if (in == null) {
        throw new IOException("benchmark corpus missing from the test classpath");
      }
      inputs = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(line -> !line.startsWith("#"))
          .map(line -> line.split("\t", 4))
          .filter(cols -> cols.length == 4)
          .map(cols -> ScoringInput.ofText(cols[3]))
          .toArray(ScoringInput[]::new);
    }
  }

  @Setup(Level.Iteration)
  public void startIteration() {
    cpuAtStart = cpu.getCurrentThreadCpuTime();
    callsAtStart = calls;
  }

  /** JMH runs iteration set-up and tear-down on the benchmark thread, so this is its CPU. */
  @TearDown(Level.Iteration)
  public void endIteration() {
    double seconds = (cpu.getCurrentThreadCpuTime() - cpuAtStart) / 1e9;
    System.out.printf("  [%,.0f messages per CPU-second of the benchmark thread]%n",
        (calls - callsAtStart) / seconds);
  }

  /**
   * The reference: the published Java port of the VADER rules (the analyzer whose lexicon we
   * use), on the same messages, so the README can quote a ratio measured in one run.
   */
  @Benchmark
  public Map<String, Float> vaderReferenceOne() throws IOException {
    ScoringInput input = inputs[next];
    next = next + 1 == inputs.length ? 0 : next + 1;
    calls++;
    SentimentAnalyzer analyzer = new SentimentAnalyzer(input.text());
    analyzer.analyze();
    return analyzer.getPolarity();
  }

  /** One message per invocation, cycling through the corpus. */
  @Benchmark
  public Triage scoreOne() {
    ScoringInput input = inputs[next];
    next = next + 1 == inputs.length ? 0 : next + 1;
    calls++;
    return engine.score(input);
  }
}

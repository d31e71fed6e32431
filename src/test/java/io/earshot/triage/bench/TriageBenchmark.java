package io.earshot.triage.bench;

import io.earshot.domain.Triage;
import io.earshot.triage.ScoringInput;
import io.earshot.triage.TriageEngine;
import java.io.IOException;
import java.io.InputStream;
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
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Single-thread triage throughput over the labelled customer-care posts (messages per second),
 * beside the VADER reference implementation on the same posts,
 * run with {@code mvn -B -Pjmh test}; the gc profiler reports bytes allocated per message
 * ({@code gc.alloc.rate.norm}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@Threads(1)
public class TriageBenchmark {
  private TriageEngine engine;
  private ScoringInput[] inputs;
  private int next;

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

  /**
   * The reference: the published Java port of the VADER rules (the analyzer whose lexicon we
   * use), on the same messages, so the README can quote a ratio measured in one run.
   */
  @Benchmark
  public Map<String, Float> vaderReferenceOne() throws IOException {
    ScoringInput input = inputs[next];
    next = next + 1 == inputs.length ? 0 : next + 1;
    SentimentAnalyzer analyzer = new SentimentAnalyzer(input.text());
    analyzer.analyze();
    return analyzer.getPolarity();
  }

  /** One message per invocation, cycling through the corpus. */
  @Benchmark
  public Triage scoreOne() {
    ScoringInput input = inputs[next];
    next = next + 1 == inputs.length ? 0 : next + 1;
    return engine.score(input);
  }
}

package io.earshot.triage;

import io.earshot.domain.Author;
import io.earshot.domain.Triage;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalInt;

/**
 * {@code earshot score}: one text or JSONL object per input line, one JSON result per output
 * line, in input order. Lines are scored in batches on every core ({@link OrderedBatches}), with
 * a bounded number in flight, so memory stays flat however long the input; a bad line (empty, binary, too long, broken JSON, no text) gets
 * {@code {"error":"..."}} so output stays aligned with input. A byte-order mark at the start,
 * vertical tabs and form feeds inside a post, and a plain post that starts with '{' are scored.
 */
public final class ScoreCommand {
  static final int MAX_LINE_CHARS = 100_000;
  /** Small enough that both cores stay busy to the last line, large enough to cost nothing. */
  private static final int BATCH = 256;

  private ScoreCommand() {
  }

  /** Standalone entry point; the hub's Main calls {@link #runProcess} for {@code earshot score}. */
  public static void main(String[] args) {
    System.exit(runProcess(System.in, System.out));
  }

  /**
   * {@link #run} in a process of its own (the CLI): in a second JVM with faster start-up flags
   * when started by {@code java -jar} ({@link ScoreRelaunch}), and with a second thread that asks the JVM to
   * skip its optimizing compiler, which a file of up to about a million lines does not pay back
   * ({@link QuickCompilation}), and loads Lingua's models.
   */
  public static int runProcess(InputStream in, PrintStream out) {
    OptionalInt child = ScoreRelaunch.run();
    if (child.isPresent()) {
      return child.getAsInt();
    }
    prepareProcess();
    return run(in, out);
  }

  /**
   * On the other core while this one builds the engine: the compiler directive (starting the
   * JVM's management server for it costs about 0.25 s) and Lingua's models (about 0.8 s of
   * CPU), rather than before the engine and inside the first batch that holds a post in another
   * language. The directive only governs compilations still to come: the engine's hot methods
   * are compiled once lines are scored, well after it.
   */
  private static void prepareProcess() {
    Thread loader = new Thread(() -> {
      QuickCompilation.apply();
      LanguageGate.warmUp();
    }, "score-process-setup");
    loader.setDaemon(true);
    loader.start();
  }

  /** Returns the process exit code: 0, or 1 if stdin or stdout failed. */
  public static int run(InputStream in, PrintStream out) {
    TriageEngine engine = TriageEngine.withDefaults();
    try {
      LineReader reader = new LineReader(new InputStreamReader(in, StandardCharsets.UTF_8), MAX_LINE_CHARS);
      Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
      new OrderedBatches(Runtime.getRuntime().availableProcessors(), BATCH)
          .run(reader::next, line -> scoreLine(engine, line), writer);
      writer.flush();
      return 0;
    } catch (IOException e) {
      out.flush();
      System.err.println("score: " + e.getMessage());
      return 1;
    }
  }

  static String scoreLine(TriageEngine engine, String line) {
    try {
      String problem = problem(line);
      if (problem != null) {
        return error(problem);
      }
      return looksLikeJson(line) ? scoreJson(engine, line) : result(engine.score(ScoringInput.ofText(line)), null);
    } catch (RuntimeException e) {
      return error("could not score line: " + e.getClass().getSimpleName());
    }
  }

  /**
   * A JSONL object opens with '{' and a quoted key; a post such as "{Update} still no refund"
   * is plain text, scored as written rather than refused as broken JSON.
   */
  static boolean looksLikeJson(String line) {
    int i = 0;
    while (i < line.length() && (Character.isWhitespace(line.charAt(i)) || TextNormalizer.invisible(line.charAt(i)))) {
      i++;
    }
    if (i >= line.length() || line.charAt(i) != '{') {
      return false;
    }
    i++;
    while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
      i++;
    }
    return i < line.length() && (line.charAt(i) == '"' || line.charAt(i) == '}');
  }

  private static String problem(String line) {
    if (line == LineReader.TOO_LONG || line.length() > MAX_LINE_CHARS) {
      return "line longer than " + MAX_LINE_CHARS + " characters";
    }
    if (line.isBlank()) {
      return "empty line";
    }
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      // Tabs, vertical tabs and form feeds are layout inside a post; other controls mean binary.
      if (c == '\uFFFD' || (c < 0x20 && c != '\t' && c != '\r' && c != '\u000B' && c != '\u000C')) {
        return "binary data or invalid UTF-8 at character " + i;
      }
    }
    return null;
  }

  private static String scoreJson(TriageEngine engine, String line) {
    JsonObject json;
    try {
      json = new JsonObject(stripInvisible(line));
    } catch (DecodeException e) {
      return error("invalid JSON");
    }
    if (!(json.getValue("text") instanceof String text)) {
      return error("missing text: a JSON line needs a string field 'text'");
    }
    if (text.isBlank()) {
      return error("empty text");
    }
    long followers = json.getValue("followers") instanceof Number n ? Math.max(0, n.longValue()) : 0;
    boolean verified = Boolean.TRUE.equals(json.getValue("verified"));
    Author author = new Author(null, null, null, followers, verified);
    boolean vip = Boolean.TRUE.equals(json.getValue("vip"));
    String brand = json.getValue("brand") instanceof String b && !b.isBlank() ? b : null;
    String lang = json.getValue("lang") instanceof String l ? l : null;
    return result(engine.score(new ScoringInput(text, author, vip, 0, Duration.ZERO, brand, lang)),
        json.getValue("id"));
  }

  /** A byte-order mark or zero-width space before the '{' would break the JSON parser. */
  private static String stripInvisible(String line) {
    int i = 0;
    while (i < line.length() && TextNormalizer.invisible(line.charAt(i))) {
      i++;
    }
    return line.substring(i);
  }

  private static String result(Triage t, Object id) {
    return ResultJson.result(t, id);
  }

  private static String error(String message) {
    return ResultJson.error(message);
  }
}

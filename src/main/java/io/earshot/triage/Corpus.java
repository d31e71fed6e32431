package io.earshot.triage;

import io.earshot.domain.SentimentLabel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The labelled sentiment sources triage is trained and evaluated on, each read from its own
 * file format into one shape. Public sets come from the shared data folder (see {@link
 * SharedData}); the project's own customer-care posts from the repository. Rows without a
 * usable label ("not relevant", "can't tell") are left out.
 */
final class Corpus {
  static final String VADER = "vader";
  static final String TWEETEVAL = "tweeteval";
  static final String APPLE = "apple";
  static final String BRANDS = "brands";
  static final String CARE = "care";
  static final List<String> SOURCES = List.of(CARE, APPLE, BRANDS, TWEETEVAL, VADER);
  static final List<String> CARE_FILES = List.of("src/test/resources/triage/customer-care-labelled.tsv",
      "src/test/resources/triage/customer-care-holdout.tsv");

  /**
   * One labelled post; {@code rating} is VADER's mean human rating scaled to -1..1, else NaN;
   * {@code sector} is the business sector of our customer-care posts ("airline"), else null;
   * {@code agreement} is the share of crowd judges who chose the label (the Apple set's
   * {@code sentiment:confidence}), else 1.
   */
  record Sample(String source, String text, SentimentLabel label, double rating, List<String> reasons,
                String sector, double agreement) {
    Sample(String source, String text, SentimentLabel label, double rating, List<String> reasons) {
      this(source, text, label, rating, reasons, null, 1.0);
    }
  }

  private Corpus() {
  }

  /** Every source, in {@link #SOURCES} order. */
  static Map<String, List<Sample>> readAll(Path dataDir, Path repoRoot) throws IOException {
    Map<String, List<Sample>> all = new java.util.LinkedHashMap<>();
    for (String source : SOURCES) {
      all.put(source, read(source, dataDir, repoRoot));
    }
    return all;
  }

  static List<Sample> read(String source, Path dataDir, Path repoRoot) throws IOException {
    return switch (source) {
      case VADER -> vader(dataDir.resolve("vader-tweets-groundtruth.tsv"));
      case TWEETEVAL -> tweetEval(dataDir.resolve("tweeteval-sentiment"));
      case APPLE -> apple(dataDir.resolve("apple-support-tweets.csv"));
      case BRANDS -> brands(dataDir.resolve("brand-product-tweets.csv"));
      case CARE -> care(repoRoot);
      default -> throw new IllegalArgumentException("unknown source: " + source);
    };
  }

  static List<Sample> vader(Path file) throws IOException {
    List<Sample> out = new ArrayList<>();
    for (GroundTruth.Rated r : GroundTruth.readRated(file)) {
      out.add(new Sample(VADER, r.text(), SentimentAnalyzer.label(r.rating()), r.rating(), List.of()));
    }
    return out;
  }

  static List<Sample> tweetEval(Path dir) throws IOException {
    List<Sample> out = new ArrayList<>();
    SentimentLabel[] mapping = {SentimentLabel.NEGATIVE, SentimentLabel.NEUTRAL, SentimentLabel.POSITIVE};
    for (String split : List.of("val", "test")) {
      List<String> texts = Files.readAllLines(dir.resolve(split + "_text.txt"), StandardCharsets.UTF_8);
      List<String> labels = Files.readAllLines(dir.resolve(split + "_labels.txt"), StandardCharsets.UTF_8);
      for (int i = 0; i < Math.min(texts.size(), labels.size()); i++) {
        out.add(new Sample(TWEETEVAL, texts.get(i), mapping[Integer.parseInt(labels.get(i).strip())],
            Double.NaN, List.of()));
      }
    }
    return out;
  }

  /** CrowdFlower's Apple set: ';'-separated after a title line; sentiment 1, 3 or 5, with the judges' agreement. */
  static List<Sample> apple(Path file) throws IOException {
    List<List<String>> rows = Csv.parse(Files.readString(file, StandardCharsets.UTF_8), ';');
    Map<String, SentimentLabel> labels = Map.of("1", SentimentLabel.NEGATIVE, "3",
        SentimentLabel.NEUTRAL, "5", SentimentLabel.POSITIVE);
    List<Sample> out = new ArrayList<>();
    for (List<String> row : rows.subList(Math.min(2, rows.size()), rows.size())) {
      SentimentLabel label = row.size() >= 12 ? labels.get(row.get(5).strip()) : null;
      if (label != null) {
        out.add(new Sample(APPLE, row.get(11), label, Double.NaN, List.of(), null, agreement(row.get(6))));
      }
    }
    return out;
  }

  /** A judges' agreement such as "0.6264"; 1 when missing or unreadable. */
  static double agreement(String value) {
    try {
      double a = Double.parseDouble(value.strip());
      return a > 0 && a <= 1 ? a : 1.0;
    } catch (NumberFormatException e) {
      return 1.0;
    }
  }

  /** CrowdFlower's SXSW brands set: Latin-1 bytes carrying mangled UTF-8 quotes, repaired here. */
  static List<Sample> brands(Path file) throws IOException {
    String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    Map<String, SentimentLabel> labels = Map.of("Positive emotion", SentimentLabel.POSITIVE,
        "Negative emotion", SentimentLabel.NEGATIVE,
        "No emotion toward brand or product", SentimentLabel.NEUTRAL);
    List<Sample> out = new ArrayList<>();
    List<List<String>> rows = Csv.parse(text, ',');
    for (List<String> row : rows.subList(Math.min(1, rows.size()), rows.size())) {
      SentimentLabel label = row.size() >= 3 ? labels.get(row.get(2).strip()) : null;
      if (label != null && !row.get(0).isBlank()) {
        out.add(new Sample(BRANDS, repairQuotes(row.get(0)), label, Double.NaN, List.of()));
      }
    }
    return out;
  }

  /** "\u0089\u00db\u00aa" and its kin are curly quotes and dashes passed through the wrong code page. */
  static String repairQuotes(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\u0089' && i + 2 < s.length() && s.charAt(i + 1) == '\u00db') {
        char k = s.charAt(i + 2);
        out.append(k == '\u00aa' || k == '\u00f7' ? '\'' : k == '\u00cf' || k == '\u009d' ? '"' : ' ');
        i += 2;
      } else {
        out.append(c < 0xa0 && c >= 0x80 ? ' ' : c);
      }
    }
    return out.toString();
  }

  static List<Sample> care(Path repoRoot) throws IOException {
    List<Sample> out = new ArrayList<>();
    for (String file : CARE_FILES) {
      for (GroundTruth.Labelled r : GroundTruth.readLabelled(repoRoot.resolve(file))) {
        out.add(new Sample(CARE, r.text(), SentimentLabel.fromCode(r.label()), Double.NaN, r.reasons(),
            r.sector(), 1.0));
      }
    }
    return out;
  }
}

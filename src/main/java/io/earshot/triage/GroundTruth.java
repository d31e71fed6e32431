package io.earshot.triage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The labelled data sets the evaluation reads: the VADER tweets (id, mean rating -4..4, text)
 * and our customer-care set (sector, label, reason codes, text). Both are tab separated; CRLF
 * line ends and a header row starting with '#' are tolerated.
 */
final class GroundTruth {
  record Rated(double rating, String text) {
  }

  record Labelled(String sector, String label, List<String> reasons, String text) {
  }

  private GroundTruth() {
  }

  static List<Rated> readRated(Path file) throws IOException {
    List<Rated> rows = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String[] cols = line.strip().split("\t", 3);
      if (cols.length == 3 && !line.startsWith("#")) {
        rows.add(new Rated(Double.parseDouble(cols[1]) / 4.0, cols[2]));
      }
    }
    return rows;
  }

  static List<Labelled> readLabelled(Path file) throws IOException {
    List<Labelled> rows = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String[] cols = line.strip().split("\t", 4);
      if (cols.length == 4 && !line.startsWith("#")) {
        rows.add(new Labelled(cols[0], cols[1], List.of(cols[2].split(",")), cols[3]));
      }
    }
    return rows;
  }
}

package io.earshot.testing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One scrape of {@code /metrics}, parsed by the Prometheus project's own text-format parser
 * ({@code prometheus_client.parser}, Python; Debian's {@code python3-prometheus-client}), since no
 * maintained Java library parses the text format. A scrape the parser refuses, or that repeats a
 * series, fails the test with the reason. Families are keyed as the parser names them: a
 * counter's family drops its {@code _total} suffix.
 */
public final class PrometheusScrape {
  private static final List<String> PYTHONS = List.of("python3", "/usr/bin/python3");
  private final Map<String, Family> families;

  /** One sample: its full name (with {@code _total}, {@code _count}, {@code _bucket}…), labels and value. */
  public record Sample(String name, Map<String, String> labels, double value) {
  }

  public record Family(String name, String type, String help, List<Sample> samples) {
    public List<Sample> samples(String sampleName, Predicate<Map<String, String>> labels) {
      return samples.stream().filter(s -> s.name().equals(sampleName) && labels.test(s.labels())).toList();
    }
  }

  private PrometheusScrape(Map<String, Family> families) {
    this.families = families;
  }

  public static PrometheusScrape parse(String text) {
    JsonArray parsed = new JsonArray(run(text));
    Map<String, Family> families = new LinkedHashMap<>();
    Set<String> series = new HashSet<>();
    for (int i = 0; i < parsed.size(); i++) {
      JsonObject f = parsed.getJsonObject(i);
      List<Sample> samples = new ArrayList<>();
      for (Object o : f.getJsonArray("samples")) {
        JsonObject s = (JsonObject) o;
        Map<String, String> labels = new LinkedHashMap<>();
        s.getJsonObject("labels").forEach(e -> labels.put(e.getKey(), String.valueOf(e.getValue())));
        Sample sample = new Sample(s.getString("name"), labels, number(s.getValue("value")));
        if (!series.add(sample.name() + new java.util.TreeMap<>(labels))) {
          throw new AssertionError("the scrape repeats a series: " + sample.name() + labels);
        }
        samples.add(sample);
      }
      if (families.put(f.getString("name"), new Family(f.getString("name"), f.getString("type"), f.getString("help"),
          samples)) != null) {
        throw new AssertionError("the scrape repeats the family " + f.getString("name"));
      }
    }
    return new PrometheusScrape(families);
  }

  public Map<String, Family> families() {
    return families;
  }

  /** The family, or an assertion failure naming what the scrape has instead. */
  public Family family(String name) {
    Family f = families.get(name);
    if (f == null) {
      throw new AssertionError("no metric family " + name + " in the scrape; it has " + families.keySet());
    }
    return f;
  }

  /** The sum of the samples named {@code sampleName} whose labels match; 0 when there are none. */
  public double sum(String family, String sampleName, Predicate<Map<String, String>> labels) {
    Family f = families.get(family);
    return f == null ? 0 : f.samples(sampleName, labels).stream().mapToDouble(Sample::value).sum();
  }

  private static double number(Object value) {
    return value instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(value)
        .replace("inf", "Infinity").replace("nan", "NaN"));
  }

  private static String run(String text) {
    Path script = script();
    for (String python : PYTHONS) {
      try {
        Process p = new ProcessBuilder(python, script.toString()).redirectErrorStream(false).start();
        try (var in = p.getOutputStream()) {
          in.write(text.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          throw new AssertionError("the Prometheus parser did not finish");
        }
        if (p.exitValue() == 0) {
          return out;
        }
        if (!err.contains("No module named 'prometheus_client'")) {
          throw new AssertionError("the Prometheus text parser refused the scrape: " + err);
        }
      } catch (IOException e) {
        // no such interpreter: try the next
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("no python3 with prometheus_client: apt-get install python3-prometheus-client");
  }

  private static Path script() {
    try (InputStream in = PrometheusScrape.class.getResourceAsStream("/metrics/parse_prometheus.py")) {
      Path file = Files.createTempFile("parse_prometheus", ".py");
      Files.write(file, in.readAllBytes());
      file.toFile().deleteOnExit();
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

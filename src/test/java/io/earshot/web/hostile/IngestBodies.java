package io.earshot.web.hostile;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Bodies for {@code POST /api/v1/mentions}. Most are mixed batches: a few valid mentions (odd
 * but legitimate text: bidi, zero-width, emoji, markup) among hostile items, as a JSON array
 * (items that are still JSON: wrong types, huge numbers, lone surrogates, dates out of range,
 * query operators) or as NDJSON (where a line may also be truncated, invalid UTF-8 or 10,000
 * levels deep). The valid ones are recorded on the request: they must be accepted and stored.
 * The rest are broken as a whole.
 */
final class IngestBodies {
  private static final List<String> FIELDS = List.of("platform", "externalId", "author", "author.id", "author.handle",
      "author.name", "author.followers", "author.verified", "text", "createdAt", "inReplyTo", "url", "lang", "brand",
      "private");
  private static final List<String> BAD_DATES = List.of("\"+999999999-12-31T23:59:59Z\"", "\"-999999999-01-01T00:00:00Z\"",
      "\"1999-12-31T23:59:59Z\"", "\"2100-01-01T00:00:01Z\"", "\"2026-02-30T00:00:00Z\"", "\"2026-11-24\"",
      "\"2026-11-24T25:00:00Z\"", "\"yesterday\"", "\"2026-11-24T08:15:00+25:00\"", "1764000000000", "\"\"");
  private final long seed;

  IngestBodies(long seed) {
    this.seed = seed;
  }

  /** A mixed batch (two thirds of the time) or a body broken as a whole. */
  byte[] body(Random random, int index, HostileRequest.Builder request) {
    if (random.nextInt(3) > 0) {
      return mixed(random, index, request);
    }
    request.note("ingest body broken");
    return switch (random.nextInt(6)) {
      case 0 -> RouteBodies.broken(random, HostileValues.utf8("[" + good(random, "broken-" + index, "x") + "]"), request);
      case 1 -> HostileValues.utf8("[" + "{},".repeat(10_000) + "{}]");
      case 2 -> HostileValues.utf8("[" + HostileValues.jsonString("x".repeat(3 * 1024 * 1024)) + "]");
      case 3 -> HostileValues.utf8("[" + item(random, "text", HostileValues.any(random), "whole-" + index) + "]");
      case 4 -> HostileValues.utf8("\n\n\n" + " ".repeat(random.nextInt(2_000_000)) + "\n");
      default -> HostileValues.utf8(HostileValues.pick(random, List.of("[", "[{", "[]", "{}", "[[]]", "]", "[null]",
          "[{\"platform\":\"sandbox\"", "\u0000", "[\"\\ud800\"]")));
    };
  }

  private byte[] mixed(Random random, int index, HostileRequest.Builder request) {
    boolean ndjson = random.nextBoolean();
    List<byte[]> items = new ArrayList<>();
    List<HostileRequest.GoodItem> goods = new ArrayList<>();
    int good = 1 + random.nextInt(3);
    for (int k = 0; k < good; k++) {
      String id = "hostile-" + seed + "-" + index + "-" + k;
      String text = "@brand " + HostileValues.pick(random, HostileValues.ODD_BUT_VALID_TEXT) + " #" + index;
      goods.add(new HostileRequest.GoodItem(id, text));
      items.add(HostileValues.utf8(good(random, id, text)));
    }
    int bad = 1 + random.nextInt(4);
    for (int k = 0; k < bad; k++) {
      items.add(ndjson ? badLine(random, index, k) : HostileValues.utf8(badItem(random, "bad-" + index + "-" + k, false)));
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      order.add(i);
    }
    Collections.shuffle(order, random);
    if (ndjson) {
      // A body whose first item starts with '[' is read as a JSON array: keep a good one first.
      order.remove(Integer.valueOf(0));
      order.add(0, 0);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(HostileValues.utf8(ndjson ? "" : "["));
    for (int place = 0; place < order.size(); place++) {
      out.writeBytes(HostileValues.utf8(place == 0 ? "" : ndjson ? "\n" : ","));
      out.writeBytes(items.get(order.get(place)));
      if (order.get(place) < good) {
        request.good(place, goods.get(order.get(place)));
      }
    }
    out.writeBytes(HostileValues.utf8(ndjson ? "\n" : "]"));
    request.note("mixed " + (ndjson ? "NDJSON" : "array") + ": " + good + " good, " + bad + " bad");
    return out.toByteArray();
  }

  /** An NDJSON line: any bad item, or a line that is not JSON or not UTF-8. */
  private static byte[] badLine(Random random, int index, int k) {
    byte[] item = HostileValues.utf8(badItem(random, "bad-" + index + "-" + k, true));
    return switch (random.nextInt(5)) {
      case 0 -> java.util.Arrays.copyOf(item, random.nextInt(item.length));
      case 1 -> HostileValues.splice(random, item, HostileValues.invalidUtf8(random));
      case 2 -> HostileValues.utf8(HostileValues.deepArray(HostileValues.DEEP));
      default -> item;
    };
  }

  /** A mention with one field wrong (type, value, range, encoding), or not a mention at all. */
  private static String badItem(Random random, String id, boolean ndjson) {
    if (random.nextInt(8) == 0) {
      return HostileValues.pick(random, List.of("1", "\"a mention\"", "null", "[]", "true", "[{}]", "{}"));
    }
    String field = HostileValues.pick(random, FIELDS);
    String value = field.equals("createdAt") && random.nextBoolean() ? HostileValues.pick(random, BAD_DATES)
        : ndjson ? HostileValues.any(random) : HostileValues.anyJson(random);
    if (ndjson && value.indexOf('\n') >= 0) {
      value = value.replace('\n', ' '); // a raw newline would make two lines of one item, and shift every index after it
    }
    if (value.startsWith("[[[[[[[[[[[[") || value.startsWith("{\"a\":{\"a\":{\"a\":{\"a\":")) {
      value = "[[[[1]]]]"; // inside an array the whole body would be too deep: a batch-level refusal
    }
    return item(random, field, value, id);
  }

  private static String item(Random random, String field, String value, String id) {
    String author = "{\"id\":\"hostile-bad-author-" + random.nextInt(8) + "\",\"handle\":\"bad\",\"name\":\"Bad\",\"followers\":1,\"verified\":false}";
    if (field.startsWith("author.")) {
      String key = field.substring(7);
      author = author.replaceFirst("\"" + key + "\":(\"[^\"]*\"|[^,}]*)", "\"" + key + "\":" + java.util.regex.Matcher.quoteReplacement(value));
    }
    String mention = "{\"platform\":\"sandbox\",\"externalId\":\"" + id + "\",\"author\":" + author
        + ",\"text\":\"a bad item\",\"createdAt\":\"" + Instant.now() + "\"}";
    if (field.startsWith("author.")) {
      return mention;
    }
    String pattern = "\"" + field + "\":(\"[^\"]*\"|\\{[^}]*\\}|[^,}]*)";
    String replacement = "\"" + field + "\":" + java.util.regex.Matcher.quoteReplacement(value);
    return mention.contains("\"" + field + "\":") ? mention.replaceFirst(pattern, replacement)
        : mention.substring(0, mention.length() - 1) + ",\"" + field + "\":" + value + "}";
  }

  /** A valid mention from one of eight authors (few cases, so the inbox lists stay quick). */
  private static String good(Random random, String id, String text) {
    return "{\"platform\":\"sandbox\",\"externalId\":\"" + id + "\",\"author\":{\"id\":\"hostile-author-"
        + random.nextInt(8) + "\",\"handle\":\"fuzzed\",\"followers\":" + random.nextInt(10_000)
        + ",\"verified\":false},\"text\":" + HostileValues.jsonString(text) + ",\"createdAt\":\""
        + Instant.now().minusSeconds(random.nextInt(86_400)) + "\"}";
  }
}

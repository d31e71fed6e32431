package io.earshot.web.hostile;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * The catalogue of what a hostile client sends, as raw JSON text fragments (so invalid JSON,
 * duplicate keys and escapes such as a lone surrogate stay exactly as written) and as raw bytes.
 * Each list is what real parsers and stores have choked on somewhere: numbers beyond double and
 * long, nesting beyond any recursion limit, text that looks like something else (bidi overrides,
 * zero-width joiners, operators of MongoDB's query language, template syntax).
 */
final class HostileValues {
  /** Deep enough for any recursive parser or encoder to overflow its stack. */
  static final int DEEP = 10_000;

  private HostileValues() {
  }

  /** Text a person could legitimately post: it must be stored exactly as sent. */
  static final List<String> ODD_BUT_VALID_TEXT = List.of(
      "refund please \u202Eevil\u202C now", "zero\u200Bwidth\u200C\u200Djoin\uFEFF", "\u2066isolated\u2069 text",
      "emoji 👍🏽👨‍👩‍👧 flags 🇩🇪", "e\u0301\u0301\u0301 combining", "<script>alert(1)</script> <img src=x onerror=alert(1)>",
      "{{7*7}} {{#each x}}{{/each}} ${jndi:ldap://x/a}", "'; DROP TABLE cases;-- {\"$gt\":\"\"}",
      "مرحبا، طلبي لم يصل", "שלום עולם", "line one\nline two\r\nline three\ttabbed", "a\u0085b\u2028c\u2029d");

  /** JSON string literals (escaped as a hostile client would write them). */
  static final List<String> STRINGS = List.of(
      "\"\"", "\" \"", "\"\\u0000\"", "\"a\\u0000b\"", "\"\\u0001\\u001b[31mred\"", "\"\\r\\n\\r\\n\"",
      "\"\\ud800\"", "\"a\\udbff\"", "\"\\udc00x\"", "\"\\u202Eevil\"", "\"\\u200B\"", "\"\\uFEFF\"",
      "\"../../etc/passwd\"", "\"%00\"", "\"..%2f..%2fetc%2fpasswd\"", "\"<script>alert(1)</script>\"",
      "\"{{7*7}}\"", "\"${jndi:ldap://127.0.0.1:1/a}\"", "\"$where\"", "\"me\"", "\"none\"", "\"*\"",
      "\"DROP\"", "\"null\"", "\"true\"", "\"-1\"", "\"1e400\"", "\"\\\\\"", "\"\\\"\"", "\"\\/\"",
      "\"javascript:alert(1)\"", "\"http://127.0.0.1:1/\"", "\"file:///etc/passwd\"", "\"日本語のテキスト\"",
      "\"👍🏽\"", "\"e\\u0301\"");

  /** Numbers no field expects: beyond double, beyond long, negative zero, fractions. */
  static final List<String> NUMBERS = List.of(
      "0", "-0", "-1", "1.5", "1e400", "-1e400", "1e-400", "9223372036854775808", "-9223372036854775809",
      "18446744073709551616", "2147483648", "1e9", "123456789012345678901234567890", "0.0", "-0.0", "1E2",
      "4.9e-324", "1.7976931348623157e308");

  /** Not JSON at all, though some parsers take them. */
  static final List<String> NOT_JSON = List.of(
      "NaN", "Infinity", "-Infinity", "undefined", "0x10", "012", "+1", ".5", "1.", "'single'", "tru", "nul",
      "\"unterminated", "[1,]", "{\"a\":1,}", "// comment\n1", "/* c */ 1");

  /** Values of other kinds, Mongo query operators among them. */
  static final List<String> SHAPES = List.of(
      "null", "true", "false", "[]", "{}", "[null]", "[1,2,3]", "[\"a\",1,null,{}]", "{\"$gt\":\"\"}",
      "{\"$ne\":null}", "{\"$where\":\"sleep(5000)\"}", "{\"$regex\":\".*\"}", "[{\"$gt\":\"\"}]", "{\"a\":{\"b\":{}}}");

  /** Any hostile value, of any kind, chosen by {@code random}. */
  static String any(Random random) {
    return switch (random.nextInt(8)) {
      case 0, 1 -> pick(random, STRINGS);
      case 2 -> pick(random, NUMBERS);
      case 3 -> pick(random, SHAPES);
      case 4 -> pick(random, NOT_JSON);
      case 5 -> longString(random);
      case 6 -> random.nextBoolean() ? deepArray(random.nextBoolean() ? DEEP : 999) : deepObject(random.nextBoolean() ? DEEP : 999);
      default -> jsonString(pick(random, ODD_BUT_VALID_TEXT));
    };
  }

  /** Any hostile value that is still JSON (inside a JSON array, anything else breaks the whole body). */
  static String anyJson(Random random) {
    String value;
    do {
      value = any(random);
    } while (NOT_JSON.contains(value));
    return value;
  }

  /** A string literal of 257 characters to 70 KB: over the id, handle and small-body limits. */
  static String longString(Random random) {
    int length = switch (random.nextInt(4)) {
      case 0 -> 257;
      case 1 -> 10 * 1024;
      case 2 -> 40_001;
      default -> 70 * 1024;
    };
    return "\"" + "x".repeat(length) + "\"";
  }

  static String deepArray(int depth) {
    return "[".repeat(depth) + "]".repeat(depth);
  }

  static String deepObject(int depth) {
    return "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
  }

  /** A Java string as a JSON string literal; anything outside printable ASCII is escaped. */
  static String jsonString(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || c > 0x7e) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  /** Byte sequences that are not UTF-8: a stray continuation, an overlong slash, an encoded surrogate, 0xFF. */
  static byte[] invalidUtf8(Random random) {
    byte[][] all = {{(byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xFF}, {(byte) 0xC3, (byte) 0x28}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
        {(byte) 0xE2, (byte) 0x82}};
    return all[random.nextInt(all.length)];
  }

  /** {@code text} with a hostile byte sequence spliced in at a random place. */
  static byte[] splice(Random random, byte[] text, byte[] inserted) {
    int at = text.length == 0 ? 0 : random.nextInt(text.length);
    byte[] out = new byte[text.length + inserted.length];
    System.arraycopy(text, 0, out, 0, at);
    System.arraycopy(inserted, 0, out, at, inserted.length);
    System.arraycopy(text, at, out, at + inserted.length, text.length - at);
    return out;
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static <T> T pick(Random random, List<T> from) {
    return from.get(random.nextInt(from.size()));
  }
}

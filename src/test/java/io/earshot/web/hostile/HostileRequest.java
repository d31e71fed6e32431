package io.earshot.web.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One generated request, as the bytes that go on the wire, with a description a person can read
 * when it fails ({@link #describe}) and what must hold of its answer beyond the rules every
 * answer obeys: the good items of a mixed ingest batch, which must be accepted and stored; or
 * what may be: a body whose framing breaks mid-stream may be cut off with the connection
 * ({@code mayClose}), since once a chunk is garbled nothing can be answered in step with it.
 */
record HostileRequest(int index, String route, String label, byte[] head, byte[] body, Map<Integer, GoodItem> goodItems,
                      boolean mayClose) {
  /** A valid mention inside a hostile batch: its place in the batch, its id and its text. */
  record GoodItem(String externalId, String text) {
  }

  boolean mixedIngest() {
    return !goodItems.isEmpty();
  }

  /** The request for a failure message: its label, then head and body, shortened and escaped. */
  String describe() {
    return "#" + index + " " + route + " " + label + "\n" + printable(head, 1500) + "\n[body " + body.length + " bytes] "
        + printable(body, 600);
  }

  private static String printable(byte[] bytes, int max) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < Math.min(bytes.length, max); i++) {
      int b = bytes[i] & 0xff;
      out.append(b >= 0x20 && b < 0x7f || b == '\n' ? String.valueOf((char) b) : b == '\r' ? "" : String.format("\\x%02x", b));
    }
    return bytes.length > max ? out + "…" : out.toString();
  }

  /** Assembles a request; {@code Host}, {@code Content-Length} and {@code Connection: close} unless told otherwise. */
  static final class Builder {
    private final String route;
    private String method;
    private byte[] target;
    private String version = "HTTP/1.1";
    private final List<byte[]> headers = new ArrayList<>();
    private byte[] body = new byte[0];
    private boolean host = true;
    private boolean length = true;
    private boolean mayClose;
    private final List<String> notes = new ArrayList<>();
    private final Map<Integer, GoodItem> goodItems = new java.util.LinkedHashMap<>();

    Builder(String route, String method, String target) {
      this.route = route;
      this.method = method;
      this.target = target.getBytes(StandardCharsets.UTF_8);
    }

    Builder method(String value) {
      method = value;
      return this;
    }

    Builder target(byte[] value) {
      target = value;
      return this;
    }

    String target() {
      return new String(target, StandardCharsets.ISO_8859_1);
    }

    Builder version(String value) {
      version = value;
      return this;
    }

    Builder header(String name, String value) {
      return rawHeader((name + ": " + value).getBytes(StandardCharsets.UTF_8));
    }

    /** A header line exactly as given (no colon, invalid bytes, a folded continuation…). */
    Builder rawHeader(byte[] line) {
      headers.add(line);
      return this;
    }

    Builder body(byte[] value) {
      body = value;
      return this;
    }

    byte[] body() {
      return body;
    }

    Builder withoutHost() {
      host = false;
      return this;
    }

    /** The caller writes its own framing ({@code Transfer-Encoding}, a wrong length, none). */
    Builder withoutLength() {
      length = false;
      return this;
    }

    Builder mayClose() {
      mayClose = true;
      return this;
    }

    Builder note(String text) {
      notes.add(text);
      return this;
    }

    Builder good(int place, GoodItem item) {
      goodItems.put(place, item);
      return this;
    }

    void forgetGood() {
      goodItems.clear();
    }

    HostileRequest build(int index, int port) {
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      head.writeBytes((method + " ").getBytes(StandardCharsets.UTF_8));
      head.writeBytes(target);
      head.writeBytes((" " + version + "\r\n").getBytes(StandardCharsets.UTF_8));
      if (host) {
        line(head, ("Host: 127.0.0.1:" + port).getBytes(StandardCharsets.US_ASCII));
      }
      headers.forEach(h -> line(head, h));
      if (length && (body.length > 0 || List.of("POST", "PUT", "PATCH").contains(method))) {
        line(head, ("Content-Length: " + body.length).getBytes(StandardCharsets.US_ASCII));
      }
      line(head, "Connection: close".getBytes(StandardCharsets.US_ASCII));
      head.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
      return new HostileRequest(index, route, String.join("; ", notes), head.toByteArray(), body, Map.copyOf(goodItems),
          mayClose);
    }

    private static void line(ByteArrayOutputStream out, byte[] line) {
      out.writeBytes(line);
      out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
  }
}

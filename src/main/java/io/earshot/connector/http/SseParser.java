package io.earshot.connector.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * An incremental Server-Sent Events parser: feed it the bytes as they arrive, in any chunking,
 * and it hands over each complete event. Bytes are kept until a line ends, so a chunk boundary
 * inside a multi-byte character or inside a line never garbles anything. Comment lines (the
 * {@code :thump} heartbeats) are ignored; {@code id} and {@code retry} too, because a consumer
 * that catches up by polling has no use for them. Not thread-safe: one parser per connection.
 */
public final class SseParser {
  /** One dispatched event: its {@code event} field ("message" when absent) and its data lines joined by '\n'. */
  public record Event(String type, String data) {
  }

  private final Consumer<Event> sink;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();
  private final StringBuilder data = new StringBuilder();
  private String type;
  private boolean hasData;

  public SseParser(Consumer<Event> sink) {
    this.sink = sink;
  }

  public void feed(byte[] chunk) {
    for (byte b : chunk) {
      if (b == '\n') {
        endLine();
      } else {
        line.write(b);
      }
    }
  }

  public void feed(String chunk) {
    feed(chunk.getBytes(StandardCharsets.UTF_8));
  }

  private void endLine() {
    String text = line.toString(StandardCharsets.UTF_8);
    line.reset();
    if (text.endsWith("\r")) {
      text = text.substring(0, text.length() - 1);
    }
    if (text.isEmpty()) {
      dispatch();
    } else if (!text.startsWith(":")) {
      field(text);
    }
  }

  private void field(String text) {
    int colon = text.indexOf(':');
    String name = colon < 0 ? text : text.substring(0, colon);
    String value = colon < 0 ? "" : text.substring(colon + 1);
    if (value.startsWith(" ")) {
      value = value.substring(1);
    }
    if (name.equals("event")) {
      type = value;
    } else if (name.equals("data")) {
      if (hasData) {
        data.append('\n');
      }
      data.append(value);
      hasData = true;
    }
  }

  /** A blank line ends an event; one without data lines is dropped, as the spec says. */
  private void dispatch() {
    if (hasData) {
      sink.accept(new Event(type == null || type.isEmpty() ? "message" : type, data.toString()));
    }
    type = null;
    data.setLength(0);
    hasData = false;
  }
}

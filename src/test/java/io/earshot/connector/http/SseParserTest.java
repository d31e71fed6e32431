package io.earshot.connector.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SseParserTest {
  private final List<SseParser.Event> events = new ArrayList<>();
  private final SseParser parser = new SseParser(events::add);

  private static final String MASTODON = ":)\n"
      + "event: notification\ndata: {\"id\":\"1001\",\"type\":\"mention\",\"note\":\"café ☕\"}\n\n"
      + ":thump\n"
      + "event: update\ndata: {\"id\":\"7\"}\n\n";

  @Test
  @DisplayName("Mastodon's stream yields its events with type and data; heartbeats and the greeting are ignored")
  void wholeStream() {
    parser.feed(MASTODON);
    assertEquals(List.of(
        new SseParser.Event("notification", "{\"id\":\"1001\",\"type\":\"mention\",\"note\":\"café ☕\"}"),
        new SseParser.Event("update", "{\"id\":\"7\"}")), events);
  }

  @Test
  @DisplayName("every possible split into two chunks, even inside a multi-byte character, gives the same events")
  void everyChunkBoundary() {
    byte[] bytes = MASTODON.getBytes(StandardCharsets.UTF_8);
    List<SseParser.Event> expected = List.of(
        new SseParser.Event("notification", "{\"id\":\"1001\",\"type\":\"mention\",\"note\":\"café ☕\"}"),
        new SseParser.Event("update", "{\"id\":\"7\"}"));
    for (int cut = 0; cut <= bytes.length; cut++) {
      List<SseParser.Event> seen = new ArrayList<>();
      SseParser split = new SseParser(seen::add);
      split.feed(Arrays.copyOfRange(bytes, 0, cut));
      split.feed(Arrays.copyOfRange(bytes, cut, bytes.length));
      assertEquals(expected, seen, "split at byte " + cut);
    }
  }

  @Test
  @DisplayName("byte-by-byte delivery and CRLF line ends change nothing")
  void byteByByteWithCrlf() {
    for (byte b : "event: notification\r\ndata: {}\r\n\r\n".getBytes(StandardCharsets.UTF_8)) {
      parser.feed(new byte[] {b});
    }
    assertEquals(List.of(new SseParser.Event("notification", "{}")), events);
  }

  @Test
  @DisplayName("several data lines join with newlines; no event field means 'message'; no space after the colon is fine")
  void multiLineData() {
    parser.feed("data: first\ndata:second\ndata\n\n");
    assertEquals(List.of(new SseParser.Event("message", "first\nsecond\n")), events);
  }

  @Test
  @DisplayName("an event is only dispatched at its blank line, and one without data is dropped")
  void dispatchOnlyAtBlankLine() {
    parser.feed("event: notification\ndata: {\"id\":\"1\"}\n");
    assertEquals(List.of(), events, "not complete yet");
    parser.feed("\nevent: delete\nid: 9\n\n:thump\n\n");
    assertEquals(List.of(new SseParser.Event("notification", "{\"id\":\"1\"}")), events);
  }
}

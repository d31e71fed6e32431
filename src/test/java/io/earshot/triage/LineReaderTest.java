package io.earshot.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("score's line reader")
class LineReaderTest {

  private static List<String> lines(Reader in, int limit) throws IOException {
    LineReader reader = new LineReader(in, limit);
    List<String> out = new ArrayList<>();
    for (String line = reader.next(); line != null; line = reader.next()) {
      out.add(line);
    }
    return out;
  }

  @Test
  @DisplayName("only '\\n' ends a line; a '\\r' before it is dropped, one inside a post is kept; a last line needs no newline")
  void endings() throws IOException {
    assertEquals(List.of("a", "b\rc", "", "d"), lines(new StringReader("a\r\nb\rc\n\nd"), 100));
    assertEquals(List.of(""), lines(new StringReader("\n"), 100));
    assertEquals(List.of(), lines(new StringReader(""), 100));
  }

  @Test
  @DisplayName("a byte-order mark is dropped at the start of the input only")
  void byteOrderMark() throws IOException {
    assertEquals(List.of("x", "\uFEFFy"), lines(new StringReader("\uFEFFx\n\uFEFFy\n"), 100));
  }

  @Test
  @DisplayName("a line over the limit is TOO_LONG, the line after it is read whole; a line of exactly the limit is kept")
  void tooLong() throws IOException {
    LineReader reader = new LineReader(new StringReader("12345\n123456\n1234567890\nok\n"), 5);
    assertEquals("12345", reader.next());
    assertSame(LineReader.TOO_LONG, reader.next());
    assertSame(LineReader.TOO_LONG, reader.next());
    assertEquals("ok", reader.next());
    assertNull(reader.next());
  }

  @Test
  @DisplayName("lines that cross the reader's buffer, or arrive a few characters at a time, are read whole")
  void acrossReads() throws IOException {
    String longLine = "x".repeat(70_000) + "y";
    assertEquals(List.of("a", longLine, "b"), lines(new StringReader("a\n" + longLine + "\nb\n"), 100_000));
    Reader trickle = new StringReader("first line\nsecond\r\n") {
      @Override
      public int read(char[] buf, int off, int len) throws IOException {
        return super.read(buf, off, Math.min(len, 3));
      }
    };
    assertEquals(List.of("first line", "second"), lines(trickle, 100));
  }
}

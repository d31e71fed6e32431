package io.earshot.triage;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines ended by '\n' only, so a stray '\r' inside a post cannot split it and shift the
 * output against the input ("\r\n" endings are still accepted). A line longer than the limit is
 * consumed without being kept: {@link #next()} then returns {@link #TOO_LONG}.
 */
final class LineReader {
  /** Returned, by identity, for a line over the limit. */
  static final String TOO_LONG = new String("<too long>");

  private final Reader in;
  private final int limit;
  private final char[] buffer = new char[1 << 16];
  private final StringBuilder line = new StringBuilder(256);
  private int pos;
  private int end;
  private boolean started;

  LineReader(Reader in, int limit) {
    this.in = in;
    this.limit = limit;
  }

  /** The next line without its terminator, {@link #TOO_LONG}, or null at the end of input. */
  String next() throws IOException {
    line.setLength(0);
    boolean read = false;
    boolean tooLong = false;
    while (pos < end || fill()) {
      read = true;
      char c = buffer[pos++];
      if (c == '\n') {
        break;
      }
      if (line.length() < limit + 1) {
        line.append(c);
      } else {
        tooLong = true;
      }
    }
    if (!read) {
      return null;
    }
    if (!started) {
      started = true;
      if (line.length() > 0 && line.charAt(0) == '\uFEFF') {
        line.deleteCharAt(0); // a byte-order mark belongs to the stream, not to the first post
      }
    }
    if (line.length() > 0 && line.charAt(line.length() - 1) == '\r') {
      line.setLength(line.length() - 1);
    }
    return tooLong || line.length() > limit ? TOO_LONG : line.toString();
  }

  private boolean fill() throws IOException {
    int n = in.read(buffer, 0, buffer.length);
    pos = 0;
    end = Math.max(n, 0);
    return n > 0;
  }
}

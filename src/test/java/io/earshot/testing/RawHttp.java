package io.earshot.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * One raw TCP connection to a hub, for what an HTTP client library will not do: send headers
 * and then only part of a body, stall, or never send anything. Reads wait at most 20 s.
 */
public final class RawHttp implements AutoCloseable {
  private final Socket socket;
  private final InputStream in;

  public RawHttp(int port) {
    try {
      socket = new Socket("127.0.0.1", port);
      socket.setSoTimeout(20_000);
      in = socket.getInputStream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A response: status, raw header block (lower-cased names), body. */
  public record Reply(int status, String headers, String body) {
    public boolean hasHeader(String name, String value) {
      return headers.contains(name.toLowerCase(Locale.ROOT) + ": " + value.toLowerCase(Locale.ROOT));
    }
  }

  /** Sends text; answers false if the hub had already closed the connection. */
  public boolean send(String text) {
    return send(text.getBytes(StandardCharsets.UTF_8));
  }

  public boolean send(byte[] bytes) {
    try {
      socket.getOutputStream().write(bytes);
      socket.getOutputStream().flush();
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Reads one response with a Content-Length body. */
  public Reply read() {
    try {
      String head = readHead();
      int status = Integer.parseInt(head.substring(9, 12));
      String lower = head.toLowerCase(Locale.ROOT);
      int length = 0;
      int at = lower.indexOf("content-length:");
      if (at >= 0) {
        length = Integer.parseInt(lower.substring(at + 15, lower.indexOf('\r', at)).trim());
      }
      return new Reply(status, lower, new String(in.readNBytes(length), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String readHead() throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int state = 0;
    while (state < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed before a response: " + head);
      }
      head.write(b);
      state = b == (state % 2 == 0 ? '\r' : '\n') ? state + 1 : b == '\r' ? 1 : 0;
    }
    return head.toString(StandardCharsets.US_ASCII);
  }

  /** Whether the hub closes the connection within {@code timeout} (any further bytes are skipped). */
  public boolean closedWithin(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    try {
      socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
      byte[] buffer = new byte[8192];
      while (Instant.now().isBefore(deadline)) {
        if (in.read(buffer) < 0) {
          return true;
        }
      }
      return false;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (SocketException e) {
      return true; // reset by the hub
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // nothing to release beyond the socket
    }
  }
}

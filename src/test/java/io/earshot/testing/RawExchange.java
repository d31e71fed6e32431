package io.earshot.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP/1.1 exchange over a fresh socket, byte for byte as given: an invalid request line,
 * invalid UTF-8 in a path or header, duplicated headers, a body larger than the route accepts.
 * The hub may answer before the body is sent (and close), so a failed write still reads the
 * answer. A watchdog closes the socket at the deadline, so nothing here waits longer than that.
 */
public final class RawExchange {
  private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "raw-exchange-watchdog");
    thread.setDaemon(true);
    return thread;
  });

  /** {@code HTTP/1.1 200 OK}; a server may echo another version it was sent ({@code HTTP/9.9 501}). */
  private static final java.util.regex.Pattern STATUS_LINE = java.util.regex.Pattern.compile("[!-~]*/[!-~]* (\\d{3})[ \r]");

  private RawExchange() {
  }

  /**
   * What came back: the status (0 when none), the header block with lower-cased names, the body,
   * the time from connecting to the last byte, and why nothing usable came back when it did not.
   */
  public record Answer(int status, String headers, byte[] body, long millis, String failure) {
    public String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }

    /** The first value of a header (name in any case), or null. */
    public String header(String name) {
      String prefix = "\r\n" + name.toLowerCase(Locale.ROOT) + ":";
      int at = headers.indexOf(prefix);
      return at < 0 ? null : headers.substring(at + prefix.length(), headers.indexOf('\r', at + 2)).trim();
    }
  }

  /**
   * Sends {@code head} then {@code body} to 127.0.0.1:{@code port} and reads one answer (skipping
   * a {@code 100 Continue}); {@code headRequest}: the answer has no body whatever its length says.
   */
  public static Answer exchange(int port, byte[] head, byte[] body, long deadlineMs, boolean headRequest) {
    long start = System.nanoTime();
    try (Socket socket = new Socket()) {
      ScheduledFuture<?> watchdog = WATCHDOG.schedule(() -> closeQuietly(socket), deadlineMs, TimeUnit.MILLISECONDS);
      try {
        socket.connect(new InetSocketAddress("127.0.0.1", port), (int) deadlineMs);
        socket.setSoTimeout((int) deadlineMs);
        write(socket.getOutputStream(), head, body);
        return read(socket.getInputStream(), start, headRequest);
      } finally {
        watchdog.cancel(false);
      }
    } catch (IOException e) {
      return new Answer(0, "", new byte[0], elapsed(start), e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  /** A refused body ends in a reset or a broken pipe; the answer sent before it is still readable. */
  private static void write(OutputStream out, byte[] head, byte[] body) {
    try {
      out.write(head);
      for (int at = 0; at < body.length; at += 64 * 1024) {
        out.write(body, at, Math.min(64 * 1024, body.length - at));
      }
      out.flush();
    } catch (IOException ignored) {
      // the hub stopped reading; what it answered is read next
    }
  }

  private static Answer read(InputStream in, long start, boolean headRequest) throws IOException {
    String head = head(in);
    if (head.startsWith("HTTP/1.1 100 ")) {
      head = head(in);
    }
    java.util.regex.Matcher line = STATUS_LINE.matcher(head);
    if (!line.lookingAt()) {
      return new Answer(0, head, new byte[0], elapsed(start), "no HTTP status line: '" + head + "'");
    }
    int status = Integer.parseInt(line.group(1));
    String lower = "\r\n" + head.substring(head.indexOf("\r\n") + 2).toLowerCase(Locale.ROOT);
    Answer partial = new Answer(status, lower, new byte[0], 0, null);
    String length = partial.header("content-length");
    byte[] body;
    if (headRequest || status == 101 || status == 204 || status == 304) {
      body = new byte[0];
    } else if (length != null) {
      body = in.readNBytes(Integer.parseInt(length));
    } else if ("chunked".equals(partial.header("transfer-encoding"))) {
      body = chunked(in);
    } else {
      body = in.readAllBytes();
    }
    return new Answer(status, lower, body, elapsed(start), null);
  }

  private static String head(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int state = 0;
    while (state < 4) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.write(b);
      state = b == (state % 2 == 0 ? '\r' : '\n') ? state + 1 : b == '\r' ? 1 : 0;
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  private static byte[] chunked(InputStream in) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String size = line(in).split(";", 2)[0].trim();
      int n = Integer.parseInt(size, 16);
      if (n == 0) {
        line(in);
        return body.toByteArray();
      }
      body.write(in.readNBytes(n));
      line(in);
    }
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
      if (b != '\r') {
        line.append((char) b);
      }
    }
    return line.toString();
  }

  private static long elapsed(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // the deadline passed; the caller reports it
    }
  }
}

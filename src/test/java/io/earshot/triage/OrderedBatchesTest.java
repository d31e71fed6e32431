package io.earshot.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("score's ordered batches")
class OrderedBatchesTest {

  /** Lines "0", "1", ... up to {@code n} (unbounded when n is negative), counting reads. */
  private static OrderedBatches.Source numbers(int n, AtomicInteger read) {
    return () -> read.get() == n ? null : Integer.toString(read.getAndIncrement());
  }

  /** Uneven work per line, so batches finish out of order. */
  private static String slowForSome(String line) {
    int n = Integer.parseInt(line);
    long x = n;
    for (int i = 0; i < (n % 5 == 0 ? 200_000 : 10); i++) {
      x = x * 31 + i;
    }
    return x == 42 ? "never" : "r" + line;
  }

  @Test
  @DisplayName("write one result per line in input order, whatever order the batches finish in")
  void order() throws IOException {
    StringWriter out = new StringWriter();
    new OrderedBatches(3, 7).run(numbers(2_000, new AtomicInteger()), OrderedBatchesTest::slowForSome, out);
    String[] lines = out.toString().split("\n");
    assertEquals(2_000, lines.length);
    for (int i = 0; i < lines.length; i++) {
      assertEquals("r" + i, lines[i]);
    }
  }

  @Test
  @DisplayName("a read error ends the run with that error after the lines before it are written")
  void readError() {
    AtomicInteger read = new AtomicInteger();
    OrderedBatches.Source failing = () -> {
      if (read.get() == 25) {
        throw new IOException("disk gone");
      }
      return Integer.toString(read.getAndIncrement());
    };
    StringWriter out = new StringWriter();
    IOException e = assertThrows(IOException.class, () -> new OrderedBatches(2, 4).run(failing, l -> l, out));
    assertEquals("disk gone", e.getMessage());
    assertEquals(25, out.toString().split("\n").length);
  }

  @Test
  @DisplayName("a write error ends the run with that error, even on endless input")
  void writeError() {
    Writer broken = new Writer() {
      @Override
      public void write(char[] buf, int off, int len) throws IOException {
        throw new IOException("pipe closed");
      }

      @Override
      public void flush() {
      }

      @Override
      public void close() {
      }
    };
    IOException e = assertThrows(IOException.class,
        () -> new OrderedBatches(2, 16).run(numbers(-1, new AtomicInteger()), l -> l, broken));
    assertEquals("pipe closed", e.getMessage());
  }

  @Test
  @DisplayName("a reader ahead of a stalled writer waits: only a bounded number of batches is ever read")
  void bounded() throws Exception {
    AtomicInteger read = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    Writer stalled = new Writer() {
      @Override
      public void write(char[] buf, int off, int len) throws IOException {
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        throw new IOException("released");
      }

      @Override
      public void flush() {
      }

      @Override
      public void close() {
      }
    };
    Thread run = new Thread(() -> {
      try {
        new OrderedBatches(2, 10).run(numbers(-1, read), l -> l, stalled);
      } catch (IOException expected) {
        // the writer was released with an error
      }
    });
    run.start();
    while (!readerWaiting()) {
      Thread.onSpinWait();
    }
    // 2 × 2 + 1 queued batches, one taken by the writer, one being filled
    assertTrue(read.get() <= 7 * 10 + 1, "read " + read.get() + " lines");
    release.countDown();
    run.join();
  }

  private static boolean readerWaiting() {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.getName().equals("score-reader") && t.getState() == Thread.State.WAITING);
  }
}

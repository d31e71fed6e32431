package io.earshot.triage;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;

/**
 * A bounded, ordered pipeline for {@code score}: one thread reads lines into batches, a pool
 * of {@code threads} maps each batch, and the calling thread writes the batches in input order.
 * Reading, mapping and writing overlap, so every core scores all the time (the previous design
 * read a batch, scored it on all cores, then wrote it, leaving the pool idle while one thread
 * read and wrote). At most {@code 2 × threads + 1} batches are in flight: a reader ahead of a
 * slow writer waits, so memory stays bounded whatever the input's length.
 */
final class OrderedBatches {
  /** Reads the next line, or returns null at the end of input. */
  interface Source {
    String next() throws IOException;
  }

  private static final String[] END = new String[0];

  private final int threads;
  private final int batchSize;

  OrderedBatches(int threads, int batchSize) {
    this.threads = Math.max(1, threads);
    this.batchSize = Math.max(1, batchSize);
  }

  /**
   * Writes {@code map(line)} and a newline for every line of {@code source}, in order.
   * Throws the first IOException of reading or writing; lines before it are written.
   */
  void run(Source source, UnaryOperator<String> map, Writer out) throws IOException {
    ExecutorService pool = Executors.newFixedThreadPool(threads, daemon("score-worker"));
    BlockingQueue<Future<String[]>> pending = new ArrayBlockingQueue<>(2 * threads + 1);
    Thread reader = daemon("score-reader").newThread(() -> read(source, map, pool, pending));
    reader.start();
    try {
      write(pending, out);
    } finally {
      reader.interrupt(); // only matters when writing failed: the reader may wait on a full queue
      pool.shutdownNow();
    }
  }

  private void read(Source source, UnaryOperator<String> map, ExecutorService pool,
                    BlockingQueue<Future<String[]>> pending) {
    String[] batch = new String[batchSize];
    int n = 0;
    Future<String[]> last = CompletableFuture.completedFuture(END);
    try {
      String line;
      while ((line = source.next()) != null) {
        batch[n++] = line;
        if (n == batchSize) {
          pending.put(submit(pool, batch, n, map));
          batch = new String[batchSize];
          n = 0;
        }
      }
    } catch (IOException | RuntimeException e) {
      last = CompletableFuture.failedFuture(e); // after the lines read before it
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the writer has stopped; nothing waits for us
      return;
    }
    if (n > 0) {
      end(pending, submit(pool, batch, n, map));
    }
    end(pending, last);
  }

  /** The writer drains the queue, so waiting for room here ends unless the writer stopped. */
  private static void end(BlockingQueue<Future<String[]>> pending, Future<String[]> last) {
    try {
      pending.put(last);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Future<String[]> submit(ExecutorService pool, String[] batch, int n,
                                         UnaryOperator<String> map) {
    return pool.submit(() -> {
      String[] out = new String[n];
      for (int i = 0; i < n; i++) {
        out[i] = map.apply(batch[i]);
      }
      return out;
    });
  }

  private static void write(BlockingQueue<Future<String[]>> pending, Writer out) throws IOException {
    while (true) {
      String[] results = take(pending);
      if (results == END) {
        return;
      }
      for (String result : results) {
        out.write(result);
        out.write('\n');
      }
    }
  }

  private static String[] take(BlockingQueue<Future<String[]>> pending) throws IOException {
    try {
      return pending.take().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while scoring", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return task -> {
      Thread t = new Thread(task, name);
      t.setDaemon(true);
      return t;
    };
  }
}

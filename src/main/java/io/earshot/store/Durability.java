package io.earshot.store;

import java.util.concurrent.Callable;

/**
 * How a write becomes durable before the hub acknowledges it. A real MongoDB does it through
 * the write concern set on the client, so {@link #SERVER} only runs the write; the embedded
 * server buffers its writes, so {@link GroupCommit} brackets them and commits to its file.
 * Both are blocking and run on the Mongo worker pool.
 */
public interface Durability {
  /** Runs one write and returns once it is durable; rethrows what the write threw. */
  <T> T write(Callable<T> write) throws Exception;

  /**
   * Runs one write under the same rules as {@link #write} but returns without waiting for it to
   * be durable: the next durable write's commit covers it, because a commit persists everything
   * written before it. For writes that only matter together with a later durable one.
   */
  <T> T stage(Callable<T> write) throws Exception;

  /** Returns once every write that completed before the call is durable. */
  void barrier();

  /** Commits taken so far, the time spent in them and the writes they covered (all zero when the server commits). */
  default Commits commits() {
    return new Commits(0, 0, 0);
  }

  /** Running totals of group commits, for the metrics. */
  record Commits(long count, long nanos, long writes) {
  }

  /** A real MongoDB: the client's write concern already waits for durability. */
  Durability SERVER = new Durability() {
    @Override
    public <T> T write(Callable<T> write) throws Exception {
      return write.call();
    }

    @Override
    public <T> T stage(Callable<T> write) throws Exception {
      return write.call();
    }

    @Override
    public void barrier() {
      // every acknowledged write is already durable
    }
  };
}

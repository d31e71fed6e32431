package io.earshot.store;

import java.util.concurrent.Callable;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Durable writes on the embedded server's MVStore, committed in groups. The server applies one
 * wire operation as several map changes (a document, then each index), and a commit taken in the
 * middle would persist half an operation: after a crash, a document a scan finds and a lookup by
 * {@code _id} does not. So writes run under a shared lock and a commit takes it exclusively,
 * between whole operations. A writer then waits for a commit that started after its write ended;
 * writers that finish while a commit runs share the next one, so the cost is one commit per group,
 * not per write. Background auto-commit is off: nothing reaches the file but whole operations.
 */
final class GroupCommit implements Durability {
  private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);
  private final MVStore store;
  private final boolean fsync;
  // Fair, so a waiting commit is not starved by a stream of new writes.
  private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock(true);
  private final Object monitor = new Object();
  private long completedWrites;
  private long committedWrites;
  private boolean committing;
  // Totals for the metrics, under the monitor like the counters above.
  private long commits;
  private long commitNanos;

  GroupCommit(MVStore store, boolean fsync) {
    this.store = store;
    this.fsync = fsync;
  }

  @Override
  public <T> T write(Callable<T> write) throws Exception {
    gate.readLock().lock();
    long ticket;
    try {
      return write.call();
    } finally {
      synchronized (monitor) {
        ticket = ++completedWrites;
      }
      gate.readLock().unlock();
      // A failed write may still have changed something (an unordered bulk write): commit it too.
      commitThrough(ticket);
    }
  }

  @Override
  public <T> T stage(Callable<T> write) throws Exception {
    gate.readLock().lock();
    try {
      return write.call();
    } finally {
      synchronized (monitor) {
        ++completedWrites;
      }
      gate.readLock().unlock();
    }
  }

  @Override
  public void barrier() {
    long ticket;
    synchronized (monitor) {
      ticket = completedWrites;
    }
    commitThrough(ticket);
  }

  /** Returns once a commit covering write number {@code ticket} has finished. */
  private void commitThrough(long ticket) {
    while (true) {
      long covered;
      synchronized (monitor) {
        while (committing && committedWrites < ticket) {
          waitForCommit();
        }
        if (committedWrites >= ticket) {
          return;
        }
        committing = true;
        covered = completedWrites;
      }
      // The monitor is not held while committing: writers finishing meanwhile take tickets.
      boolean committed = false;
      long started = System.nanoTime();
      try {
        commitExclusively();
        committed = true;
      } finally {
        synchronized (monitor) {
          committing = false;
          if (committed) {
            committedWrites = Math.max(committedWrites, covered);
            commits++;
            commitNanos += System.nanoTime() - started;
          }
          monitor.notifyAll();
        }
      }
    }
  }

  @Override
  public Commits commits() {
    synchronized (monitor) {
      return new Commits(commits, commitNanos, committedWrites);
    }
  }

  /**
   * Runs {@code close} (the store's) between whole operations and commits, like a commit: closing
   * the MVStore while a commit runs on another thread deadlocks inside H2 (seen when a hub stopped
   * while a listener was still writing).
   */
  void closeExclusively(Runnable close) {
    gate.writeLock().lock();
    try {
      close.run();
    } finally {
      gate.writeLock().unlock();
    }
  }

  private void commitExclusively() {
    gate.writeLock().lock();
    try {
      store.commit();
      if (fsync) {
        store.sync();
      }
    } catch (RuntimeException e) {
      LOG.error("embedded MongoDB commit failed; the writes waiting for it are not acknowledged", e);
      throw e;
    } finally {
      gate.writeLock().unlock();
    }
  }

  private void waitForCommit() {
    try {
      monitor.wait();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a commit", e);
    }
  }
}

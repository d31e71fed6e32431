package io.earshot.testing;

import io.netty.util.concurrent.EventExecutor;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.internal.threadchecker.BlockedThreadEvent;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Judges each report of Vert.x's blocked-thread checker by where the event loop's time really
 * went, from Linux's own accounting of the thread ({@code /proc/self/task/<tid>/schedstat}: time
 * on a CPU, time runnable but waiting for one) and the JVM's GC pause time. The checker measures
 * wall time, so on a machine shared by several builds a loop that merely waited for a CPU, or
 * was stopped by a GC pause with every other thread, looks blocked. What the loop spent on its
 * own (on a CPU, or off one without waiting for it: sleeping, parked, in I/O, on a lock) is what
 * the hub did; a report whose own time reaches the limit is {@link #blocked()}, the rest are
 * {@link #stalled()} by the machine. Both are logged with the thread's stack at the report.
 *
 * <p>Uses Vert.x's internal checker hook and event-loop group: the public API has neither a way
 * to hear a report as an object nor to reach every loop thread. Linux only.
 */
public final class LoopWatch implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LoopWatch.class);
  private static final long SAMPLE_EVERY_MS = 5;
  /** A report can span the limit plus the checker's lateness; a minute of samples is ample. */
  private static final int KEPT_SAMPLES = 12_000;

  /** One report, judged: the window's wall time and what it was made of, in ms. */
  public record Report(String thread, long wallMs, long cpuMs, long queuedMs, long gcMs, String stack) {
    /** On a CPU, or off one without waiting for it: what the loop itself spent. */
    public long ownMs() {
      return wallMs - queuedMs - gcMs;
    }

    @Override
    public String toString() {
      return thread + " reported after " + wallMs + " ms: own " + ownMs() + " (cpu " + cpuMs + ", off-cpu "
          + (ownMs() - cpuMs) + "), waiting for a cpu " + queuedMs + ", gc " + gcMs + "\n" + stack;
    }
  }

  private record Sample(long nanos, long cpuNs, long queuedNs, long gcMs) {
  }

  private record Pending(Thread thread, long endNanos, long startNanos, String stack) {
  }

  private final long limitMs;
  private final Map<Thread, Long> tids = new ConcurrentHashMap<>();
  private final Map<Thread, Deque<Sample>> samples = new ConcurrentHashMap<>();
  private final List<Pending> pending = new CopyOnWriteArrayList<>();
  private final List<Report> blocked = new CopyOnWriteArrayList<>();
  private final List<Report> stalled = new CopyOnWriteArrayList<>();
  private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
  private final Thread sampler = new Thread(this::sampleForever, "loop-watch");

  /** @param limitMs the blocked-thread checker's limit for event loops, as set in the Vert.x options */
  public LoopWatch(long limitMs) {
    this.limitMs = limitMs;
  }

  /**
   * Watches every event loop (and acceptor) of {@code vertx} from now on; call it before the code
   * under test starts (see {@link TestHub#start(Map, io.vertx.core.VertxOptions, java.util.function.Consumer)}),
   * so its start-up is judged too.
   */
  public void watch(Vertx vertx) {
    VertxInternal internal = (VertxInternal) vertx;
    List<EventExecutor> loops = new ArrayList<>();
    internal.nettyEventLoopGroup().forEach(loops::add);
    internal.acceptorEventLoopGroup().forEach(loops::add);
    CountDownLatch known = new CountDownLatch(loops.size());
    loops.forEach(loop -> loop.execute(() -> {
      samples.put(Thread.currentThread(), new ArrayDeque<>());
      tids.put(Thread.currentThread(), ownTid());
      known.countDown();
    }));
    try {
      if (!known.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("not every event loop ran a task within 10 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while finding the event loops", e);
    }
    sampler.setDaemon(true);
    sampler.start();
    internal.blockedThreadChecker().setThreadBlockedHandler(this::reported);
  }

  /** Reports of loops that spent the limit or more on their own: really blocked, or busy. */
  public List<Report> blocked() {
    return List.copyOf(blocked);
  }

  /** Reports explained by the machine: the loop waited for a CPU, or a GC pause stopped it. */
  public List<Report> stalled() {
    return List.copyOf(stalled);
  }

  /** On the checker's thread: the stack now says what the loop is doing; the verdict needs the next sample. */
  private void reported(BlockedThreadEvent event) {
    long now = System.nanoTime();
    String stack = Arrays.stream(event.thread().getStackTrace()).limit(25).map(f -> "\tat " + f)
        .collect(Collectors.joining("\n"));
    pending.add(new Pending(event.thread(), now, now - event.duration(), stack));
  }

  private void sampleForever() {
    while (!Thread.currentThread().isInterrupted()) {
      long gc = collectors.stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
      long nanos = System.nanoTime();
      tids.forEach((thread, tid) -> read(tid, nanos, gc).ifPresent(s -> keep(samples.get(thread), s)));
      pending.stream().filter(p -> p.endNanos() <= nanos).forEach(this::judge);
      try {
        Thread.sleep(SAMPLE_EVERY_MS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private static void keep(Deque<Sample> kept, Sample sample) {
    synchronized (kept) {
      kept.addLast(sample);
      if (kept.size() > KEPT_SAMPLES) {
        kept.removeFirst();
      }
    }
  }

  /**
   * The window is widened to the samples around it (at most one sampling interval each side),
   * which can only add to the loop's own time: the verdict errs towards "blocked". A thread
   * that is not a watched loop, or a window older than the samples kept, is judged blocked.
   */
  private void judge(Pending p) {
    pending.remove(p);
    Deque<Sample> kept = samples.get(p.thread());
    Sample before = null;
    Sample after = null;
    if (kept != null) {
      synchronized (kept) {
        for (Sample s : kept) {
          if (s.nanos() <= p.startNanos()) {
            before = s;
          } else if (s.nanos() >= p.endNanos() && after == null) {
            after = s;
          }
        }
      }
    }
    Report report = before == null || after == null
        ? new Report(p.thread().getName(), ms(p.endNanos() - p.startNanos()), 0, 0, 0, p.stack())
        : new Report(p.thread().getName(), ms(after.nanos() - before.nanos()), ms(after.cpuNs() - before.cpuNs()),
            ms(after.queuedNs() - before.queuedNs()), after.gcMs() - before.gcMs(), p.stack());
    boolean own = report.ownMs() >= limitMs;
    (own ? blocked : stalled).add(report);
    LOG.warn("{} event loop report: {}", own ? "BLOCKED" : "machine stall, not the loop's own time:", report);
  }

  private static long ms(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(nanos);
  }

  /** {@code /proc/thread-self} names the calling thread's task directory: {@code <pid>/task/<tid>}. */
  private static long ownTid() {
    try {
      return Long.parseLong(Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString());
    } catch (IOException e) {
      throw new IllegalStateException("no /proc/thread-self: the loop watch needs Linux", e);
    }
  }

  /** Empty once the thread is gone (its Vert.x closed). */
  private static Optional<Sample> read(long tid, long nanos, long gcMs) {
    try {
      String[] fields = Files.readString(Path.of("/proc/self/task/" + tid + "/schedstat")).trim().split(" ");
      return Optional.of(new Sample(nanos, Long.parseLong(fields[0]), Long.parseLong(fields[1]), gcMs));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    sampler.interrupt();
  }
}

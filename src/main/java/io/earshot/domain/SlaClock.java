package io.earshot.domain;

import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * A case's SLA clocks: one {@link Target} per kind (null when the band does not track it or it
 * has not started), whether they are paused (the case waits on the customer) and, derived from
 * them, the {@code state} and {@code dueAt} of the next target (null when paused or none runs).
 * Decided only by {@code domain/sla/SlaLifecycle}.
 */
public record SlaClock(String band, long policyVersion, Target firstResponse, Target nextResponse, Target resolution,
                       Instant pausedAt, State state, Instant dueAt) {

  /** Where the case stands against its targets. */
  public enum State {
    OK, WARNING, BREACHED, PAUSED, MET;

    public String code() {
      return name().toLowerCase();
    }

    public static State fromCode(String code) {
      return valueOf(code.toUpperCase());
    }
  }

  /** The three targets a band may set. */
  public enum Kind {
    FIRST_RESPONSE, NEXT_RESPONSE, RESOLUTION;

    public String code() {
      return name().toLowerCase();
    }

    public static Kind fromCode(String code) {
      return Arrays.stream(values()).filter(k -> k.code().equals(code)).findFirst().orElseThrow();
    }
  }

  /**
   * One target: {@code minutes} of business time from {@code startedAt}. While it runs it has a
   * {@code dueAt} and a {@code warnAt}; while paused, the business seconds it had left
   * ({@code leftSeconds}) instead. {@code metAt} when answered (or resolved); {@code warned} and
   * {@code breached} record that the watcher told so, which is never told twice. A target
   * neither running nor met was stopped (the case was resolved before it was owed).
   */
  public record Target(long minutes, Instant startedAt, Instant warnAt, Instant dueAt, Long leftSeconds,
                       Instant metAt, boolean warned, boolean breached) {
    public boolean running() {
      return metAt == null && (dueAt != null || leftSeconds != null);
    }

    /** The business seconds used so far, as of a pause; null while the target runs. */
    public Long usedSeconds() {
      return leftSeconds == null ? null : minutes * 60 - leftSeconds;
    }

    public Target met(Instant at) {
      return new Target(minutes, startedAt, warnAt, dueAt, leftSeconds, at, warned, breached);
    }

    public Target stopped() {
      return new Target(minutes, startedAt, null, null, null, null, warned, breached);
    }

    public Target paused(long left) {
      return new Target(minutes, startedAt, null, null, left, null, warned, breached);
    }

    public Target resumed(Instant warn, Instant due) {
      return new Target(minutes, startedAt, warn, due, null, null, warned, breached);
    }

    public Target warnedNow() {
      return new Target(minutes, startedAt, warnAt, dueAt, leftSeconds, metAt, true, breached);
    }

    public Target breachedNow() {
      return new Target(minutes, startedAt, warnAt, dueAt, leftSeconds, metAt, true, true);
    }
  }

  public Target target(Kind kind) {
    return switch (kind) {
      case FIRST_RESPONSE -> firstResponse;
      case NEXT_RESPONSE -> nextResponse;
      case RESOLUTION -> resolution;
    };
  }

  public SlaClock with(Kind kind, Target t) {
    return new SlaClock(band, policyVersion, kind == Kind.FIRST_RESPONSE ? t : firstResponse,
        kind == Kind.NEXT_RESPONSE ? t : nextResponse, kind == Kind.RESOLUTION ? t : resolution, pausedAt, state, dueAt);
  }

  public SlaClock withPause(Instant at) {
    return new SlaClock(band, policyVersion, firstResponse, nextResponse, resolution, at, state, dueAt);
  }

  public SlaClock withSummary(State s, Instant due) {
    return new SlaClock(band, policyVersion, firstResponse, nextResponse, resolution, pausedAt, s, due);
  }

  /** The kinds whose target is running. */
  public Stream<Kind> running() {
    return Arrays.stream(Kind.values()).filter(k -> target(k) != null && target(k).running());
  }

  public boolean paused() {
    return pausedAt != null;
  }
}

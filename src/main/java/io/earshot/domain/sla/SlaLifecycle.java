package io.earshot.domain.sla;

import io.earshot.domain.CaseStatus;
import io.earshot.domain.SlaClock;
import io.earshot.domain.SlaClock.Kind;
import io.earshot.domain.SlaClock.State;
import io.earshot.domain.SlaClock.Target;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The one place that decides a case's SLA clocks, as pure functions. A case opens with its
 * band's first-response and resolution targets running; the brand's reply meets the first (or
 * the next) response; the customer writing after an answer starts the next-response target;
 * {@code pending} (waiting on the customer) pauses every running target, keeping the business
 * time each had left, and the customer writing (or an agent reopening) resumes them; resolving
 * meets the resolution target and stops response targets no longer owed; reopening a resolved
 * case starts its resolution target again. Every function is idempotent for a repeated trigger.
 */
public final class SlaLifecycle {
  private SlaLifecycle() {
  }

  /** What the watcher found: the clock after the check and the alerts to tell, once each. */
  public record Alert(Kind kind, boolean breach, Instant dueAt) {
  }

  public record Checked(SlaClock clock, List<Alert> alerts) {
  }

  /** The clock of a case opened at {@code at} with {@code priority}; null when no band covers it. */
  public static SlaClock open(BrandSla sla, SlaPolicy policy, int priority, Instant at) {
    SlaBand band = sla.bandFor(priority).orElse(null);
    if (band == null) {
      return null;
    }
    BusinessTime time = sla.time();
    int pct = policy.warnAtPercent();
    SlaClock clock = new SlaClock(band.name(), policy.version(), start(band.firstResponseMinutes(), at, time, pct),
        null, start(band.resolutionMinutes(), at, time, pct), null, State.OK, null);
    return settle(clock, at);
  }

  /** The clock after {@code trigger}; {@code band} (null when the policy dropped it) starts new targets. */
  public static SlaClock apply(SlaClock clock, SlaTrigger trigger, SlaBand band, BusinessTime time, int pct) {
    Instant at = trigger.at();
    SlaClock next = clock;
    if (trigger instanceof SlaTrigger.CustomerWrote) {
      next = customerWrote(clock, at, band, time, pct);
    } else if (trigger instanceof SlaTrigger.Responded) {
      next = responded(clock, at);
    } else if (trigger instanceof SlaTrigger.StatusChanged s) {
      next = statusChanged(clock, s, band, time, pct);
    }
    return settle(next, at);
  }

  private static SlaClock customerWrote(SlaClock clock, Instant at, SlaBand band, BusinessTime time, int pct) {
    SlaClock c = resume(clock, at, time, pct);
    Target first = c.firstResponse();
    Target next = c.nextResponse();
    boolean answered = first == null || first.metAt() != null;
    if (band != null && answered && (next == null || !next.running())) {
      c = c.with(Kind.NEXT_RESPONSE, start(band.nextResponseMinutes(), at, time, pct));
    }
    return c;
  }

  private static SlaClock responded(SlaClock clock, Instant at) {
    SlaClock c = clock;
    for (Kind kind : List.of(Kind.FIRST_RESPONSE, Kind.NEXT_RESPONSE)) {
      Target t = c.target(kind);
      if (t != null && t.running()) {
        c = c.with(kind, t.met(at));
      }
    }
    return c;
  }

  private static SlaClock statusChanged(SlaClock clock, SlaTrigger.StatusChanged s, SlaBand band, BusinessTime time,
                                        int pct) {
    return switch (s.to()) {
      case PENDING -> pause(clock, s.at(), time);
      case RESOLVED -> resolved(clock, s.at());
      case NEW, OPEN -> s.from() == CaseStatus.RESOLVED ? restartResolution(clock, s.at(), band, time, pct)
          : resume(clock, s.at(), time, pct);
    };
  }

  private static SlaClock resolved(SlaClock clock, Instant at) {
    SlaClock c = clock.withPause(null);
    for (Kind kind : Kind.values()) {
      Target t = c.target(kind);
      if (t != null && t.running()) {
        c = c.with(kind, kind == Kind.RESOLUTION ? t.met(at) : t.stopped());
      }
    }
    return c;
  }

  private static SlaClock restartResolution(SlaClock clock, Instant at, SlaBand band, BusinessTime time, int pct) {
    SlaClock c = resume(clock, at, time, pct);
    Target r = c.resolution();
    if (band != null && (r == null || !r.running())) {
      c = c.with(Kind.RESOLUTION, start(band.resolutionMinutes(), at, time, pct));
    }
    return c;
  }

  /** Every running target keeps the business time it had left; nothing is due while paused. */
  static SlaClock pause(SlaClock clock, Instant at, BusinessTime time) {
    if (clock.paused()) {
      return clock;
    }
    SlaClock c = clock.withPause(at);
    for (Kind kind : Kind.values()) {
      Target t = c.target(kind);
      if (t != null && t.running()) {
        c = c.with(kind, t.paused(time.between(at, t.dueAt()).toSeconds()));
      }
    }
    return c;
  }

  /** Paused targets run again from {@code at} with the business time they had left. */
  static SlaClock resume(SlaClock clock, Instant at, BusinessTime time, int pct) {
    if (!clock.paused()) {
      return clock;
    }
    SlaClock c = clock.withPause(null);
    for (Kind kind : Kind.values()) {
      Target t = c.target(kind);
      if (t != null && t.running()) {
        long left = t.leftSeconds();
        long beforeWarning = Math.max(0, left - t.minutes() * 60 * (100 - pct) / 100);
        c = c.with(kind, t.resumed(time.plus(at, Duration.ofSeconds(beforeWarning)),
            time.plus(at, Duration.ofSeconds(left))));
      }
    }
    return c;
  }

  /** Warnings and breaches due by {@code now} that were not told yet, and the clock recording them. */
  public static Checked check(SlaClock clock, Instant now) {
    if (clock.paused()) {
      return new Checked(settle(clock, now), List.of());
    }
    SlaClock c = clock;
    List<Alert> alerts = new ArrayList<>();
    for (Kind kind : Kind.values()) {
      Target t = c.target(kind);
      if (t == null || !t.running() || t.dueAt() == null) {
        continue;
      }
      if (!t.breached() && !now.isBefore(t.dueAt())) {
        c = c.with(kind, t.breachedNow());
        alerts.add(new Alert(kind, true, t.dueAt()));
      } else if (!t.warned() && t.warnAt() != null && !now.isBefore(t.warnAt())) {
        c = c.with(kind, t.warnedNow());
        alerts.add(new Alert(kind, false, t.dueAt()));
      }
    }
    return new Checked(settle(c, now), alerts);
  }

  /** When the watcher should look at the clock next (the next warning or due time not told); null: never. */
  public static Instant nextCheck(SlaClock clock) {
    if (clock == null || clock.paused()) {
      return null;
    }
    return clock.running().map(clock::target)
        .map(t -> !t.warned() ? t.warnAt() : !t.breached() ? t.dueAt() : null)
        .filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
  }

  /** The summary as of {@code now}: the state of the worst running target and the next due time. */
  public static SlaClock settle(SlaClock clock, Instant now) {
    if (clock.paused()) {
      return clock.withSummary(State.PAUSED, null);
    }
    List<Target> running = clock.running().map(clock::target).toList();
    if (running.isEmpty()) {
      return clock.withSummary(State.MET, null);
    }
    Instant due = running.stream().map(Target::dueAt).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
    boolean breached = running.stream().anyMatch(t -> t.breached() || (t.dueAt() != null && !now.isBefore(t.dueAt())));
    boolean warning = running.stream().anyMatch(t -> t.warned() || (t.warnAt() != null && !now.isBefore(t.warnAt())));
    return clock.withSummary(breached ? State.BREACHED : warning ? State.WARNING : State.OK, due);
  }

  private static Target start(Integer minutes, Instant at, BusinessTime time, int pct) {
    if (minutes == null) {
      return null;
    }
    Instant warn = time.plus(at, Duration.ofSeconds(minutes * 60L * pct / 100));
    Instant due = time.plus(at, Duration.ofMinutes(minutes));
    return due == null ? null : new Target(minutes, at, warn, due, null, null, false, false);
  }
}

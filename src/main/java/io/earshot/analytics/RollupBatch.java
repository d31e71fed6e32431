package io.earshot.analytics;

import io.earshot.analytics.Facts.BroadcastFact;
import io.earshot.analytics.Facts.CaseFact;
import io.earshot.analytics.Facts.MentionFact;
import io.earshot.analytics.Facts.ReplyFact;
import io.earshot.domain.sla.BusinessCalendars;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How each fact counts, gathered per rollup document (its day's, week's and month's, for its
 * brand × platform, its brand over all platforms and all brands, see {@link RollupTarget}): the
 * one definition of every figure, used alike by the live listener (one batch per delivery) and
 * the rebuild (one batch for everything).
 * Field names are documented in {@code docs/ARCHITECTURE.md} ("Analytics"). First responses and
 * resolutions are counted twice, in wall-clock time and in the brand's business time (its
 * {@link BusinessCalendars}, from the SLA policy the caller read). Pure.
 */
public final class RollupBatch {
  /** A case whose customer opened another with the same brand this recently before counts as a repeat. */
  public static final Duration REPEAT_WINDOW = Duration.ofDays(7);
  /** What a sentiment score is multiplied by to be kept as a whole number ({@code s.<label>.micro}). */
  static final double MICRO = 1_000_000.0;
  private final Map<String, RollupDelta> deltas = new LinkedHashMap<>();
  private final Map<String, RollupTarget> targets = new HashMap<>();
  private final BusinessCalendars calendars;

  /** A batch whose business time is each brand's hours in {@code calendars}. */
  public RollupBatch(BusinessCalendars calendars) {
    this.calendars = calendars;
  }

  /** A batch in which every brand is always open (for what counts no durations: engagement, tests). */
  public RollupBatch() {
    this(BusinessCalendars.ALWAYS_OPEN);
  }

  public Collection<RollupDelta> deltas() {
    return deltas.values();
  }

  public boolean isEmpty() {
    return deltas.isEmpty();
  }

  /** A mention: volume by hour, sentiment by label, contact reasons, and its question if it asks one. */
  public void mention(MentionFact m, String eventId) {
    RollupTarget d = delta(m.createdAt(), m.brand(), m.platform(), eventId);
    d.add("mentions", 1L);
    d.add("mh." + Keys.hour(m.createdAt()), 1L);
    String label = m.label() == null ? "neutral" : m.label();
    d.add("s." + label + ".n", 1L);
    // In millionths, as a whole number: sums of doubles differ in their last digit with the order
    // they are added in (the live listener's flushes, the rebuild's scan); whole numbers do not.
    d.add("s." + label + ".micro", Math.round(m.sentiment() * MICRO));
    m.reasons().forEach(code -> {
      d.add("r." + Keys.safe(code), 1L);
      d.add("rl." + Keys.safe(code) + "." + label, 1L);
    });
    String signature = Questions.signature(m.text());
    if (signature != null) {
      d.add("q." + signature, 1L);
      d.keepLeast("qx." + signature, Questions.example(m.text()));
    }
  }

  /** A case opened; a repeat contact when the customer's case before it with the brand opened within {@link #REPEAT_WINDOW}. */
  public void opened(CaseFact c, String eventId) {
    RollupTarget d = delta(c.createdAt(), c.brand(), c.platform(), eventId);
    d.add("opened", 1L);
    if (repeats(c)) {
      d.add("repeats", 1L);
    }
  }

  static boolean repeats(CaseFact c) {
    Instant previous = c.previousCaseAt();
    return previous != null && !previous.isAfter(c.createdAt())
        && Duration.between(previous, c.createdAt()).compareTo(REPEAT_WINDOW) <= 0;
  }

  /** The case's first brand response, on the day it came, by how long the customer waited. */
  public void firstResponse(CaseFact c, String eventId) {
    RollupTarget d = delta(c.firstResponseAt(), c.brand(), c.platform(), eventId);
    d.add("fr.n", 1L);
    d.add("fr.b." + Histogram.bucket(seconds(c.createdAt(), c.firstResponseAt())), 1L);
    d.add("frb.b." + Histogram.bucket(businessSeconds(c, c.firstResponseAt())), 1L);
  }

  /**
   * A resolution, on its day: how long it took, whether the customer had gone silent since the
   * brand's first answer (an exit), SLA met or breached, and whether a Problem caused it (avoidable).
   */
  public void resolved(CaseFact c, String eventId) {
    RollupTarget d = delta(c.resolvedAt(), c.brand(), c.platform(), eventId);
    d.add("resolved", 1L);
    d.add("rs.b." + Histogram.bucket(seconds(c.createdAt(), c.resolvedAt())), 1L);
    d.add("rsb.b." + Histogram.bucket(businessSeconds(c, c.resolvedAt())), 1L);
    if (c.firstResponseAt() != null && c.lastMentionAt() != null && !c.lastMentionAt().isAfter(c.firstResponseAt())) {
      d.add("exits", 1L);
    }
    if ("met".equals(c.slaState())) {
      d.add("slaMet", 1L);
    } else if ("breached".equals(c.slaState())) {
      d.add("slaBreached", 1L);
    }
    if (c.problemId() != null) {
      d.add("avoidable", 1L);
    }
    if (c.assignee() != null) {
      d.add("a." + Keys.safe(c.assignee()) + ".resolved", 1L);
    }
  }

  /** A brand reply published, counted for its author. */
  public void sent(ReplyFact r, String brand, String eventId) {
    RollupTarget d = delta(r.sentAt(), brand, r.platform(), eventId);
    d.add("sent", 1L);
    if (r.author() != null) {
      d.add("a." + Keys.safe(r.author()) + ".sent", 1L);
    }
  }

  /** An approver's decision on a held reply, with how long it waited, counted for the approver. */
  public void decided(ReplyFact r, String brand, String eventId) {
    RollupTarget d = delta(r.decidedAt(), brand, r.platform(), eventId);
    d.add(r.approved() ? "approvals" : "rejections", 1L);
    if (r.heldAt() != null) {
      d.add("aw.b." + Histogram.bucket(seconds(r.heldAt(), r.decidedAt())), 1L);
    }
    if (r.decidedBy() != null) {
      d.add("a." + Keys.safe(r.decidedBy()) + ".decided", 1L);
    }
  }

  /**
   * The engagement a sent reply has now (platforms report totals, so it is set, not added);
   * quotes and impressions only where its platform gives them, so a sum of them is over the
   * posts that report them.
   */
  public void engagement(ReplyFact r, String brand) {
    delta(r.sentAt(), brand, r.platform(), null).set("e." + Keys.safe(r.id()), counts(r));
  }

  /**
   * The engagement a broadcast's public post has now, set like a reply's ({@code be.<replyId>}).
   * A post answers no case: it counts for its broadcast's brand, under {@link Keys#BROADCASTS}
   * like its broadcast (so not in a real platform's documents), on the day it was sent.
   */
  public void broadcastEngagement(ReplyFact post, String brand) {
    delta(post.sentAt(), brand, Keys.BROADCASTS, null).set("be." + Keys.safe(post.id()), counts(post));
  }

  private static Map<String, Object> counts(ReplyFact r) {
    Map<String, Object> counts = new LinkedHashMap<>(Map.of("likes", r.likes(), "reposts", r.reposts(),
        "replies", r.replies()));
    if (r.quotes() != null) {
      counts.put("quotes", r.quotes());
    }
    if (r.impressions() != null) {
      counts.put("impressions", r.impressions());
    }
    return counts;
  }

  /**
   * A broadcast sent, on the day it finished. A broadcast posts on several accounts, possibly of
   * several platforms, but is one broadcast: it counts once, under the platform code
   * {@link Keys#BROADCASTS} of its brand (so in the brand's and all brands' documents over all
   * platforms, and in no real platform's: a platform filter shows none).
   */
  public void broadcast(BroadcastFact b, String eventId) {
    delta(b.finishedAt(), b.brand(), Keys.BROADCASTS, eventId).add("broadcasts", 1L);
  }

  /**
   * A broadcast's personal notice published, on the day it was sent, under the platform code of
   * broadcasts like its broadcast; so a notice to a customer linked to the Problem after the
   * broadcast finished counts too. (It is also a reply sent in its case, {@link #sent}.)
   */
  public void noticeSent(ReplyFact notice, String brand, String eventId) {
    delta(notice.sentAt(), brand, Keys.BROADCASTS, eventId).add("noticesSent", 1L);
  }

  /**
   * The fact's nine documents, made once per day × brand × platform of the batch: naming a day's
   * week and month and looking up its documents is most of the counting's own work otherwise.
   */
  private RollupTarget delta(Instant at, String brand, String platform, String eventId) {
    String day = Keys.day(at);
    RollupTarget d = targets.computeIfAbsent(Keys.docId(day, brand, platform), k -> new RollupTarget(platform,
        List.of(periods(day, brand, platform), periods(day, brand, Keys.ALL), periods(day, Keys.ALL, Keys.ALL))));
    d.from(eventId);
    return d;
  }

  private RollupTarget.Periods periods(String day, String brand, String platform) {
    String week = Keys.week(java.time.LocalDate.parse(day));
    return new RollupTarget.Periods(of(day, brand, platform), of(week, brand, platform),
        of(Keys.month(day), brand, platform), Keys.ALL.equals(platform));
  }

  private RollupDelta of(String period, String brand, String platform) {
    return deltas.computeIfAbsent(Keys.docId(period, brand, platform), k -> new RollupDelta(period, brand, platform));
  }

  /** The case's business time from its opening to {@code end}, in its brand's hours. */
  private double businessSeconds(CaseFact c, Instant end) {
    return calendars.between(c.brand(), c.createdAt(), end).toMillis() / 1000.0;
  }

  private static double seconds(Instant from, Instant to) {
    return from == null || to == null ? 0 : Math.max(0, Duration.between(from, to).toMillis() / 1000.0);
  }
}

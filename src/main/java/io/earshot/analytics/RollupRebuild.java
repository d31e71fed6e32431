package io.earshot.analytics;

import io.earshot.analytics.Facts.CaseFact;
import io.earshot.analytics.Facts.ReplyFact;
import io.earshot.domain.sla.BusinessCalendars;
import io.earshot.store.RollupSources;
import io.earshot.store.RollupStore;
import io.vertx.core.Future;
import java.util.HashMap;
import java.util.Map;

/**
 * Rebuilds the rollups from the system of record: every mention, case, reply and sent broadcast, counted by the
 * same {@link RollupBatch} the listener uses, then written over the old rollups at once. Run it
 * with the hub stopped ({@code earshot analytics rebuild}): events told while it runs would be
 * counted in the live rollups it then replaces. The rebuilt documents carry no replay keys, so an
 * event counted by the rebuild and delivered again afterwards (a change still waiting in the
 * event queue, a cut ingest batch) would count twice: let the hub drain its event queue before
 * stopping it for a rebuild. Each case's id and brand are held in memory while it runs, for the
 * brand of each reply; a repeat contact is the case's own fact ({@code previousCaseAt}).
 */
public final class RollupRebuild {
  /** What was read and how many rollup documents came of it. */
  public record Outcome(long mentions, long cases, long replies, int documents) {
  }

  private final RollupSources sources;
  private final RollupStore rollups;

  public RollupRebuild(RollupSources sources, RollupStore rollups) {
    this.sources = sources;
    this.rollups = rollups;
  }

  /** The durations in business time are counted in the hours of the SLA policy in force now. */
  public Future<Outcome> run() {
    return sources.calendars().compose(this::run);
  }

  private Future<Outcome> run(BusinessCalendars calendars) {
    RollupBatch batch = new RollupBatch(calendars);
    long[] counts = new long[3];
    Map<String, String> brandOfCase = new HashMap<>();
    return sources.eachMention(m -> {
      counts[0]++;
      batch.mention(m, null);
    }).compose(v -> sources.eachCase(c -> {
      counts[1]++;
      countCase(batch, c);
      brandOfCase.put(c.id(), c.brand());
    })).compose(v -> countReplies(batch, brandOfCase, counts))
        .compose(x -> sources.eachSentBroadcast(b -> batch.broadcast(b, null)))
        .compose(x -> rollups.replaceAll(batch.deltas()))
        .map(v -> new Outcome(counts[0], counts[1], counts[2], batch.deltas().size()));
  }

  /** Every reply, with its case's brand (its broadcast's for a public post) and whether it is a notice. */
  private Future<Void> countReplies(RollupBatch batch, Map<String, String> brandOfCase, long[] counts) {
    return sources.brandsOfPosts().compose(brandOfPost -> sources.allNotices().compose(notices ->
        sources.eachReply(r -> {
          counts[2]++;
          countReply(batch, r, brandOfCase.get(r.caseId()), notices.contains(r.id()));
          countPost(batch, r, brandOfPost.get(r.id()));
        })));
  }

  /** Its opening (a repeat contact by the previous case it names), first response and resolution. */
  private static void countCase(RollupBatch batch, CaseFact c) {
    batch.opened(c, null);
    if (c.firstResponseAt() != null) {
      batch.firstResponse(c, null);
    }
    if (!c.merged() && c.resolvedAt() != null) {
      batch.resolved(c, null);
    }
  }

  /** A broadcast's public post (no case; {@code brand} its broadcast's): its engagement, as measured last. */
  private static void countPost(RollupBatch batch, ReplyFact r, String brand) {
    if (brand != null && r.caseId() == null && r.sentAt() != null && r.measuredAt() != null) {
      batch.broadcastEngagement(r, brand);
    }
  }

  private static void countReply(RollupBatch batch, ReplyFact r, String brand, boolean notice) {
    if (brand == null) {
      return;
    }
    if (r.sentAt() != null) {
      batch.sent(r, brand, null);
      if (notice) {
        batch.noticeSent(r, brand, null);
      }
      if (r.measuredAt() != null) {
        batch.engagement(r, brand);
      }
    }
    if (r.decidedAt() != null) {
      batch.decided(r, brand, null);
    }
  }
}

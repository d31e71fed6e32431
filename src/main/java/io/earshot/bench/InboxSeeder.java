package io.earshot.bench;

import io.earshot.domain.Author;
import io.earshot.domain.CareCase;
import io.earshot.domain.CaseStatus;
import io.earshot.domain.Mention;
import io.earshot.domain.Platform;
import io.earshot.domain.Triage;
import io.earshot.store.BulkSeed;
import io.earshot.triage.ScoringInput;
import io.earshot.triage.TriageEngine;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A year of inbox history for {@code bench inbox}: {@code cases} cases over a year, of which
 * {@code open} still new or open (most assigned to one of ten agents), 3 % pending and the rest
 * resolved, with {@code mentions} mentions among them on six platforms. Each case's first mention
 * carries a word of its own ({@code ref<n>}), so a search can ask for one case out of all. Texts
 * are scored once per template (triage is not what this bench measures). Inserted in chunks
 * through {@link BulkSeed}.
 */
final class InboxSeeder {
  private static final String[] TEXTS = {
      "my internet has been down since this morning, still no update? ref%d",
      "flight delayed again and nobody at the gate knows anything ref%d",
      "order never arrived and support is not answering ref%d",
      "I was charged twice for the same payment, please help ref%d",
      "how do I change the plan on my account? ref%d",
      "thanks, the driver was super friendly and the food was hot! ref%d",
      "third time asking: when will the outage in my area be fixed ref%d",
      "great crew on today's flight, thank you ref%d",
      "the app crashes every time I open my invoice ref%d",
      "cannot log in since the update, password reset never arrives ref%d"};
  private static final Platform[] PLATFORMS = {Platform.X, Platform.MASTODON, Platform.BLUESKY, Platform.SANDBOX,
      Platform.FACEBOOK, Platform.INSTAGRAM};
  private static final Logger LOG = LoggerFactory.getLogger(InboxSeeder.class);
  private static final int CHUNK = 1_000;
  private final BulkSeed seed;
  private final Triage[] scored = new Triage[TEXTS.length];
  private final SplittableRandom random = new SplittableRandom(7);
  private final Instant now = Instant.now();

  InboxSeeder(BulkSeed seed, TriageEngine scorer) {
    this.seed = seed;
    for (int i = 0; i < TEXTS.length; i++) {
      scored[i] = scorer.score(new ScoringInput(TEXTS[i].formatted(0), new Author("a", "a", "A", 10, false), false, 0,
          Duration.ZERO));
    }
  }

  /** Seeds everything; answers the ids of the cases, in the order made. */
  List<String> seed(int cases, int mentions, int open) {
    List<String> ids = new ArrayList<>(cases);
    int openEvery = Math.max(1, cases / Math.max(1, open));
    for (int start = 0; start < cases; start += CHUNK) {
      int end = Math.min(cases, start + CHUNK);
      List<BulkSeed.SeedCase> chunkCases = new ArrayList<>();
      List<Mention> chunkMentions = new ArrayList<>();
      List<Mention> latest = new ArrayList<>();
      for (int n = start; n < end; n++) {
        int count = mentionsOf(n, cases, mentions);
        boolean isOpen = n % openEvery == 0 && n / openEvery < open;
        BulkSeed.SeedCase c = oneCase(n, count, isOpen, chunkMentions);
        chunkCases.add(c);
        latest.add(chunkMentions.get(chunkMentions.size() - 1));
        ids.add(c.careCase().id());
      }
      // Three collections, three locks on the embedded server: written side by side, one chunk at a time.
      Future.all(seed.mentions(chunkMentions), seed.cases(chunkCases), seed.customers(latest)).await();
      if ((end / CHUNK) % 20 == 0) {
        LOG.info("bench inbox: {} of {} cases seeded", end, cases);
      }
    }
    return ids;
  }

  /** Spreads {@code mentions} over the cases as evenly as whole numbers allow. */
  private static int mentionsOf(int n, int cases, int mentions) {
    long before = (long) n * mentions / cases;
    long upTo = (long) (n + 1) * mentions / cases;
    return (int) Math.max(1, upTo - before);
  }

  private BulkSeed.SeedCase oneCase(int n, int count, boolean isOpen, List<Mention> into) {
    String caseId = "bench-case-" + n;
    Platform platform = PLATFORMS[n % PLATFORMS.length];
    int customer = n * 3 / 4;
    Author author = new Author("u" + customer, "customer" + customer, "Customer " + customer,
        random.nextInt(50_000), random.nextInt(100) == 0);
    // Every mention in the past (the last one at most a few days after the first).
    Instant created = now.minus(Duration.ofMinutes(7 * 24 * 60 + random.nextLong(358L * 24 * 60)));
    List<String> mentionIds = new ArrayList<>(count);
    Mention last = null;
    Triage triage = null;
    for (int k = 0; k < count; k++) {
      int template = random.nextInt(TEXTS.length);
      triage = scored[template];
      Instant at = created.plus(Duration.ofMinutes(k * 17L));
      Mention m = Mention.incoming(platform, null, "m" + n + "-" + k, author, TEXTS[template].formatted(n), at,
          last == null ? null : last.externalId(), null, "en", null).withBrand("default").threaded(caseId, triage, at);
      into.add(m);
      mentionIds.add(m.id());
      last = m;
    }
    CaseStatus status = isOpen ? (n % 2 == 0 ? CaseStatus.NEW : CaseStatus.OPEN)
        : random.nextInt(100) < 3 ? CaseStatus.PENDING : CaseStatus.RESOLVED;
    String assignee = status == CaseStatus.NEW && n % 4 == 0 ? null : "agent" + (n % 10);
    Instant lastAt = last.createdAt();
    CareCase c = new CareCase(caseId, platform, null, "default", last.customerId(), author.handle(), status,
        triage.priority(), triage, assignee, List.of(), into.get(into.size() - count).text(), last.text(), count,
        created, lastAt, lastAt, status == CaseStatus.NEW ? null : lastAt.plusSeconds(600),
        status == CaseStatus.RESOLVED ? lastAt.plusSeconds(3_600) : null, 1, null, null, null, null);
    return new BulkSeed.SeedCase(c, mentionIds);
  }
}

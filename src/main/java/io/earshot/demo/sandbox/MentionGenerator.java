package io.earshot.demo.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Writes the sandbox's stream of customer posts into a {@link SandboxNetwork}: complaints,
 * questions, praise, sarcasm, follow-ups in existing threads, foreign-language lines and bursts
 * around a simulated incident, from {@link MentionCorpus} templates. Everything random comes from
 * the {@link RandomGenerator} given, so a seed reproduces a stream exactly. No I/O, no timers:
 * the caller decides when to call {@link #emit()} (see {@link #nextDelayMillis(long)}).
 */
public final class MentionGenerator {
  /** A post the generator wrote, with the industry and kind it was drawn from. */
  public record Emitted(SandboxPost post, String industry, String kind) {
  }

  private final MentionCorpus corpus;
  private final RandomGenerator rng;
  private final SandboxNetwork network;
  private final CustomerPool customers;
  private final TextStyler styler;
  private Incident incident;

  /** An ongoing outage: the next {@code remaining} posts all report it. */
  private record Incident(String industry, String brand, String what, int remaining) {
  }

  public MentionGenerator(MentionCorpus corpus, RandomGenerator rng, SandboxNetwork network) {
    this.corpus = corpus;
    this.rng = rng;
    this.network = network;
    this.customers = new CustomerPool(corpus, rng, 400);
    this.styler = new TextStyler(corpus.emoji(), rng);
  }

  /** Posts one customer post; about once in 150 calls it also starts an incident burst. */
  public Emitted emit() {
    if (incident == null && rng.nextInt(150) == 0) {
      startIncident();
    }
    if (incident != null) {
      return emitBurst();
    }
    int roll = rng.nextInt(100);
    if (roll < 16) {
      List<OpenReply> unanswered = unansweredBrandReplies();
      if (!unanswered.isEmpty() && rng.nextBoolean()) {
        return answerBrandReply(pick(unanswered));
      }
      List<SandboxPost> recent = network.recentMentions(60);
      if (!recent.isEmpty()) {
        return chase(pick(recent));
      }
    } else if (roll < 23) {
      return emitForeign();
    }
    return emitFresh(kindFor(roll));
  }

  /** Complaints dominate real care inboxes; praise and questions follow, sarcasm is rarer. */
  private static String kindFor(int roll) {
    if (roll < 50) {
      return "complaint";
    }
    return roll < 66 ? "question" : roll < 86 ? "praise" : "sarcasm";
  }

  /**
   * How long to wait before the next {@link #emit()}: exponential around {@code meanMillis};
   * during an incident burst 0.15–1.5 × the mean, capped at 3 s, so with the 2 s default its
   * 10–30 posts land within about a minute, denser than the usual stream.
   */
  public long nextDelayMillis(long meanMillis) {
    if (incident != null) {
      return Math.min(3_000, Math.max(1, rng.nextLong(meanMillis * 15 / 100, meanMillis * 3 / 2 + 1)));
    }
    double exponential = -Math.log(1.0 - rng.nextDouble()) * meanMillis;
    return Math.max(50, Math.min((long) exponential, meanMillis * 8));
  }

  /** Starts an outage burst at a random brand; the stream then talks mostly about it. */
  public void startIncident() {
    SandboxUser brand = randomBrand();
    String industry = corpus.industryOf(brand.handle());
    List<String> incidents = corpus.templates(industry, "incidents");
    String what = corpus.fill(pick(incidents), industry, brand.handle(), Map.of(), rng);
    incident = new Incident(industry, brand.handle(), what, rng.nextInt(10, 31));
  }

  public boolean incidentOngoing() {
    return incident != null;
  }

  /**
   * Customers react to what brands posted: newer brand posts get likes and the odd repost, with
   * the chance fading over about ten minutes, so engagement tracking sees counts move.
   */
  public void react() {
    List<SandboxPost> posts = network.brandPosts();
    long now = network.now().toEpochMilli();
    for (SandboxPost post : posts.subList(Math.max(0, posts.size() - 50), posts.size())) {
      double ageMinutes = (now - post.createdAt().toEpochMilli()) / 60_000.0;
      double chance = 0.35 * Math.exp(-ageMinutes / 10.0);
      if (rng.nextDouble() < chance) {
        network.react(post.id(), rng.nextInt(1, 4), rng.nextDouble() < 0.25 ? 1 : 0);
      }
    }
  }

  private Emitted emitBurst() {
    String text = corpus.fill(pick(corpus.list("burst")), incident.industry(), incident.brand(),
        Map.of("incident", incident.what()), rng);
    Emitted e = emitText(customers.pick(), styler.style(text, "upset"), null, "en",
        incident.industry(), "incident");
    int left = incident.remaining() - 1;
    incident = left == 0 ? null
        : new Incident(incident.industry(), incident.brand(), incident.what(), left);
    return e;
  }

  private Emitted emitFresh(String kind) {
    SandboxUser brand = randomBrand();
    String industry = corpus.industryOf(brand.handle());
    String text = corpus.fill(pick(corpus.templates(industry, kind)), industry, brand.handle(),
        Map.of(), rng);
    return emitText(customers.pick(), styler.style(text, moodOf(kind)), null, "en", industry, kind);
  }

  private Emitted emitForeign() {
    SandboxUser brand = randomBrand();
    String industry = corpus.industryOf(brand.handle());
    MentionCorpus.Foreign line = pick(corpus.foreign());
    String text = corpus.fill(line.text(), industry, brand.handle(), Map.of(), rng);
    return emitText(customers.pick(), text, null, line.lang(), industry, "foreign");
  }

  /** The customer chases their own unanswered post in the same thread. */
  private Emitted chase(SandboxPost earlier) {
    String industry = corpus.industryOf(earlier.addressedBrand());
    String text = corpus.fill(pick(corpus.list("followups.own")), industry,
        earlier.addressedBrand(), Map.of(), rng);
    return emitText(earlier.author(), styler.style(text, "upset"), earlier.id(), earlier.lang(),
        industry, "followup");
  }

  /** The customer answers the brand's reply to them, pleased or not. */
  private Emitted answerBrandReply(OpenReply open) {
    SandboxPost reply = open.reply();
    String industry = corpus.industryOf(reply.addressedBrand());
    boolean pleased = rng.nextInt(100) < 55;
    String list = pleased ? "followups.happy" : "followups.unhappy";
    String text = corpus.fill(pick(corpus.list(list)), industry, reply.addressedBrand(),
        Map.of(), rng);
    return emitText(open.customer().author(), styler.style(text, pleased ? "happy" : "upset"),
        reply.id(),
        open.customer().lang(), industry, "followup");
  }

  /** A brand reply and the customer post it answered. */
  private record OpenReply(SandboxPost reply, SandboxPost customer) {
  }

  /** Recent brand replies to a customer that this customer has not answered yet. */
  private List<OpenReply> unansweredBrandReplies() {
    List<SandboxPost> posts = network.brandPosts();
    List<OpenReply> open = new ArrayList<>();
    for (SandboxPost reply : posts.subList(Math.max(0, posts.size() - 30), posts.size())) {
      SandboxPost original = reply.inReplyToId() == null ? null
          : network.find(reply.inReplyToId()).orElse(null);
      if (original != null && !original.byBrand() && network.repliesTo(reply.id()).stream()
          .noneMatch(r -> r.author().equals(original.author()))) {
        open.add(new OpenReply(reply, original));
      }
    }
    return open;
  }

  private static String moodOf(String kind) {
    return switch (kind) {
      case "praise" -> "happy";
      case "sarcasm" -> "sarcastic";
      case "question" -> "neutral";
      default -> "upset";
    };
  }

  private Emitted emitText(SandboxUser author, String text, String inReplyTo, String lang,
                           String industry, String kind) {
    SandboxPost post = network.post(author, text, inReplyTo, lang, network.now());
    return new Emitted(post, industry, kind);
  }

  private SandboxUser randomBrand() {
    return pick(network.brands());
  }

  private <T> T pick(List<T> list) {
    return list.get(rng.nextInt(list.size()));
  }
}

package io.earshot.demo.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The sandbox mention generator")
class MentionGeneratorTest {
  private static final MentionCorpus CORPUS = MentionCorpus.load();
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T06:00:00Z"), ZoneOffset.UTC);

  private static SandboxNetwork network() {
    return new SandboxNetwork(CLOCK, CORPUS.brands());
  }

  private static List<MentionGenerator.Emitted> emit(MentionGenerator generator, int n) {
    return IntStream.range(0, n).mapToObj(i -> generator.emit()).toList();
  }

  @Test
  @DisplayName("the same seed reproduces the same stream, another seed does not")
  void seedReproducesStream() {
    List<String> first = texts(emit(new MentionGenerator(CORPUS, new SplittableRandom(7), network()), 300));
    List<String> again = texts(emit(new MentionGenerator(CORPUS, new SplittableRandom(7), network()), 300));
    List<String> other = texts(emit(new MentionGenerator(CORPUS, new SplittableRandom(8), network()), 300));
    assertEquals(first, again);
    assertTrue(!first.equals(other), "a different seed gave the same stream");
  }

  @Test
  @DisplayName("a thousand mentions hold hundreds of distinct texts across every industry and kind")
  void streamIsVaried() {
    List<MentionGenerator.Emitted> stream = emit(new MentionGenerator(CORPUS, new SplittableRandom(42), network()), 1000);
    Set<String> distinct = Set.copyOf(texts(stream));
    assertTrue(distinct.size() >= 600, "only " + distinct.size() + " distinct texts");
    assertEquals(Set.copyOf(CORPUS.industries()),
        stream.stream().map(MentionGenerator.Emitted::industry).collect(Collectors.toSet()));
    Set<String> kinds = stream.stream().map(MentionGenerator.Emitted::kind).collect(Collectors.toSet());
    assertTrue(kinds.containsAll(List.of("complaint", "question", "praise", "sarcasm", "followup", "foreign")),
        "kinds seen: " + kinds);
    assertTrue(count(stream, e -> !e.post().lang().equals("en")) >= 30, "too few non-English posts");
    assertTrue(count(stream, e -> e.post().text().codePoints().anyMatch(c -> c > 0x1F000)) >= 100,
        "too few posts with emoji");
    assertEquals(0, count(stream, e -> e.kind().equals("praise") && e.post().text().contains("😡")),
        "praise ending in an angry face");
    assertEquals(0, count(stream, e -> e.kind().equals("complaint") && e.post().text().contains("🥳")),
        "a complaint ending in a party face");
  }

  @Test
  @DisplayName("every generated post is a mention of a demo brand from a customer")
  void everyPostIsAMention() {
    SandboxNetwork network = network();
    List<MentionGenerator.Emitted> stream = emit(new MentionGenerator(CORPUS, new SplittableRandom(3), network), 500);
    assertTrue(stream.stream().allMatch(e -> e.post().isMention()));
    assertEquals(500, network.mentionsAfter(0, 1000).items().size());
  }

  @Test
  @DisplayName("customers follow up in their own threads and answer brand replies")
  void followUpsFormThreads() {
    SandboxNetwork network = network();
    MentionGenerator generator = new MentionGenerator(CORPUS, new SplittableRandom(11), network);
    List<MentionGenerator.Emitted> early = emit(generator, 60);
    for (int i = 0; i < early.size(); i += 2) {
      network.publish("key-" + i, "Sorry to hear that, please DM us.", early.get(i).post().id());
    }
    List<MentionGenerator.Emitted> later = emit(generator, 600);
    List<SandboxPost> replies = later.stream().map(MentionGenerator.Emitted::post)
        .filter(p -> p.inReplyToId() != null).toList();
    assertTrue(replies.size() >= 40, "only " + replies.size() + " follow-ups");
    long toBrand = replies.stream().filter(p -> network.find(p.inReplyToId()).orElseThrow().byBrand()).count();
    long toOwn = replies.stream().filter(p -> network.find(p.inReplyToId()).orElseThrow().author().equals(p.author())).count();
    assertTrue(toBrand >= 5, "only " + toBrand + " answers to brand replies");
    assertTrue(toOwn >= 5, "only " + toOwn + " follow-ups in own threads");
  }

  @Test
  @DisplayName("an incident sends 10 to 30 quick mentions about the same thing at one brand")
  void incidentBurst() {
    MentionGenerator generator = new MentionGenerator(CORPUS, new SplittableRandom(5), network());
    generator.startIncident();
    List<MentionGenerator.Emitted> burst = new java.util.ArrayList<>();
    while (generator.incidentOngoing()) {
      long delay = generator.nextDelayMillis(2_000);
      assertTrue(delay >= 300 && delay <= 3_000, "burst delay " + delay);
      burst.add(generator.emit());
    }
    assertTrue(burst.size() >= 10 && burst.size() <= 30, "burst of " + burst.size());
    assertEquals(1, burst.stream().map(e -> e.post().addressedBrand()).distinct().count());
    assertTrue(burst.stream().allMatch(e -> e.kind().equals("incident")));
  }

  @Test
  @DisplayName("delays average the configured mean outside incidents")
  void delaysAverageTheMean() {
    MentionGenerator generator = new MentionGenerator(CORPUS, new SplittableRandom(9), network());
    double mean = IntStream.range(0, 5000).mapToLong(i -> generator.nextDelayMillis(2_000)).average().orElseThrow();
    assertTrue(mean > 1_700 && mean < 2_300, "mean delay " + mean);
  }

  @Test
  @DisplayName("brand replies earn likes as customers react")
  void reactionsAccrue() {
    SandboxNetwork network = network();
    MentionGenerator generator = new MentionGenerator(CORPUS, new SplittableRandom(13), network);
    SandboxPost mention = generator.emit().post();
    String reply = network.publish("k1", "We are on it!", mention.id()).post().id();
    IntStream.range(0, 40).forEach(i -> generator.react());
    SandboxNetwork.Counts counts = network.counts(reply).orElseThrow();
    assertNotNull(counts);
    assertTrue(counts.likes() > 0, "no likes after 40 reaction rounds");
    assertEquals(0, network.counts(mention.id()).orElseThrow().likes(), "customer posts are not liked");
  }

  private static List<String> texts(List<MentionGenerator.Emitted> stream) {
    return stream.stream().map(e -> e.post().text()).toList();
  }

  private static long count(List<MentionGenerator.Emitted> stream, Predicate<MentionGenerator.Emitted> p) {
    return stream.stream().filter(p).count();
  }
}

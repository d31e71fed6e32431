package io.earshot.demo.sandbox;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The sandbox's customers, made up once from the corpus's first and last names: varied handle
 * styles, follower counts spread like a real network's (most small, a few large) and a few
 * verified accounts, so priority scoring has influencers to notice.
 */
final class CustomerPool {
  private final List<SandboxUser> customers = new ArrayList<>();
  private final RandomGenerator rng;

  CustomerPool(MentionCorpus corpus, RandomGenerator rng, int size) {
    this.rng = rng;
    List<String> first = corpus.list("names.first");
    List<String> last = corpus.list("names.last");
    Set<String> taken = new HashSet<>();
    for (int i = 1; i <= size; i++) {
      String given = first.get(rng.nextInt(first.size()));
      String family = last.get(rng.nextInt(last.size()));
      String handle = unique(handleFor(given, family), taken);
      long followers = followers();
      boolean verified = followers > 50_000 || rng.nextInt(100) == 0;
      customers.add(new SandboxUser("u" + i, handle, given + " " + family, followers, verified, false));
    }
  }

  SandboxUser pick() {
    return customers.get(rng.nextInt(customers.size()));
  }

  List<SandboxUser> all() {
    return List.copyOf(customers);
  }

  private String handleFor(String given, String family) {
    String g = given.toLowerCase(Locale.ROOT);
    String f = family.toLowerCase(Locale.ROOT);
    return switch (rng.nextInt(5)) {
      case 0 -> g + "_" + f;
      case 1 -> g + f + rng.nextInt(10, 100);
      case 2 -> g.charAt(0) + f;
      case 3 -> g + "_" + f.charAt(0) + rng.nextInt(1, 10);
      default -> "the" + g + f.substring(0, Math.min(3, f.length()));
    };
  }

  private static String unique(String handle, Set<String> taken) {
    String candidate = handle;
    for (int n = 2; !taken.add(candidate); n++) {
      candidate = handle + n;
    }
    return candidate;
  }

  /** Log-normal: median around 150, a long tail into the hundreds of thousands. */
  private long followers() {
    double value = Math.exp(5.0 + 1.8 * rng.nextGaussian());
    return Math.min(2_000_000L, Math.round(value));
  }
}

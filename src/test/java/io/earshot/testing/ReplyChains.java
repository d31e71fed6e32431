package io.earshot.testing;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Reply chains for threading and crash tests: each chain is a small tree of mentions (a root, its
 * replies, replies to those), every node by its own author so only the reply links can hold a
 * chain together. Orders: parents first, replies first, or shuffled.
 */
public final class ReplyChains {
  /** One mention of a chain; {@code parent} is null for the root. */
  public record Node(int chain, String externalId, String parent, String authorId, Instant createdAt) {
    public JsonObject json() {
      JsonObject m = ApiClient.mention(externalId, authorId, "@LedgerBank card declined again, chain " + chain)
          .put("createdAt", createdAt.toString());
      return parent == null ? m : m.put("inReplyTo", parent);
    }
  }

  private final List<List<Node>> chains = new ArrayList<>();

  /**
   * {@code count} chains under {@code prefix}; shapes cycle through a pair, a line of three, a
   * line of four, and a root with two replies of which one is answered again.
   */
  public ReplyChains(String prefix, int count) {
    Instant base = Instant.now().minusSeconds(3600);
    for (int c = 0; c < count; c++) {
      chains.add(shape(prefix, c, base.plusSeconds(c)));
    }
  }

  private static List<Node> shape(String prefix, int c, Instant at) {
    int[] parents = switch (c % 4) {
      case 0 -> new int[] {-1, 0};
      case 1 -> new int[] {-1, 0, 1};
      case 2 -> new int[] {-1, 0, 1, 2};
      default -> new int[] {-1, 0, 0, 2};
    };
    List<Node> nodes = new ArrayList<>();
    for (int i = 0; i < parents.length; i++) {
      String id = prefix + "-" + c + "-" + i;
      String parent = parents[i] < 0 ? null : prefix + "-" + c + "-" + parents[i];
      nodes.add(new Node(c, id, parent, prefix + "-a" + c + "-" + i, at.plusMillis(i * 10L)));
    }
    return nodes;
  }

  public List<List<Node>> chains() {
    return chains;
  }

  public int mentionCount() {
    return chains.stream().mapToInt(List::size).sum();
  }

  /** Every node, each chain in parent-first order. */
  public List<Node> parentsFirst() {
    List<Node> all = new ArrayList<>();
    chains.forEach(all::addAll);
    return all;
  }

  /** Every node, each chain with its deepest replies first. */
  public List<Node> repliesFirst() {
    List<Node> all = new ArrayList<>();
    chains.forEach(chain -> {
      List<Node> reversed = new ArrayList<>(chain);
      Collections.reverse(reversed);
      all.addAll(reversed);
    });
    return all;
  }

  /** Every node in one random order over all chains. */
  public List<Node> shuffled(Random random) {
    List<Node> all = parentsFirst();
    Collections.shuffle(all, random);
    return all;
  }
}

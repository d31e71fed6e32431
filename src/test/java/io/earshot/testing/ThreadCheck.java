package io.earshot.testing;

import com.mongodb.client.MongoCollection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.bson.Document;

/**
 * What is really stored, read straight from the {@code mentions} and {@code cases} collections
 * (never from what a client believes it sent): which expected mentions are missing or stored
 * twice, whether every mention belongs to exactly one case, and which reply chains are split.
 */
public final class ThreadCheck {
  /** The findings; {@link #clean()} when nothing is wrong. */
  public record Report(int expected, int stored, List<String> missing, List<String> duplicated,
                       List<String> misfiled, List<Integer> splitChains) {
    public boolean clean() {
      return missing.isEmpty() && duplicated.isEmpty() && misfiled.isEmpty() && splitChains.isEmpty();
    }

    public String summary() {
      return "expected=" + expected + " stored=" + stored + " missing=" + missing.size() + " duplicated="
          + duplicated.size() + " misfiled=" + misfiled.size() + " splitChains=" + splitChains.size()
          + (clean() ? "" : " first: missing" + head(missing) + " duplicated" + head(duplicated)
          + " misfiled" + head(misfiled) + " split" + head(splitChains));
    }

    private static String head(List<?> items) {
      return items.subList(0, Math.min(5, items.size())).toString();
    }
  }

  private ThreadCheck() {
  }

  /**
   * @param db the collections by name (a driver's database, or the hub's store)
   * @param chains the chains that must be stored, each node once, as chains of one case
   * @param mustBeStored external ids that must be present (e.g. every mention answered 202);
   *     others may be missing (never sent, or never confirmed)
   */
  public static Report check(Function<String, MongoCollection<Document>> db, List<List<ReplyChains.Node>> chains, Set<String> mustBeStored) {
    Map<String, Integer> copies = new HashMap<>();
    Map<String, String> caseOf = new HashMap<>();
    for (Document d : db.apply("mentions").find()) {
      copies.merge(d.getString("externalId"), 1, Integer::sum);
      caseOf.put(d.getString("externalId"), d.getString("caseId"));
    }
    List<String> missing = new ArrayList<>();
    List<String> duplicated = new ArrayList<>();
    mustBeStored.forEach(id -> {
      if (!copies.containsKey(id)) {
        missing.add(id);
      }
    });
    copies.forEach((id, n) -> {
      if (n > 1) {
        duplicated.add(id);
      }
    });
    return new Report(mustBeStored.size(), caseOf.size(), sorted(missing), sorted(duplicated),
        misfiled(db, caseOf), split(chains, caseOf));
  }

  /** Mentions not listed by exactly their own case, and cases whose count disagrees with their list. */
  private static List<String> misfiled(Function<String, MongoCollection<Document>> db, Map<String, String> caseOf) {
    Map<String, Set<String>> listedIn = new HashMap<>();
    List<String> wrong = new ArrayList<>();
    for (Document c : db.apply("cases").find()) {
      List<String> ids = c.getList("mentionIds", String.class, List.of());
      ids.forEach(id -> listedIn.computeIfAbsent(externalIdOf(id), k -> new HashSet<>()).add(c.getString("_id")));
      if (c.getInteger("mentionCount", 0) != ids.size()) {
        wrong.add("case " + c.getString("_id") + " counts " + c.getInteger("mentionCount", 0) + " but lists "
            + ids.size());
      }
    }
    caseOf.forEach((id, caseId) -> {
      Set<String> cases = listedIn.getOrDefault(id, Set.of());
      if (caseId == null || cases.size() != 1 || !cases.contains(caseId)) {
        wrong.add(id + " has case " + caseId + " but is listed by " + cases);
      }
    });
    return sorted(wrong);
  }

  private static List<Integer> split(List<List<ReplyChains.Node>> chains, Map<String, String> caseOf) {
    List<Integer> split = new ArrayList<>();
    for (List<ReplyChains.Node> chain : chains) {
      Set<String> cases = new HashSet<>();
      chain.stream().map(n -> caseOf.get(n.externalId())).filter(c -> c != null).forEach(cases::add);
      if (cases.size() > 1) {
        split.add(chain.get(0).chain());
      }
    }
    return split;
  }

  private static String externalIdOf(String mentionId) {
    return mentionId.substring(mentionId.indexOf(':') + 1);
  }

  private static <T extends Comparable<T>> List<T> sorted(Collection<T> items) {
    return new ArrayList<>(new TreeSet<>(items));
  }
}

package io.earshot.ingest;

import io.earshot.domain.Mention;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds the cases of the posts new mentions answer. A parent is either a stored customer
 * mention or one of the brand's own replies (customers answer our answers), so both are read.
 */
final class ParentLookup {
  private ParentLookup() {
  }

  /** Case id by parent mention id ({@code platform:externalId}). */
  static Future<Map<String, String>> caseIds(IngestStores stores, List<Mention> mentions) {
    List<Mention> replies = mentions.stream().filter(m -> m.inReplyTo() != null).toList();
    if (replies.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    Set<String> parentIds = replies.stream().map(m -> Mention.idOf(m.platform(), m.inReplyTo()))
        .collect(Collectors.toSet());
    Map<String, Set<String>> externalByPlatform = replies.stream().collect(Collectors.groupingBy(
        m -> m.platform().code(), Collectors.mapping(Mention::inReplyTo, Collectors.toSet())));
    List<Future<Map<String, String>>> reads = new ArrayList<>();
    reads.add(stores.mentions().caseIdsOf(parentIds));
    externalByPlatform.forEach((platform, externalIds) -> reads.add(stores.replies()
        .caseIdsOfExternal(platform, externalIds)
        .map(found -> prefixed(platform, found))));
    return Future.all(reads).map(all -> {
      Map<String, String> merged = new HashMap<>();
      reads.forEach(f -> merged.putAll(f.result()));
      return merged;
    });
  }

  private static Map<String, String> prefixed(String platform, Map<String, String> byExternalId) {
    Map<String, String> result = new HashMap<>();
    byExternalId.forEach((externalId, caseId) -> result.put(platform + ":" + externalId, caseId));
    return result;
  }
}

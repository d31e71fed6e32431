package io.earshot.analytics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A batch's rollup documents as the store would hold them, for unit tests of how they add up. */
final class RollupDocuments {
  private RollupDocuments() {
  }

  /** The deltas as the store would hold them once written to empty documents, flattened as it reads them. */
  static Map<String, Map<String, Object>> of(RollupBatch batch) {
    Map<String, Map<String, Object>> docs = new HashMap<>();
    batch.deltas().forEach(d -> {
      Map<String, Object> doc = new HashMap<>(d.increments());
      doc.putAll(d.least());
      d.sets().forEach((field, v) -> ((Map<?, ?>) v).forEach((k, n) -> doc.put(field + "." + k, n)));
      doc.put(d.kind(), d.day());
      doc.put("brand", d.brand());
      doc.put("platform", d.platform());
      docs.put(d.id(), doc);
    });
    return docs;
  }

  /** What the overview would tally from the documents with these ids that exist. */
  static Tally tally(Map<String, Map<String, Object>> docs, List<String> ids) {
    Tally t = new Tally();
    List<String> found = new ArrayList<>(ids);
    found.retainAll(docs.keySet());
    found.forEach(id -> t.add(docs.get(id)));
    return t;
  }
}

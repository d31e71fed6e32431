package io.earshot.store;

import de.bwaldvogel.mongo.bson.Document;
import java.util.Map;

/**
 * The range of {@code _id} a query of the embedded server asks for, when it is one that
 * {@link IdRangeCollection} walks: {@code from} the bound ({@code null}: from the first id), and
 * whether the bound itself is excluded ({@code $gt}).
 */
record IdRange(String from, boolean exclusive) {
  /** The range of this query, or {@code null} when the query is not one of the shapes walked. */
  static IdRange of(Document query, Document orderBy, int limit, String idField) {
    if (idField == null || !naturalOrIdAscending(orderBy, idField)) {
      return null;
    }
    Object bound = query.get(idField);
    if (bound == null) {
      // The whole collection: walked only when paged in _id order (else the library's scan is as good).
      return query.isEmpty() && orderBy != null && !orderBy.isEmpty() && limit > 0 ? new IdRange(null, false) : null;
    }
    if (!(bound instanceof Map<?, ?> condition) || condition.size() != 1) {
      return null;
    }
    Map.Entry<?, ?> only = condition.entrySet().iterator().next();
    if (!(only.getValue() instanceof String value)) {
      return null;
    }
    return switch (String.valueOf(only.getKey())) {
      case "$gt" -> new IdRange(value, true);
      case "$gte" -> new IdRange(value, false);
      default -> null;
    };
  }

  private static boolean naturalOrIdAscending(Document orderBy, String idField) {
    if (orderBy == null || orderBy.isEmpty()) {
      return true;
    }
    return orderBy.size() == 1 && orderBy.get(idField) instanceof Number n && n.intValue() == 1;
  }

  /** Whether {@code key}, at or after the bound in the map's order, is left out. */
  boolean excludes(Object key) {
    return exclusive && from.equals(key);
  }
}

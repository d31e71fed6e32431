package io.earshot.find;

import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;

/** Each {@link CaseSort} as a Lucene sort: open work first, the order's keys, then the case id. */
final class SortOrders {
  private SortOrders() {
  }

  static Sort of(CaseSort sort) {
    SortField rank = new SortField(IndexFields.RANK, SortField.Type.LONG);
    SortField id = new SortField(IndexFields.ID, SortField.Type.STRING);
    return switch (sort) {
      case PRIORITY -> new Sort(rank, desc(IndexFields.PRIORITY), desc(IndexFields.LAST), id);
      case NEWEST -> new Sort(rank, desc(IndexFields.LAST), id);
      case OLDEST -> new Sort(rank, asc(IndexFields.LAST), id);
      case WAITING -> new Sort(rank, asc(IndexFields.WAITING), desc(IndexFields.PRIORITY), id);
      case SLA -> new Sort(rank, asc(IndexFields.SLA_DUE), desc(IndexFields.PRIORITY), id);
    };
  }

  private static SortField asc(String field) {
    return new SortField(field, SortField.Type.LONG);
  }

  private static SortField desc(String field) {
    return new SortField(field, SortField.Type.LONG, true);
  }
}

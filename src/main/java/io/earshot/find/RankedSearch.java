package io.earshot.find;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermQuery;

/**
 * One page of a list, searched one rank at a time. Every order sorts open work first
 * ({@link IndexFields#RANK}: new and open, then pending, then the rest), so a page is the
 * concatenation of the same search within each rank from the cursor's on. Searched whole, every
 * page sorted all the history (200,000 cases for a first page of 50 open ones: bench inbox at
 * 1,000,000 mentions); searched by rank, a first page costs the open work it shows, and the
 * resolved history is sorted only when a page reaches it. The answer is the same.
 */
final class RankedSearch {
  private static final int RANKS = 3;

  private RankedSearch() {
  }

  /** Up to {@code limit} hits of {@code query} in {@code order} after {@code keys} (null: from the start). */
  static List<ScoreDoc> page(IndexSearcher s, Query query, Sort order, Object[] keys, int limit) throws IOException {
    int maxDoc = s.getIndexReader().maxDoc();
    FieldDoc after = keys == null || maxDoc == 0 ? null : Cursor.after(keys, maxDoc);
    List<ScoreDoc> hits = new ArrayList<>(limit);
    for (int rank = after == null ? 0 : (int) Math.min(RANKS - 1, (Long) keys[0]); rank < RANKS; rank++) {
      Query within = new BooleanQuery.Builder().add(query, Occur.MUST).add(of(rank), Occur.FILTER).build();
      ScoreDoc[] found = s.searchAfter(after, within, limit - hits.size(), order, false).scoreDocs;
      hits.addAll(List.of(found));
      if (hits.size() == limit) {
        break;
      }
      after = null; // every case of a later rank sorts after the cursor
    }
    return hits;
  }

  /** The cases of one rank, as {@link IndexFields#rank} ranks their status. */
  private static Query of(int rank) {
    BooleanQuery.Builder q = new BooleanQuery.Builder();
    switch (rank) {
      case 0 -> q.add(status("new"), Occur.SHOULD).add(status("open"), Occur.SHOULD);
      case 1 -> q.add(status("pending"), Occur.SHOULD);
      default -> q.add(new MatchAllDocsQuery(), Occur.FILTER).add(status("new"), Occur.MUST_NOT)
          .add(status("open"), Occur.MUST_NOT).add(status("pending"), Occur.MUST_NOT);
    }
    return q.build();
  }

  private static Query status(String status) {
    return new TermQuery(new Term(IndexFields.STATUS, status));
  }
}

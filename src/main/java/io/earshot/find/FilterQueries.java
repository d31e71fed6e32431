package io.earshot.find;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * A {@link CaseFilter} as a Lucene query: criteria are filters (they do not score); the text is
 * read by Lucene's simple query parser, which accepts anything a person types (words, "phrases",
 * -not, prefix*) without a syntax error, every word required.
 */
final class FilterQueries {
  private final Analyzer analyzer;

  FilterQueries(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  Query of(CaseFilter f) {
    BooleanQuery.Builder q = new BooleanQuery.Builder();
    term(q, IndexFields.KIND, IndexFields.CASE);
    statuses(q, f);
    term(q, IndexFields.BRAND, f.brand());
    term(q, IndexFields.PLATFORM, f.platform());
    assignee(q, f.assignee());
    term(q, IndexFields.TAG, f.tag());
    term(q, IndexFields.SENTIMENT, f.sentiment());
    term(q, IndexFields.REASON, f.reason());
    term(q, IndexFields.SLA, f.sla());
    term(q, IndexFields.PROBLEM, f.problem());
    term(q, IndexFields.CUSTOMER, f.customerId());
    if (f.priorityMin() != null || f.priorityMax() != null) {
      q.add(LongPoint.newRangeQuery(IndexFields.PRIORITY, f.priorityMin() == null ? Long.MIN_VALUE : f.priorityMin(),
          f.priorityMax() == null ? Long.MAX_VALUE : f.priorityMax()), Occur.FILTER);
    }
    if (f.from() != null || f.to() != null) {
      q.add(LongPoint.newRangeQuery(IndexFields.LAST, f.from() == null ? Long.MIN_VALUE : f.from().toEpochMilli(),
          f.to() == null ? Long.MAX_VALUE - 1 : f.to().toEpochMilli() - 1), Occur.FILTER);
    }
    if (f.text() != null && !f.text().isBlank()) {
      SimpleQueryParser parser = new SimpleQueryParser(analyzer, IndexFields.TEXT);
      parser.setDefaultOperator(Occur.MUST);
      q.add(parser.parse(f.text()), Occur.MUST);
    }
    return q.build();
  }

  /** Mentions, of one platform or all. */
  static Query mentions(String platform) {
    BooleanQuery.Builder q = new BooleanQuery.Builder();
    term(q, IndexFields.KIND, IndexFields.MENTION);
    term(q, IndexFields.PLATFORM, platform);
    return q.build();
  }

  private static void statuses(BooleanQuery.Builder q, CaseFilter f) {
    if (f.statuses().isEmpty()) {
      return;
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    f.statuses().forEach(s -> any.add(new TermQuery(new Term(IndexFields.STATUS, s)), Occur.SHOULD));
    q.add(any.setMinimumNumberShouldMatch(1).build(), Occur.FILTER);
  }

  private static void assignee(BooleanQuery.Builder q, String assignee) {
    if (assignee == null) {
      return;
    }
    if (assignee.equals(CaseFilter.NOBODY)) {
      term(q, IndexFields.ASSIGNED, "no");
    } else if (assignee.startsWith(CaseFilter.TEAM_PREFIX)) {
      term(q, IndexFields.TEAM, assignee.substring(CaseFilter.TEAM_PREFIX.length()));
    } else {
      term(q, IndexFields.ASSIGNEE, assignee);
    }
  }

  private static void term(BooleanQuery.Builder q, String field, String value) {
    if (value != null) {
      q.add(new TermQuery(new Term(field, value)), Occur.FILTER);
    }
  }
}

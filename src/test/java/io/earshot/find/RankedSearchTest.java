package io.earshot.find;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.earshot.store.InboxEntry;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Pages searched one rank at a time are the pages of the whole search, for every order and across ranks. */
@DisplayName("Inbox pages searched rank by rank")
class RankedSearchTest {
  private static final List<String> STATUSES = List.of("new", "open", "pending", "resolved", "resolved", "resolved");
  private static ByteBuffersDirectory directory;
  private static DirectoryReader reader;
  private static IndexSearcher searcher;
  private static final FilterQueries QUERIES = new FilterQueries(new StandardAnalyzer());

  @BeforeAll
  static void index() throws IOException {
    directory = new ByteBuffersDirectory();
    SplittableRandom random = new SplittableRandom(3);
    Instant base = Instant.parse("2026-06-01T00:00:00Z");
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
      for (int i = 0; i < 400; i++) {
        String status = STATUSES.get(random.nextInt(STATUSES.size()));
        Instant last = base.plusSeconds(random.nextInt(50) * 60L); // ties, so the id decides
        writer.addDocument(IndexFields.document(new InboxEntry("case-" + i, "default", i % 3 == 0 ? "x" : "mastodon",
            status, i % 4 == 0 ? null : "agent" + (i % 5), null, List.of(), "neutral", List.of(), random.nextInt(5) * 20,
            "c" + i, base, last, last, i % 2 == 0 ? null : last, null, null, null, null,
            i % 7 == 0 ? "parcel lost" : "invoice wrong")));
        if (i % 50 == 0) {
          writer.commit(); // several segments
        }
      }
    }
    reader = DirectoryReader.open(directory);
    searcher = new IndexSearcher(reader);
  }

  @AfterAll
  static void close() throws IOException {
    reader.close();
    directory.close();
  }

  private static List<String> ids(List<ScoreDoc> docs) throws IOException {
    List<String> ids = new ArrayList<>();
    for (ScoreDoc d : docs) {
      ids.add(searcher.storedFields().document(d.doc).get(IndexFields.ID));
    }
    return ids;
  }

  /** Every page of {@code limit} from the start, each after the cursor of the one before, as the API pages. */
  private static List<List<String>> pages(CaseSort sort, Query query, int limit) throws IOException {
    Sort order = SortOrders.of(sort);
    List<List<String>> pages = new ArrayList<>();
    String cursor = null;
    do {
      Object[] keys = cursor == null ? null : Cursor.decode(sort, cursor, order.getSort().length);
      List<ScoreDoc> page = RankedSearch.page(searcher, query, order, keys, limit);
      pages.add(ids(page));
      cursor = page.size() < limit ? null : Cursor.encode(sort, (FieldDoc) page.get(page.size() - 1));
    } while (cursor != null);
    return pages;
  }

  private static List<List<String>> wholePages(CaseSort sort, Query query, int limit) throws IOException {
    List<String> all = ids(List.of(searcher.search(query, 10_000, SortOrders.of(sort), false).scoreDocs));
    List<List<String>> pages = new ArrayList<>();
    for (int i = 0; i <= all.size(); i += limit) {
      pages.add(all.subList(i, Math.min(all.size(), i + limit)));
    }
    return pages;
  }

  @Test
  @DisplayName("every order, with and without filters, gives the same pages as one search of the whole index")
  void samePages() throws IOException {
    List<CaseFilter> filters = List.of(CaseFilter.any(), CaseFilter.any().withStatuses(List.of("resolved")),
        CaseFilter.any().withStatuses(List.of("open", "pending")), new CaseFilter(List.of(), null, "x", null, null, null, null, 20, null, null, null, null, "parcel", null, null));
    for (CaseSort sort : CaseSort.values()) {
      for (CaseFilter filter : filters) {
        for (int limit : List.of(7, 50, 1_000)) {
          Query query = QUERIES.of(filter);
          assertEquals(wholePages(sort, query, limit), pages(sort, query, limit), sort + " " + filter + " " + limit);
        }
      }
    }
  }
}

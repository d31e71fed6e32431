package io.earshot.find;

import io.earshot.store.InboxEntry;
import io.earshot.store.MentionEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;

/**
 * The inbox read model of one hub instance: a Lucene index of every case (and, apart, of every
 * mention for the newest-first mention list) under
 * {@code <dataDir>/index/cases-v<SCHEMA>}, a cache of MongoDB that can always be rebuilt from it.
 * A changed {@link #SCHEMA} opens a fresh directory (and removes older ones), so a new field is
 * rebuilt for, never half present. Every method blocks (disk, Lucene): call it on a worker pool.
 * Writes are seen by searches after {@link #refresh()}; {@link #commit} makes them durable with
 * the catch-up watermark, so a restart reads only what changed since.
 */
public final class CaseIndex implements AutoCloseable {
  static final int SCHEMA = 3;
  private static final String WATERMARK = "watermark";
  private static final String COMPLETE = "complete";
  private final FSDirectory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final FilterQueries queries;

  /** A page of case ids in order, how many cases match, and the cursor after the page (null: the last page). */
  public record Hits(List<String> ids, long total, String nextCursor) {
  }

  private CaseIndex(FSDirectory directory, IndexWriter writer, Analyzer analyzer) throws IOException {
    this.directory = directory;
    this.writer = writer;
    this.searchers = new SearcherManager(writer, null);
    this.queries = new FilterQueries(analyzer);
  }

  public static CaseIndex open(Path root) {
    try {
      Path dir = root.resolve("cases-v" + SCHEMA);
      removeOlderSchemas(root, dir);
      Files.createDirectories(dir);
      Analyzer analyzer = new StandardAnalyzer();
      FSDirectory directory = FSDirectory.open(dir);
      IndexWriterConfig config = new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
          .setRAMBufferSizeMB(48);
      return new CaseIndex(directory, new IndexWriter(directory, config), analyzer);
    } catch (IOException e) {
      throw new UncheckedIOException("inbox index at " + root + " cannot be opened", e);
    }
  }

  private static void removeOlderSchemas(Path root, Path current) throws IOException {
    if (!Files.isDirectory(root)) {
      return;
    }
    try (Stream<Path> dirs = Files.list(root)) {
      for (Path old : dirs.filter(p -> p.getFileName().toString().startsWith("cases-v") && !p.equals(current)).toList()) {
        try (Stream<Path> files = Files.walk(old)) {
          for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(f);
          }
        }
      }
    }
  }

  /** Whether the index holds every case as of its watermark (false: new, or a rebuild was cut short). */
  public boolean complete() {
    return "true".equals(commitData().get(COMPLETE));
  }

  /** Up to when every change to a case is in the index (null: never caught up). */
  public Instant watermark() {
    String w = commitData().get(WATERMARK);
    return w == null ? null : Instant.parse(w);
  }

  private Map<String, String> commitData() {
    Map<String, String> data = new LinkedHashMap<>();
    Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
    if (live != null) {
      live.forEach(e -> data.put(e.getKey(), e.getValue()));
    }
    return data;
  }

  public void put(Collection<InboxEntry> entries) {
    try {
      for (InboxEntry e : entries) {
        writer.updateDocument(new Term(IndexFields.ID, e.id()), IndexFields.document(e));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("inbox index write failed", e);
    }
  }

  public void putMentions(Collection<MentionEntry> mentions) {
    try {
      for (MentionEntry m : mentions) {
        writer.updateDocument(new Term(IndexFields.ID, m.id()), IndexFields.mention(m));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("inbox index write failed", e);
    }
  }

  /** The newest mentions received (of one platform, or all when null) and how many there are. */
  public Hits mentions(String platform, int limit) {
    Query query = FilterQueries.mentions(platform);
    Sort order = new Sort(new SortField(IndexFields.RECEIVED, SortField.Type.LONG, true),
        new SortField(IndexFields.ID, SortField.Type.STRING));
    return withSearcher(s -> {
      TopFieldDocs top = s.search(query, limit, order, false);
      List<String> ids = new ArrayList<>(top.scoreDocs.length);
      for (ScoreDoc d : top.scoreDocs) {
        ids.add(s.storedFields().document(d.doc).get(IndexFields.ID));
      }
      return new Hits(ids, s.count(query), null);
    });
  }

  public void delete(Collection<String> ids) {
    try {
      for (String id : ids) {
        writer.deleteDocuments(new Term(IndexFields.ID, id));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("inbox index delete failed", e);
    }
  }

  /** Drops everything and marks the index incomplete until the rebuild commits. */
  public void clear() {
    try {
      writer.deleteAll();
      commit(null, false);
    } catch (IOException e) {
      throw new UncheckedIOException("inbox index clear failed", e);
    }
  }

  public void refresh() {
    try {
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException("inbox index refresh failed", e);
    }
  }

  public void commit(Instant watermark, boolean complete) {
    Map<String, String> data = new LinkedHashMap<>();
    if (watermark != null) {
      data.put(WATERMARK, watermark.toString());
    }
    data.put(COMPLETE, Boolean.toString(complete));
    writer.setLiveCommitData(data.entrySet());
    try {
      writer.commit();
    } catch (IOException e) {
      throw new UncheckedIOException("inbox index commit failed", e);
    }
  }

  /** One page of {@code filter} in {@code sort} order after {@code cursor} (null: from the start). */
  public Hits search(CaseFilter filter, CaseSort sort, String cursor, int limit) {
    Sort order = SortOrders.of(sort);
    Query query = queries.of(filter);
    Object[] keys = cursor == null ? null : Cursor.decode(sort, cursor, order.getSort().length);
    return withSearcher(s -> {
      List<ScoreDoc> page = RankedSearch.page(s, query, order, keys, limit);
      List<String> ids = new ArrayList<>(page.size());
      for (ScoreDoc d : page) {
        ids.add(s.storedFields().document(d.doc).get(IndexFields.ID));
      }
      long total = s.count(query);
      String next = page.size() < limit ? null : Cursor.encode(sort, (FieldDoc) page.get(page.size() - 1));
      return new Hits(ids, total, next);
    });
  }

  /**
   * Ids of the cases in one of {@code statuses}, least recently changed ({@code updatedAt}) first,
   * at most {@code limit}: what {@code cases.find(status in …).sort(updatedAt)} answers, without
   * the embedded server's scan of every case.
   */
  public List<String> leastRecentlyChanged(List<String> statuses, int limit) {
    Query query = queries.of(CaseFilter.any().withStatuses(statuses));
    Sort order = new Sort(new SortField(IndexFields.UPDATED, SortField.Type.LONG),
        new SortField(IndexFields.ID, SortField.Type.STRING));
    return withSearcher(s -> {
      TopFieldDocs top = s.search(query, Math.max(1, limit), order, false);
      List<String> ids = new ArrayList<>(top.scoreDocs.length);
      for (ScoreDoc d : top.scoreDocs) {
        ids.add(s.storedFields().document(d.doc).get(IndexFields.ID));
      }
      return ids;
    });
  }

  public long count(CaseFilter filter) {
    Query query = queries.of(filter);
    return withSearcher(s -> (long) s.count(query));
  }

  /** How many cases of {@code filter} are in each status (its own status criterion left out). */
  public Map<String, Long> countsByStatus(CaseFilter filter) {
    Query base = queries.of(filter.withStatuses(List.of()));
    return withSearcher(s -> {
      Map<String, Long> counts = new LinkedHashMap<>();
      for (String status : IndexFields.statuses()) {
        Query q = new BooleanQuery.Builder().add(base, Occur.FILTER)
            .add(new TermQuery(new Term(IndexFields.STATUS, status)), Occur.FILTER).build();
        counts.put(status, (long) s.count(q));
      }
      return counts;
    });
  }

  private interface Reading<T> {
    T read(IndexSearcher searcher) throws IOException;
  }

  private <T> T withSearcher(Reading<T> reading) {
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        return reading.read(searcher);
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("inbox index read failed", e);
    }
  }

  @Override
  public void close() {
    try {
      // Each closed even when one before it fails, so the writer's lock is always let go.
      IOUtils.close(searchers, writer, directory);
    } catch (IOException e) {
      throw new UncheckedIOException("inbox index close failed", e);
    }
  }

  static boolean exists(Path root) {
    try (FSDirectory d = FSDirectory.open(root.resolve("cases-v" + SCHEMA))) {
      return DirectoryReader.indexExists(d);
    } catch (IOException e) {
      return false;
    }
  }
}

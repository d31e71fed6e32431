package io.earshot.inbox;

import io.earshot.domain.CareCase;
import io.earshot.domain.Mention;
import io.earshot.error.DomainError;
import io.earshot.find.CaseFilter;
import io.earshot.find.CaseIndex;
import io.earshot.find.CaseSort;
import io.earshot.find.Finder;
import io.earshot.store.CaseStore;
import io.earshot.store.CustomerStore;
import io.earshot.store.MentionStore;
import io.earshot.store.NoteStore;
import io.earshot.store.Page;
import io.earshot.store.ReplyStore;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reading the shared inbox: listing and counting cases (which cases, in which order: the
 * {@link Finder}'s index; the cases themselves: MongoDB by key) and opening one with its thread,
 * its replies, the customer and their other cases. Changes go through {@link CaseChanges}.
 * Futures fail with {@link DomainError.NotFound}, and {@link DomainError.Invalid} for a bad cursor.
 */
public final class InboxService {
  private static final int HISTORY = 20;
  private final CaseStore cases;
  private final MentionStore mentions;
  private final ReplyStore replies;
  private final CustomerStore customers;
  private final NoteStore notes;
  private final Finder finder;

  public InboxService(CaseStore cases, MentionStore mentions, ReplyStore replies, CustomerStore customers,
                      NoteStore notes, Finder finder) {
    this.notes = notes;
    this.cases = cases;
    this.mentions = mentions;
    this.replies = replies;
    this.customers = customers;
    this.finder = finder;
  }

  /** One page of a case list, how many cases match in all, and the cursor of the next page (null: none). */
  public record Listing(List<CareCase> items, long total, String nextCursor) {
  }

  public Future<Listing> list(CaseFilter filter, CaseSort sort, String cursor, int limit) {
    return finder.search(filter, sort, cursor, limit)
        .compose(hits -> inOrder(hits).map(items -> new Listing(items, hits.total(), hits.nextCursor())));
  }

  /** The newest mentions received (of one platform, or all when null): ids from the index, mentions by key. */
  public Future<Page<Mention>> recentMentions(String platform, int limit) {
    return finder.mentions(platform, limit).compose(hits -> mentions.byIds(hits.ids()).map(found -> {
      Map<String, Mention> byId = new java.util.HashMap<>();
      found.forEach(m -> byId.put(m.id(), m));
      return new Page<>(hits.ids().stream().map(byId::get).filter(Objects::nonNull).toList(), hits.total());
    }));
  }

  public Future<Long> count(CaseFilter filter) {
    return finder.count(filter);
  }

  public Future<Map<String, Long>> counts(CaseFilter filter) {
    return finder.countsByStatus(filter);
  }

  /** The cases of these hits, read by key, in the index's order (a case gone meanwhile is left out). */
  private Future<List<CareCase>> inOrder(CaseIndex.Hits hits) {
    return cases.byIds(hits.ids()).map(found -> hits.ids().stream().map(found::get).filter(Objects::nonNull).toList());
  }

  public Future<CaseDetail> open(String id) {
    return cases.getWithThread(id).compose(found -> {
      if (found == null) {
        return Future.failedFuture(new DomainError.NotFound("no case " + id));
      }
      CareCase c = found.careCase();
      var thread = mentions.thread(found.mentionIds());
      var answers = replies.ofCase(id);
      var customer = customers.get(c.customerId());
      var history = finder.search(CaseFilter.ofCustomer(c.customerId()), CaseSort.NEWEST, null, HISTORY + 1)
          .compose(this::inOrder);
      var notesOf = notes.ofCase(id);
      return Future.all(thread, answers, customer, history, notesOf).map(all -> new CaseDetail(c,
          thread.result(), answers.result(), customer.result(),
          history.result().stream().filter(h -> !h.id().equals(id)).limit(HISTORY).toList(), notesOf.result()));
    });
  }
}

package io.earshot.inbox;

import io.earshot.domain.CareCase;
import io.earshot.error.DomainError;
import io.earshot.store.CaseQuery;
import io.earshot.store.CaseStore;
import io.earshot.store.CustomerStore;
import io.earshot.store.MentionStore;
import io.earshot.store.NoteStore;
import io.earshot.store.Page;
import io.earshot.store.ReplyStore;
import io.vertx.core.Future;

/**
 * Reading the shared inbox: listing cases and opening one with its thread, its replies, the
 * customer and their other cases. Changes go through {@link CaseChanges}. Futures fail with
 * {@link DomainError.NotFound}.
 */
public final class InboxService {
  private final CaseStore cases;
  private final MentionStore mentions;
  private final ReplyStore replies;
  private final CustomerStore customers;
  private final NoteStore notes;

  public InboxService(CaseStore cases, MentionStore mentions, ReplyStore replies, CustomerStore customers,
                      NoteStore notes) {
    this.notes = notes;
    this.cases = cases;
    this.mentions = mentions;
    this.replies = replies;
    this.customers = customers;
  }

  public Future<Page<CareCase>> list(CaseQuery query) {
    return cases.list(query);
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
      var history = cases.ofCustomer(c.customerId(), 20);
      var notesOf = notes.ofCase(id);
      return Future.all(thread, answers, customer, history, notesOf).map(all -> new CaseDetail(c,
          thread.result(), answers.result(), customer.result(),
          history.result().stream().filter(h -> !h.id().equals(id)).toList(), notesOf.result()));
    });
  }
}

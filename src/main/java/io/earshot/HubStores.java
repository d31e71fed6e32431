package io.earshot;

import io.earshot.store.CaseStore;
import io.earshot.store.CustomerStore;
import io.earshot.store.MentionStore;
import io.earshot.store.MongoStore;
import io.earshot.store.ReplyStore;

/** The stores most verticles share, built once per hub instance (they hold no state of their own). */
record HubStores(MentionStore mentions, CaseStore cases, CustomerStore customers, ReplyStore replies) {
  HubStores(MongoStore mongo) {
    this(new MentionStore(mongo), new CaseStore(mongo), new CustomerStore(mongo), new ReplyStore(mongo));
  }
}

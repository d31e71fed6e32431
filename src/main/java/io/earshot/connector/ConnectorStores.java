package io.earshot.connector;

import io.earshot.store.BudgetStore;
import io.earshot.store.ConnectorSwitchStore;
import io.earshot.store.CursorStore;
import io.earshot.store.MongoStore;
import io.earshot.store.OAuthTokenStore;
import io.earshot.store.PublishAttemptStore;

/** The MongoDB stores behind the connector fleet: cursors, budgets, OAuth tokens, publish marks, admins' switches. */
public record ConnectorStores(CursorStore cursors, BudgetStore budgets, OAuthTokenStore tokens,
                              PublishAttemptStore attempts, ConnectorSwitchStore switches) {
  public static ConnectorStores of(MongoStore mongo) {
    return new ConnectorStores(new CursorStore(mongo), new BudgetStore(mongo), new OAuthTokenStore(mongo),
        new PublishAttemptStore(mongo), new ConnectorSwitchStore(mongo));
  }
}

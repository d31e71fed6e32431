package io.earshot.store;

import com.mongodb.MongoInterruptedException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSecurityException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteConcernException;
import io.earshot.error.DomainError;
import java.util.concurrent.RejectedExecutionException;
import org.h2.mvstore.MVStoreException;

/**
 * Tells a store that cannot take writes at all (unreachable, no primary, the embedded file
 * failing to commit) from a write that failed because of what it carried. The first is worth a
 * retry later and fails every write alike; the second is one item's fault, so ingest isolates it
 * and stores the rest.
 */
public final class StoreFaults {
  private StoreFaults() {
  }

  /** Whether {@code error} (or a cause of it) says the store is unavailable rather than the data is bad. */
  public static boolean unavailable(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof MongoSocketException || t instanceof MongoTimeoutException
          || t instanceof MongoNotPrimaryException || t instanceof MongoNodeIsRecoveringException
          || t instanceof MongoWriteConcernException || t instanceof MongoInterruptedException
          || t instanceof MongoSecurityException || t instanceof MVStoreException
          || t instanceof RejectedExecutionException) {
        return true;
      }
      // The store layer's own "unavailable", whoever raised it, is the store's fault too.
      if (t instanceof DomainError.Unavailable) {
        return true;
      }
      // The driver's answer once its client is closed (the hub is stopping).
      if (t instanceof IllegalStateException && String.valueOf(t.getMessage()).contains("state should be: open")) {
        return true;
      }
    }
    return false;
  }
}

package io.earshot.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import java.util.concurrent.CompletionException;
import org.h2.mvstore.MVStoreException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Telling an unavailable store from a bad item")
class StoreFaultsTest {

  @Test
  @DisplayName("an unreachable server, a timeout or a failing embedded file is the store's fault, even wrapped")
  void storeFaults() {
    assertTrue(StoreFaults.unavailable(new MongoTimeoutException("no server")));
    assertTrue(StoreFaults.unavailable(new MongoSocketOpenException("refused", new ServerAddress())));
    assertTrue(StoreFaults.unavailable(new CompletionException(new MVStoreException(1, "disk full"))));
    assertTrue(StoreFaults.unavailable(new IllegalStateException("state should be: open")));
  }

  @Test
  @DisplayName("what one document carried is not")
  void itemFaults() {
    assertFalse(StoreFaults.unavailable(new IllegalArgumentException("date +1000000000-01-01 is outside what the store can hold")));
    assertFalse(StoreFaults.unavailable(new IllegalStateException("Document with key 'x' already existed")));
    assertFalse(StoreFaults.unavailable(new NullPointerException()));
  }
}

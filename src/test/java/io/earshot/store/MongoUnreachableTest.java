package io.earshot.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoSocketReadTimeoutException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteException;
import com.mongodb.ServerAddress;
import com.mongodb.WriteError;
import com.mongodb.connection.ClusterId;
import com.mongodb.connection.ServerId;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Which MongoDB driver failures mean \"no server can take this now\" (answered 503)")
class MongoUnreachableTest {
  private static final ServerAddress SERVER = new ServerAddress("127.0.0.1", 27017);

  @Test
  @DisplayName("no server selected, a socket that failed or timed out, a cleared pool or a primary stepping down are unavailability")
  void connectivityFailures() {
    assertTrue(MongoAvailability.unreachable(new MongoTimeoutException("Timed out while waiting for a server")));
    assertTrue(MongoAvailability.unreachable(new MongoSocketOpenException("Exception opening socket", SERVER)));
    assertTrue(MongoAvailability.unreachable(new MongoSocketReadTimeoutException("read timed out", SERVER, null)));
    assertTrue(MongoAvailability.unreachable(new MongoConnectionPoolClearedException(new ServerId(new ClusterId(), SERVER), null)));
    assertTrue(MongoAvailability.unreachable(new MongoNotPrimaryException(new BsonDocument("code", new BsonInt32(10107)), SERVER)));
  }

  @Test
  @DisplayName("found wrapped in another exception, it still counts")
  void wrapped() {
    assertTrue(MongoAvailability.unreachable(new IllegalStateException("write failed", new MongoTimeoutException("timed out"))));
  }

  @Test
  @DisplayName("what the server answered about the operation itself is not: a duplicate key, a bad command, a slow query")
  void operationFailures() {
    WriteError duplicate = new WriteError(11000, "E11000 duplicate key", new BsonDocument());
    assertFalse(MongoAvailability.unreachable(new MongoWriteException(duplicate, SERVER, List.of())));
    assertFalse(MongoAvailability.unreachable(new MongoCommandException(new BsonDocument("code", new BsonInt32(2)), SERVER)));
    assertFalse(MongoAvailability.unreachable(new MongoExecutionTimeoutException(50, "operation exceeded time limit")));
    assertFalse(MongoAvailability.unreachable(new IllegalArgumentException("not a date")));
  }
}

package io.earshot.redis;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import java.io.IOException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Which Lettuce failures mean Redis cannot be reached (failed fast as Unavailable)")
class RedisUnreachableTest {

  @Test
  @DisplayName("no connection, a command refused while disconnected, a timeout or a dropped socket are unavailability")
  void clientFailures() {
    assertTrue(RedisConnection.unreachable(new RedisConnectionException("Unable to connect to 127.0.0.1:6379")));
    assertTrue(RedisConnection.unreachable(new RedisException("Currently not connected. Commands are rejected.")));
    assertTrue(RedisConnection.unreachable(new RedisCommandTimeoutException("Command timed out after 2 second(s)")));
    assertTrue(RedisConnection.unreachable(new IOException("Connection reset by peer")));
    assertTrue(RedisConnection.unreachable(new CompletionException(new RedisException("Connection closed"))));
  }

  @Test
  @DisplayName("an error Redis itself answered is not: a wrong type or a failing script")
  void serverAnswers() {
    assertFalse(RedisConnection.unreachable(new RedisCommandExecutionException("WRONGTYPE Operation against a key")));
    assertFalse(RedisConnection.unreachable(new RedisCommandExecutionException("ERR Error running script")));
    assertFalse(RedisConnection.unreachable(new IllegalStateException("a bug of ours")));
  }
}

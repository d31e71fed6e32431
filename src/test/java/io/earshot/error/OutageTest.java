package io.earshot.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("An outage of a backing service, as its callers see it")
class OutageTest {

  @Test
  @DisplayName("a failed call starts it, the next call that succeeds ends it")
  void startsAndEnds() {
    Outage outage = new Outage("mongo", 5);
    assertFalse(outage.down());
    outage.failed(new RuntimeException("connection refused"));
    outage.failed(new RuntimeException("connection refused"));
    assertTrue(outage.down());
    outage.succeeded();
    assertFalse(outage.down());
  }

  @Test
  @DisplayName("callers are refused as unavailable (503), with the service's name and when to retry, without the cause's details")
  void refusal() {
    DomainError.Unavailable error = new Outage("redis", 7).failed(new RuntimeException("secret host:6379 refused"));
    assertEquals(503, io.earshot.web.ErrorAnswers.status(error));
    assertEquals("unavailable", io.earshot.web.ErrorAnswers.code(error));
    assertEquals("redis", error.service());
    assertEquals(7, error.retryAfterSeconds());
    assertEquals("redis is unavailable; retry in 7 s", error.getMessage());
    assertEquals(0, error.getStackTrace().length, "one outage, many refusals: no stack trace each");
  }
}

package io.earshot.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.earshot.domain.Author;
import io.earshot.domain.Mention;
import io.earshot.domain.Platform;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Threading a batch of mentions into cases")
class ThreaderTest {
  private static final Instant SAME_SECOND = Instant.parse("2026-11-24T06:00:00Z");

  private static Mention mention(String id, String author, String inReplyTo) {
    return Mention.incoming(Platform.X, "brand-x", id, new Author(author, author, author, 10, false),
        "text " + id, SAME_SECOND, inReplyTo, null, "en", Map.of());
  }

  private static Threader threader() {
    AtomicInteger next = new AtomicInteger();
    return new Threader(Map.of(), Map.of(), Map.of(), Map.of(), () -> "case-" + next.incrementAndGet());
  }

  @Test
  @DisplayName("a reply listed before its parent (same timestamp, newest-first page) joins the parent's case")
  void replyBeforeParentJoinsParentsCase() {
    Mention parent = mention("100", "alice", null);
    Mention reply = mention("101", "bob", "100");
    Mention grandReply = mention("102", "carol", "101");
    Map<String, Threader.Assignment> a = threader().assign(List.of(grandReply, reply, parent));
    String parentCase = a.get(parent.id()).caseId();
    assertEquals(parentCase, a.get(reply.id()).caseId());
    assertEquals(parentCase, a.get(grandReply.id()).caseId());
    assertEquals(1, a.values().stream().map(Threader.Assignment::caseId).distinct().count(), "one case");
    assertEquals(3, a.size());
  }

  @Test
  @DisplayName("a parent read after its reply (newest-first paging) joins the case the reply is waiting in")
  void lateParentJoinsItsReply() {
    Mention lateParent = mention("400", "gina", null);
    Mention stranger = mention("401", "hank", null);
    Threader threader = new Threader(Map.of(), Map.of(lateParent.id(), "case-of-reply"), Map.of(), Map.of(),
        () -> "new-case");
    Map<String, Threader.Assignment> a = threader.assign(List.of(lateParent, stranger));
    assertEquals("case-of-reply", a.get(lateParent.id()).caseId());
    assertEquals("new-case", a.get(stranger.id()).caseId());
  }

  @Test
  @DisplayName("unrelated authors still get their own cases, and a reply cycle terminates")
  void cyclesAndStrangers() {
    Mention one = mention("200", "dave", "201");
    Mention two = mention("201", "erin", "200");
    Mention stranger = mention("300", "frank", null);
    Map<String, Threader.Assignment> a = threader().assign(List.of(one, two, stranger));
    assertEquals(a.get(one.id()).caseId(), a.get(two.id()).caseId());
    assertNotEquals(a.get(one.id()).caseId(), a.get(stranger.id()).caseId());
  }
}

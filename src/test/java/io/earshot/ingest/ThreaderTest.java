package io.earshot.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.domain.Author;
import io.earshot.domain.CareCase;
import io.earshot.domain.CaseStatus;
import io.earshot.domain.Mention;
import io.earshot.domain.Platform;
import io.earshot.domain.Priority;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Threading mentions into cases")
class ThreaderTest {
  private static final Instant T = Instant.parse("2026-11-24T08:00:00Z");
  private final AtomicInteger ids = new AtomicInteger();

  @Test
  @DisplayName("a reply joins its parent's case, even when the parent is earlier in the same batch")
  void replyJoinsParentInBatch() {
    Threader threader = new Threader(Map.of(), Map.of(), Map.of(), Map.of(), this::newId);
    var result = threader.assign(List.of(m("1", "ann", null), m("2", "bob", "1"), m("3", "cid", "2")));
    assertEquals(result.get("sandbox:1").caseId(), result.get("sandbox:2").caseId());
    assertEquals(result.get("sandbox:1").caseId(), result.get("sandbox:3").caseId());
    assertTrue(result.get("sandbox:1").createdCase());
  }

  @Test
  @DisplayName("a reply to a stored post joins that post's case")
  void replyJoinsStoredParent() {
    CareCase open = careCase("case-a", CaseStatus.OPEN);
    Threader threader = new Threader(Map.of("sandbox:99", "case-a"), Map.of(), Map.of(), Map.of("case-a", open), this::newId);
    var a = threader.assign(List.of(m("5", "zed", "99"))).get("sandbox:5");
    assertEquals("case-a", a.caseId());
    assertFalse(a.createdCase());
    assertFalse(a.reopen());
  }

  @Test
  @DisplayName("without a parent, the author's recent case is reused, and a resolved one reopens")
  void recentCaseReusedAndReopened() {
    CareCase resolved = careCase("case-r", CaseStatus.RESOLVED);
    Threader threader = new Threader(Map.of(), Map.of(), Map.of("sandbox:ann", resolved), Map.of(), this::newId);
    var a = threader.assign(List.of(m("7", "ann", null))).get("sandbox:7");
    assertEquals("case-r", a.caseId());
    assertTrue(a.reopen());
    assertEquals(3, a.priorContacts());
  }

  @Test
  @DisplayName("a new author gets a new case, and their second mention in the batch joins it")
  void newAuthorNewCase() {
    Threader threader = new Threader(Map.of(), Map.of(), Map.of(), Map.of(), this::newId);
    var result = threader.assign(List.of(m("8", "new", null), m("9", "new", null), m("10", "other", null)));
    assertEquals(result.get("sandbox:8").caseId(), result.get("sandbox:9").caseId());
    assertFalse(result.get("sandbox:8").caseId().equals(result.get("sandbox:10").caseId()));
  }

  @Test
  @DisplayName("a reply listed before its parent (same timestamp, newest-first page) joins the parent's case")
  void replyBeforeParentJoinsParentsCase() {
    Threader threader = new Threader(Map.of(), Map.of(), Map.of(), Map.of(), this::newId);
    var a = threader.assign(List.of(m("102", "carol", "101"), m("101", "bob", "100"), m("100", "alice", null)));
    String parentCase = a.get("sandbox:100").caseId();
    assertEquals(parentCase, a.get("sandbox:101").caseId());
    assertEquals(parentCase, a.get("sandbox:102").caseId());
    assertEquals(3, a.size());
  }

  @Test
  @DisplayName("a reply cycle (possible through the ingest API) terminates in one case")
  void replyCycleTerminates() {
    Threader threader = new Threader(Map.of(), Map.of(), Map.of(), Map.of(), this::newId);
    var a = threader.assign(List.of(m("200", "dave", "201"), m("201", "erin", "200"), m("300", "frank", null)));
    assertEquals(a.get("sandbox:200").caseId(), a.get("sandbox:201").caseId());
    assertFalse(a.get("sandbox:200").caseId().equals(a.get("sandbox:300").caseId()));
  }

  @Test
  @DisplayName("a parent read after its reply (newest-first paging) joins the case the reply is waiting in")
  void lateParentJoinsItsReply() {
    Threader threader = new Threader(Map.of(), Map.of("sandbox:400", "case-of-reply"), Map.of(), Map.of(),
        this::newId);
    var a = threader.assign(List.of(m("400", "gina", null), m("401", "hank", null)));
    assertEquals("case-of-reply", a.get("sandbox:400").caseId());
    assertFalse(a.get("sandbox:401").caseId().equals("case-of-reply"));
  }

  private String newId() {
    return "new-" + ids.incrementAndGet();
  }

  private static Mention m(String id, String author, String inReplyTo) {
    return Mention.incoming(Platform.SANDBOX, null, id, new Author(author, author, author, 0, false), "text",
        T, inReplyTo, null, null, null);
  }

  private static CareCase careCase(String id, CaseStatus status) {
    return new CareCase(id, Platform.SANDBOX, null, "sandbox:ann", "ann", status, Priority.of(10), null, null,
        List.of(), "s", "s", 3, T, T, T, null, null, 1);
  }
}

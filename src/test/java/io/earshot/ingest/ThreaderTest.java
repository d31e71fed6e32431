package io.earshot.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.domain.Author;
import io.earshot.domain.CareCase;
import io.earshot.domain.CaseStatus;
import io.earshot.domain.Mention;
import io.earshot.domain.Platform;
import io.earshot.domain.Priority;
import io.earshot.store.ThreadMoves;
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
    var result = assign(ThreadingFacts.none(), m("1", "ann", null), m("2", "bob", "1"), m("3", "cid", "2"));
    assertEquals(result.get("sandbox:1").caseId(), result.get("sandbox:2").caseId());
    assertEquals(result.get("sandbox:1").caseId(), result.get("sandbox:3").caseId());
    assertTrue(result.get("sandbox:1").createdCase());
  }

  @Test
  @DisplayName("a reply to a stored post joins that post's case")
  void replyJoinsStoredParent() {
    var facts = facts(Map.of("sandbox:99", "case-a"), Map.of(), Map.of(), careCase("case-a", CaseStatus.OPEN));
    var a = assign(facts, m("5", "zed", "99")).get("sandbox:5");
    assertEquals("case-a", a.caseId());
    assertFalse(a.createdCase());
    assertFalse(a.reopen());
  }

  @Test
  @DisplayName("without a parent, the author's recent case is reused, and a resolved one reopens")
  void recentCaseReusedAndReopened() {
    CareCase resolved = careCase("case-r", CaseStatus.RESOLVED);
    var facts = new ThreadingFacts(Map.of(), Map.of(), Map.of(), Map.of("case-r", resolved), Map.of("sandbox:ann", resolved));
    var a = assign(facts, m("7", "ann", null)).get("sandbox:7");
    assertEquals("case-r", a.caseId());
    assertTrue(a.reopen());
    assertEquals(3, a.priorContacts());
  }

  @Test
  @DisplayName("a new author gets a new case, and their second mention in the batch joins it")
  void newAuthorNewCase() {
    var result = assign(ThreadingFacts.none(), m("8", "new", null), m("9", "new", null), m("10", "other", null));
    assertEquals(result.get("sandbox:8").caseId(), result.get("sandbox:9").caseId());
    assertNotEquals(result.get("sandbox:8").caseId(), result.get("sandbox:10").caseId());
  }

  @Test
  @DisplayName("a reply listed before its parent (same timestamp, newest-first page) joins the parent's case")
  void replyBeforeParentJoinsParentsCase() {
    var a = assign(ThreadingFacts.none(), m("102", "carol", "101"), m("101", "bob", "100"), m("100", "alice", null));
    String parentCase = a.get("sandbox:100").caseId();
    assertEquals(parentCase, a.get("sandbox:101").caseId());
    assertEquals(parentCase, a.get("sandbox:102").caseId());
    assertEquals(3, a.size());
  }

  @Test
  @DisplayName("a reply cycle (possible through the ingest API) terminates in one case")
  void replyCycleTerminates() {
    var a = assign(ThreadingFacts.none(), m("200", "dave", "201"), m("201", "erin", "200"), m("300", "frank", null));
    assertEquals(a.get("sandbox:200").caseId(), a.get("sandbox:201").caseId());
    assertNotEquals(a.get("sandbox:200").caseId(), a.get("sandbox:300").caseId());
  }

  @Test
  @DisplayName("a parent read after its reply (newest-first paging) joins the case the reply is waiting in")
  void lateParentJoinsItsReply() {
    var facts = facts(Map.of(), Map.of("sandbox:400", Map.of("case-of-reply", List.of("sandbox:402"))), Map.of());
    var a = assign(facts, m("400", "gina", null), m("401", "hank", null));
    assertEquals("case-of-reply", a.get("sandbox:400").caseId());
    assertNotEquals("case-of-reply", a.get("sandbox:401").caseId());
  }

  @Test
  @DisplayName("a re-sent batch holding its stored parent threads the new reply into the parent's stored case")
  void storedParentInBatchWins() {
    var facts = facts(Map.of("sandbox:500", "case-stored"), Map.of(), Map.of(), careCase("case-stored", CaseStatus.OPEN));
    var result = new Threader(facts, this::newId).assign(List.of(m("500", "ivy", null), m("501", "jon", "500")));
    assertEquals(List.of("sandbox:501"), List.copyOf(result.assignments().keySet()), "the stored parent is not threaded again");
    assertEquals("case-stored", result.assignments().get("sandbox:501").caseId());
  }

  @Test
  @DisplayName("a second answer to a post not stored yet joins the first answer's case")
  void siblingJoinsWaitingReply() {
    var facts = facts(Map.of(), Map.of("sandbox:600", Map.of("case-first", List.of("sandbox:601"))), Map.of());
    assertEquals("case-first", assign(facts, m("602", "kim", "600")).get("sandbox:602").caseId());
    var inOneBatch = assign(ThreadingFacts.none(), m("611", "lee", "610"), m("612", "max", "610"));
    assertEquals(inOneBatch.get("sandbox:611").caseId(), inOneBatch.get("sandbox:612").caseId());
  }

  @Test
  @DisplayName("a late parent whose own parent is stored keeps that case and moves its waiting replies into it")
  void lateParentWithStoredParentMovesOrphans() {
    var facts = facts(Map.of("sandbox:700", "case-root"), Map.of("sandbox:701", Map.of("case-orphan", List.of("sandbox:702"))),
        Map.of(), careCase("case-root", CaseStatus.OPEN), careCase("case-orphan", CaseStatus.NEW));
    var result = new Threader(facts, this::newId).assign(List.of(m("701", "ned", "700")));
    assertEquals("case-root", result.assignments().get("sandbox:701").caseId());
    assertEquals(List.of(new ThreadMoves.Move("case-orphan", "case-root", List.of("sandbox:702"))), result.moves());
  }

  @Test
  @DisplayName("a case new in the batch gives way to the stored case the chain's replies wait in")
  void newCaseGivesWayToWaitingCase() {
    var facts = facts(Map.of(), Map.of("sandbox:801", Map.of("case-waiting", List.of("sandbox:802"))), Map.of(),
        careCase("case-waiting", CaseStatus.NEW));
    var result = new Threader(facts, this::newId).assign(List.of(m("800", "oli", null), m("801", "pam", "800")));
    assertEquals("case-waiting", result.assignments().get("sandbox:800").caseId());
    assertEquals("case-waiting", result.assignments().get("sandbox:801").caseId());
    assertTrue(result.moves().isEmpty());
  }

  @Test
  @DisplayName("a stored reply re-sent with its stored parent in another case is moved to the parent's case")
  void resentSplitIsMended() {
    var facts = facts(Map.of("sandbox:900", "case-p", "sandbox:901", "case-r"), Map.of(), Map.of());
    var result = new Threader(facts, this::newId).assign(List.of(m("900", "quin", null), m("901", "rae", "900")));
    assertTrue(result.assignments().isEmpty());
    assertEquals(List.of(new ThreadMoves.Move("case-r", "case-p", List.of("sandbox:901"))), result.moves());
  }

  @Test
  @DisplayName("a reply whose parent is unknown is left waiting for it, with its case")
  void unknownParentLeavesAnOrphan() {
    var result = new Threader(ThreadingFacts.none(), this::newId).assign(List.of(m("951", "sam", "950")));
    var waiting = result.orphans().get("sandbox:950");
    assertEquals(result.assignments().get("sandbox:951").caseId(), waiting.caseId());
    assertEquals(List.of("sandbox:951"), waiting.replyIds());
  }

  private Map<String, Threader.Assignment> assign(ThreadingFacts facts, Mention... mentions) {
    return new Threader(facts, this::newId).assign(List.of(mentions)).assignments();
  }

  private static ThreadingFacts facts(Map<String, String> stored, Map<String, Map<String, List<String>>> awaited,
                                      Map<String, CareCase> recent, CareCase... cases) {
    Map<String, CareCase> byId = new java.util.HashMap<>();
    for (CareCase c : cases) {
      byId.put(c.id(), c);
    }
    return new ThreadingFacts(stored, awaited, Map.of(), byId, recent);
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

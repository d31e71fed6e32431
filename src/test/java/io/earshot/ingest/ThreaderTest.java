package io.earshot.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.domain.Author;
import io.earshot.domain.Brand;
import io.earshot.domain.CareCase;
import io.earshot.domain.CaseStatus;
import io.earshot.domain.Mention;
import io.earshot.domain.Platform;
import io.earshot.domain.Visibility;
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
    var facts = new ThreadingFacts(Map.of(), Map.of(), Map.of(), Map.of("case-r", resolved),
        Map.of(new ThreadingFacts.CustomerBrand("sandbox:ann", Brand.DEFAULT_ID), resolved));
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

  @Test
  @DisplayName("a customer's posts to two brands in one batch are two cases, each of its brand")
  void twoBrandsTwoCases() {
    var a = assign(ThreadingFacts.none(), m("1000", "ann", null, "tallycloud"), m("1001", "ann", null, "streambox"),
        m("1002", "ann", null, "tallycloud"));
    assertNotEquals(a.get("sandbox:1000").caseId(), a.get("sandbox:1001").caseId());
    assertEquals(a.get("sandbox:1000").caseId(), a.get("sandbox:1002").caseId(), "the same brand again joins its case");
    assertEquals("tallycloud", a.get("sandbox:1000").brand());
    assertEquals("streambox", a.get("sandbox:1001").brand());
  }

  @Test
  @DisplayName("a customer's recent case with one brand is reused only for posts to that brand")
  void recentCaseIsPerBrand() {
    CareCase tally = careCase("case-tally", CaseStatus.OPEN, "tallycloud");
    var facts = new ThreadingFacts(Map.of(), Map.of(), Map.of(), Map.of("case-tally", tally),
        Map.of(new ThreadingFacts.CustomerBrand("sandbox:ann", "tallycloud"), tally));
    var a = assign(facts, m("1010", "ann", null, "streambox"), m("1011", "ann", null, "tallycloud"));
    assertEquals("case-tally", a.get("sandbox:1011").caseId());
    assertNotEquals("case-tally", a.get("sandbox:1010").caseId());
    assertTrue(a.get("sandbox:1010").createdCase());
    assertEquals("streambox", a.get("sandbox:1010").brand());
  }

  @Test
  @DisplayName("a reply to another brand's thread joins that thread's case, which keeps its brand")
  void replyAcrossBrandsStaysInItsThread() {
    var facts = facts(Map.of("sandbox:1020", "case-tally"), Map.of(), Map.of(),
        careCase("case-tally", CaseStatus.OPEN, "tallycloud"));
    var a = assign(facts, m("1021", "ann", "1020", "streambox"), m("1022", "ann", null, "streambox"),
        m("1023", "ann", null, "tallycloud"));
    assertEquals("case-tally", a.get("sandbox:1021").caseId());
    assertEquals("tallycloud", a.get("sandbox:1021").brand());
    assertNotEquals("case-tally", a.get("sandbox:1022").caseId(), "a fresh post to the other brand is its own case");
    assertEquals("case-tally", a.get("sandbox:1023").caseId(), "a fresh post to the thread's brand joins it");
  }

  @Test
  @DisplayName("a new case has the brand of the mention that opened it, whatever its replies address")
  void newCaseHasItsFirstMentionsBrand() {
    var a = assign(ThreadingFacts.none(), m("1030", "ann", null, "ledgerbank"), m("1031", "bob", "1030", "tallycloud"));
    assertEquals(a.get("sandbox:1030").caseId(), a.get("sandbox:1031").caseId());
    assertEquals("ledgerbank", a.get("sandbox:1031").brand());
  }

  @Test
  @DisplayName("a private message joins the customer's open case with the brand however old, a public mention only inside the window")
  void privateMessageJoinsOpenCase() {
    CareCase open = careCase("case-o", CaseStatus.OPEN);
    var key = new ThreadingFacts.CustomerBrand("sandbox:ann", Brand.DEFAULT_ID);
    var facts = new ThreadingFacts(Map.of(), Map.of(), Map.of(), Map.of("case-o", open), Map.of(), Map.of(key, open));
    assertEquals("case-o", assign(facts, m("20", "ann", null).withVisibility(Visibility.PRIVATE)).get("sandbox:20").caseId());
    assertNotEquals("case-o", assign(facts, m("21", "ann", null)).get("sandbox:21").caseId());
  }

  @Test
  @DisplayName("a private message to a customer's resolved case outside the window opens a new case")
  void privateMessageOpensCaseWhenResolved() {
    CareCase resolved = careCase("case-x", CaseStatus.RESOLVED);
    var key = new ThreadingFacts.CustomerBrand("sandbox:ann", Brand.DEFAULT_ID);
    var facts = new ThreadingFacts(Map.of(), Map.of(), Map.of(), Map.of("case-x", resolved), Map.of(),
        Map.of(key, resolved));
    var a = assign(facts, m("22", "ann", null).withVisibility(Visibility.PRIVATE)).get("sandbox:22");
    assertNotEquals("case-x", a.caseId());
    assertTrue(a.createdCase());
  }

  @Test
  @DisplayName("a new case names when the customer's case before it with the brand opened; a first contact names none")
  void newCaseNamesThePreviousOpening() {
    CareCase old = careCase("case-old", CaseStatus.RESOLVED);
    var key = new ThreadingFacts.CustomerBrand("sandbox:ann", Brand.DEFAULT_ID);
    var facts = new ThreadingFacts(Map.of(), Map.of(), Map.of(), Map.of("case-old", old), Map.of(), Map.of(key, old));
    var result = assign(facts, m("30", "ann", null), m("31", "ann", null), m("32", "bob", null));
    assertTrue(result.get("sandbox:30").createdCase());
    assertEquals(old.createdAt(), result.get("sandbox:30").previousCaseAt());
    assertEquals(result.get("sandbox:30"), result.get("sandbox:31"), "her second post joins the new case");
    assertEquals(null, result.get("sandbox:32").previousCaseAt());
    var joined = assign(facts(Map.of("sandbox:99", "case-old"), Map.of(), Map.of(), old), m("33", "ann", "99"));
    assertEquals(null, joined.get("sandbox:33").previousCaseAt(), "a stored case is not opened again");
  }

  private Map<String, Threader.Assignment> assign(ThreadingFacts facts, Mention... mentions) {
    return new Threader(facts, this::newId).assign(List.of(mentions)).assignments();
  }

  private static ThreadingFacts facts(Map<String, String> stored, Map<String, Map<String, List<String>>> awaited,
                                      Map<ThreadingFacts.CustomerBrand, CareCase> recent, CareCase... cases) {
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

  private static Mention m(String id, String author, String inReplyTo, String brand) {
    return m(id, author, inReplyTo).withBrand(brand);
  }

  private static CareCase careCase(String id, CaseStatus status) {
    return careCase(id, status, Brand.DEFAULT_ID);
  }

  private static CareCase careCase(String id, CaseStatus status, String brand) {
    return new CareCase(id, Platform.SANDBOX, null, brand, "sandbox:ann", "ann", status, Priority.of(10), null, null,
        List.of(), "s", "s", 3, T, T, T, null, null, 1, null, null, null, null);
  }
}

package io.earshot.domain.approval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.error.DomainError;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("An approval policy")
class ApprovalPolicyTest {
  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

  private static ApprovalConditions when(List<String> words, Long followers, Boolean verified, Double below,
                                         List<String> reasons, List<String> platforms, Integer newerThanDays) {
    return new ApprovalConditions(words, followers, verified, below, reasons, platforms, newerThanDays, null, false);
  }

  private static ApprovalRule rule(String id, ApprovalConditions when) {
    return new ApprovalRule(id, null, Set.of(ApprovalKind.REPLY), when, "manager", null, false);
  }

  private static ApprovalSubject reply(String text, long followers, boolean verified, double sentiment,
                                       List<String> reasons, String platform, Instant authorSince) {
    return new ApprovalSubject(ApprovalKind.REPLY, "tally", text, followers, verified, sentiment, reasons, platform,
        authorSince, false, NOW);
  }

  private static ApprovalSubject flagged(ApprovalSubject s, boolean flagged) {
    return new ApprovalSubject(s.kind(), s.brand(), s.text(), s.followers(), s.verified(), s.sentiment(), s.reasons(),
        s.platform(), s.authorSince(), flagged, s.now());
  }

  private static Optional<String> held(ApprovalPolicy p, ApprovalSubject s) {
    return p.holding(s).map(ApprovalRule::id);
  }

  @Test
  @DisplayName("holds by words at a word's start, case-insensitively, and the first rule that holds decides")
  void words() {
    ApprovalPolicy p = new ApprovalPolicy(List.of(rule("refund", when(List.of("refund", "legal action"), null, null, null, null, null, null)),
        rule("angry", when(null, null, null, -0.5, null, null, null))), 1);
    ApprovalSubject base = reply("x", 10, false, -0.9, List.of(), "x", null);
    assertEquals(Optional.of("refund"), held(p, withText(base, "Your REFUNDED order")));
    assertEquals(Optional.of("refund"), held(p, withText(base, "we may take legal action")));
    assertEquals(Optional.of("angry"), held(p, withText(base, "a prefund note")), "'prefund' is not 'refund'");
    assertEquals("legal action", p.rules().get(0).when().firstWordIn("Legal Action follows"));
  }

  @Test
  @DisplayName("holds by reach (followers or verified), sentiment, reason, platform and a new author")
  void conditions() {
    ApprovalPolicy p = new ApprovalPolicy(List.of(
        rule("reach", when(null, 10_000L, true, null, null, null, null)),
        rule("billing-on-x", when(null, null, null, null, List.of("billing"), List.of("x"), null)),
        rule("new-agent", when(null, null, null, null, null, null, 14))), 1);
    Instant veteran = NOW.minusSeconds(86_400L * 100);
    assertEquals(Optional.of("reach"), held(p, reply("hi", 20_000, false, 0, List.of(), "mastodon", veteran)));
    assertEquals(Optional.of("reach"), held(p, reply("hi", 5, true, 0, List.of(), "mastodon", veteran)));
    assertEquals(Optional.of("billing-on-x"), held(p, reply("hi", 5, false, 0, List.of("billing"), "x", veteran)));
    assertEquals(Optional.empty(), held(p, reply("hi", 5, false, 0, List.of("billing"), "bluesky", veteran)));
    assertEquals(Optional.of("new-agent"), held(p, reply("hi", 5, false, 0, List.of(), "x", NOW.minusSeconds(86_400L * 3))));
    assertEquals(Optional.empty(), held(p, reply("hi", 5, false, 0, List.of(), "x", veteran)));
  }

  @Test
  @DisplayName("holds a flagged author's reply; with authorNewerThanDays, a new or a flagged author")
  void flaggedAuthor() {
    ApprovalConditions flaggedOnly = new ApprovalConditions(null, null, null, null, null, null, null, true, false);
    ApprovalConditions newOrFlagged = new ApprovalConditions(null, null, null, null, null, null, 14, true, false);
    ApprovalPolicy p = new ApprovalPolicy(List.of(rule("flagged", flaggedOnly)), 1);
    ApprovalPolicy q = new ApprovalPolicy(List.of(rule("new-or-flagged", newOrFlagged)), 1);
    Instant veteran = NOW.minusSeconds(86_400L * 100);
    ApprovalSubject plain = reply("hi", 5, false, 0, List.of(), "x", veteran);
    assertEquals(Optional.of("flagged"), held(p, flagged(plain, true)));
    assertEquals(Optional.empty(), held(p, plain));
    assertEquals(Optional.of("new-or-flagged"), held(q, flagged(plain, true)));
    assertEquals(Optional.of("new-or-flagged"), held(q, reply("hi", 5, false, 0, List.of(), "x", NOW.minusSeconds(86_400L))));
    assertEquals(Optional.empty(), held(q, plain));
    assertTrue(!flaggedOnly.isEmpty(), "authorFlagged alone is a condition");
  }

  @Test
  @DisplayName("a rule for one brand holds only that brand's replies; broadcasts are always held")
  void brandsAndBroadcasts() {
    ApprovalRule other = new ApprovalRule("other-brand", "streambox", Set.of(ApprovalKind.REPLY),
        new ApprovalConditions(null, null, null, null, null, null, null, null, true), "manager", null, false);
    ApprovalPolicy p = new ApprovalPolicy(List.of(other), 1);
    assertEquals(Optional.empty(), held(p, reply("hi", 5, false, 0, List.of(), "x", null)));
    ApprovalSubject broadcast = new ApprovalSubject(ApprovalKind.BROADCAST, "tally", "We are fixing it", 0, false,
        null, List.of(), "x", null, false, NOW);
    assertEquals(Optional.of("broadcasts"), held(p, broadcast));
  }

  @Test
  @DisplayName("refuses a rule without conditions, a repeated id or an unknown approver, naming the rule")
  void validation() {
    var empty = assertThrows(DomainError.Invalid.class, () -> new ApprovalPolicy(List.of(
        rule("ok", when(List.of("a"), null, null, null, null, null, null)), rule("none", when(null, null, null, null, null, null, null))), 1));
    assertEquals("rules[1].when", empty.field());
    var twice = assertThrows(DomainError.Invalid.class, () -> new ApprovalPolicy(List.of(
        rule("a", when(List.of("a"), null, null, null, null, null, null)), rule("a", when(List.of("b"), null, null, null, null, null, null))), 1));
    assertEquals("rules[1].id", twice.field());
    var approver = assertThrows(DomainError.Invalid.class, () -> new ApprovalPolicy(List.of(new ApprovalRule("a", null,
        Set.of(ApprovalKind.REPLY), when(List.of("a"), null, null, null, null, null, null), "agent", null, false)), 1));
    assertEquals("rules[0].approver", approver.field());
    assertTrue(new ApprovalPolicy(List.of(), 1).replace(List.of(), "root", NOW).changed());
  }

  private static ApprovalSubject withText(ApprovalSubject s, String text) {
    return new ApprovalSubject(s.kind(), s.brand(), text, s.followers(), s.verified(), s.sentiment(), s.reasons(),
        s.platform(), s.authorSince(), s.authorFlagged(), s.now());
  }
}

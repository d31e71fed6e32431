package io.earshot.domain.approval;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Why a reply was held and what became of it. {@code submittedText} is what the agent wrote;
 * {@code approvedSha256} binds the approval to the exact text approved, so a text changed after
 * approval is not approved ({@link #permits}). {@code note} is the approver's reason or the note
 * sent back to the agent; {@code escalated} is set once the item waited past {@code escalateAt}.
 */
public record Approval(String ruleId, String approver, boolean selfApproval, String matched, Instant heldAt,
                       Instant escalateAt, boolean escalated, String submittedText, String decidedBy,
                       Instant decidedAt, String approvedSha256, String note) {

  public static Approval held(ApprovalRule rule, String matched, String text, Instant at) {
    Instant escalateAt = rule.escalateAfterMinutes() == null ? null
        : at.plus(Duration.ofMinutes(rule.escalateAfterMinutes()));
    return new Approval(rule.id(), rule.approver(), rule.selfApproval(), matched, at, escalateAt, false, text,
        null, null, null, null);
  }

  public Approval approved(String actor, String finalText, Instant at) {
    return new Approval(ruleId, approver, selfApproval, matched, heldAt, escalateAt, escalated, submittedText,
        actor, at, sha256(finalText), note);
  }

  public Approval decided(String actor, String why, Instant at) {
    return new Approval(ruleId, approver, selfApproval, matched, heldAt, escalateAt, escalated, submittedText,
        actor, at, null, why);
  }

  public Approval escalatedNow() {
    return new Approval(ruleId, approver, selfApproval, matched, heldAt, escalateAt, true, submittedText,
        decidedBy, decidedAt, approvedSha256, note);
  }

  /** Whether this approval releases exactly {@code text}. */
  public boolean permits(String text) {
    return approvedSha256 != null && approvedSha256.equals(sha256(text));
  }

  public static String sha256(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}

package io.earshot.broadcast;

import io.earshot.connector.Connector;
import io.earshot.connector.ConnectorRegistry;
import io.earshot.connector.ReplyCheck;
import io.earshot.domain.broadcast.Broadcast;
import io.earshot.domain.broadcast.NoticeTarget;
import io.earshot.domain.broadcast.ProblemFacts;
import io.earshot.error.DomainError;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fills a broadcast's public text and personal notices, and checks them against each platform's
 * own length rules (the same {@link Connector#checkReply} that replies pass).
 */
final class BroadcastText {
  private final BroadcastTemplates templates;
  private final ConnectorRegistry connectors;

  BroadcastText(BroadcastTemplates templates, ConnectorRegistry connectors) {
    this.templates = templates;
    this.connectors = connectors;
  }

  /** The public text: {@code text} as written, or {@code template} filled. */
  String publicText(String text, String template, ProblemFacts problem, String brandName) {
    String filled = template != null ? templates.render(template, "template", context(problem, brandName, null)) : text;
    if (filled == null || filled.isBlank()) {
      throw new DomainError.Invalid(template != null ? "template" : "text", "must not be empty");
    }
    return filled.strip();
  }

  /** One customer's notice of {@code b}. */
  String notice(Broadcast b, ProblemFacts problem, String brandName, NoticeTarget t) {
    return notice(b.noticeText(), b.noticeTemplate(), problem, brandName, t.handle());
  }

  String notice(String noticeText, String noticeTemplate, ProblemFacts problem, String brandName, String handle) {
    String filled = noticeTemplate != null
        ? templates.render(noticeTemplate, "noticeTemplate", context(problem, brandName, handle))
        : noticeText.replace("{{customer.handle}}", String.valueOf(handle));
    return filled.strip();
  }

  /** The platform's verdict on {@code text} posted through {@code account}; null when there is no such account. */
  ReplyCheck check(String account, String text) {
    return connectors.byName(account).map(c -> c.checkReply(text)).orElse(null);
  }

  /** Every account's verdict on {@code text}; fails with Invalid naming {@code field} at the first that does not fit. */
  Map<String, ReplyCheck> requireFits(Iterable<String> accounts, String text, String field) {
    Map<String, ReplyCheck> checks = new LinkedHashMap<>();
    for (String account : accounts) {
      ReplyCheck check = check(account, text);
      if (check != null && !check.ok()) {
        throw new DomainError.Invalid(field, "on " + account + ": " + check.message());
      }
      checks.put(account, check);
    }
    return checks;
  }

  private static Map<String, Object> context(ProblemFacts p, String brandName, String handle) {
    Map<String, Object> problem = new HashMap<>();
    if (p != null) {
      problem.put("title", p.title());
      problem.put("publicSummary", p.publicSummary());
      problem.put("status", p.status());
    }
    Map<String, Object> context = new HashMap<>();
    context.put("problem", problem);
    context.put("brand", Map.of("name", brandName == null ? "" : brandName));
    if (handle != null) {
      context.put("customer", Map.of("handle", handle));
    }
    return context;
  }
}

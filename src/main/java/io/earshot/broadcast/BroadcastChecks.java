package io.earshot.broadcast;

import io.earshot.brand.BrandDirectory;
import io.earshot.connector.Connector;
import io.earshot.connector.ConnectorRegistry;
import io.earshot.connector.ReplyCheck;
import io.earshot.domain.Brand;
import io.earshot.domain.broadcast.Broadcast;
import io.earshot.domain.broadcast.NoticeTarget;
import io.earshot.domain.broadcast.ProblemFacts;
import io.earshot.error.DomainError;
import io.vertx.core.Future;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * What a broadcast must satisfy before it is stored, each failure naming its field: known
 * accounts, a known problem (needed to notify), text or a template, a notice to send, and every
 * filled text within the length rules of every platform it goes to (the public text on each
 * chosen account; each customer's notice on the account of their case).
 */
final class BroadcastChecks {
  private static final int MAX_ACCOUNTS = 20;
  private final ProblemAudience audience;
  private final BroadcastText texts;
  private final BroadcastTemplates templates;
  private final ConnectorRegistry connectors;
  private final BrandDirectory brands;

  BroadcastChecks(ProblemAudience audience, BroadcastText texts, BroadcastTemplates templates,
                  ConnectorRegistry connectors, BrandDirectory brands) {
    this.audience = audience;
    this.texts = texts;
    this.templates = templates;
    this.connectors = connectors;
    this.brands = brands;
  }

  /** A draft that passed: its filled public text, brand, first platform and the notice template chosen. */
  record Ready(BroadcastService.Draft draft, String text, String brand, String platform, String noticeTemplate) {
  }

  Future<Ready> checked(BroadcastService.Draft d) {
    shape(d);
    return facts(d).map(f -> {
      String text = texts.publicText(d.text(), d.template(), f.problem(), f.brandName());
      texts.requireFits(d.accounts(), text, d.template() != null ? "template" : "text");
      String noticeTemplate = noticeTemplate(d);
      if (d.notifyAffected()) {
        for (NoticeTarget t : f.targets()) {
          String notice = texts.notice(d.noticeText(), noticeTemplate, f.problem(), f.brandName(), t.handle());
          account(t).map(c -> c.checkReply(notice)).filter(c -> !c.ok()).ifPresent(c -> {
            throw new DomainError.Invalid(d.noticeText() != null ? "noticeText" : "noticeTemplate",
                "to @" + t.handle() + ": " + c.message());
          });
        }
      }
      return new Ready(d, text, f.brand(), connectors.byName(d.accounts().get(0)).orElseThrow()
          .account().platform().code(), noticeTemplate);
    });
  }

  Future<BroadcastPreview> preview(BroadcastService.Draft d) {
    shape(d);
    return facts(d).map(f -> {
      String text = texts.publicText(d.text(), d.template(), f.problem(), f.brandName());
      Map<String, ReplyCheck> checks = new java.util.LinkedHashMap<>();
      d.accounts().forEach(a -> checks.put(a, texts.check(a, text)));
      NoticeTarget first = f.targets().isEmpty() ? null : f.targets().get(0);
      if (!d.notifyAffected() || first == null) {
        return new BroadcastPreview(text, checks, null, null, null, f.targets().size());
      }
      String notice = texts.notice(d.noticeText(), noticeTemplate(d), f.problem(), f.brandName(), first.handle());
      return new BroadcastPreview(text, checks, notice, first.account(), account(first).map(c -> c.checkReply(notice))
          .orElse(null), f.targets().size());
    });
  }

  /** An approver's edit of the public text: stripped, not empty, fitting every account; null when not edited. */
  String editedText(Broadcast b, String edited) {
    if (edited == null) {
      return null;
    }
    if (edited.isBlank()) {
      throw new DomainError.Invalid("text", "must not be empty");
    }
    texts.requireFits(b.accounts(), edited.strip(), "text");
    return edited.strip();
  }

  private record Facts(ProblemFacts problem, List<NoticeTarget> targets, String brand, String brandName) {
  }

  private Future<Facts> facts(BroadcastService.Draft d) {
    Future<ProblemFacts> problem = d.problemId() == null ? Future.succeededFuture() : audience.problem(d.problemId());
    return problem.compose(p -> {
      if (d.problemId() != null && p == null) {
        return Future.failedFuture(new DomainError.Invalid("problemId", "no problem " + d.problemId()));
      }
      Future<List<NoticeTarget>> targets = p == null || !d.notifyAffected() ? Future.succeededFuture(List.of())
          : audience.targets(p.id());
      String brand = p != null && p.brand() != null ? p.brand() : brandOfAccount(d.accounts().get(0));
      return Future.all(targets, brands.all()).map(all -> {
        Map<String, Brand> known = all.resultAt(1);
        Brand b = known.get(brand);
        return new Facts(p, all.resultAt(0), brand, b == null ? brand : b.name());
      });
    });
  }

  private void shape(BroadcastService.Draft d) {
    if ((d.text() == null) == (d.template() == null)) {
      throw new DomainError.Invalid("text", "give either text or template");
    }
    if (d.template() != null && !templates.has(d.template())) {
      throw new DomainError.Invalid("template", "no broadcast template named '" + d.template() + "'");
    }
    if (d.accounts() == null || d.accounts().isEmpty() || d.accounts().size() > MAX_ACCOUNTS) {
      throw new DomainError.Invalid("accounts", "name 1 to " + MAX_ACCOUNTS + " connector accounts");
    }
    if (new HashSet<>(d.accounts()).size() != d.accounts().size()) {
      throw new DomainError.Invalid("accounts", "names an account twice");
    }
    d.accounts().stream().filter(a -> connectors.byName(a).isEmpty()).findFirst().ifPresent(a -> {
      throw new DomainError.Invalid("accounts", "no connector account named '" + a + "'");
    });
    if (d.notifyAffected()) {
      notifyShape(d);
    }
  }

  private void notifyShape(BroadcastService.Draft d) {
    if (d.problemId() == null) {
      throw new DomainError.Invalid("problemId", "is required to notify affected customers");
    }
    if (d.noticeText() != null && d.noticeTemplate() != null) {
      throw new DomainError.Invalid("noticeText", "give either noticeText or noticeTemplate");
    }
    if (d.noticeText() != null && d.noticeText().isBlank()) {
      throw new DomainError.Invalid("noticeText", "must not be empty");
    }
    if (d.noticeTemplate() != null && !templates.has(d.noticeTemplate())) {
      throw new DomainError.Invalid("noticeTemplate", "no broadcast template named '" + d.noticeTemplate() + "'");
    }
    if (d.noticeText() == null && noticeTemplate(d) == null) {
      throw new DomainError.Invalid("noticeText", "is required to notify affected customers (or noticeTemplate)");
    }
  }

  /** The notice template: as given, else the personal twin of the public template ({@code <template>-personal}). */
  private String noticeTemplate(BroadcastService.Draft d) {
    if (d.noticeTemplate() != null || d.noticeText() != null) {
      return d.noticeTemplate();
    }
    String twin = d.template() == null ? null : d.template() + "-personal";
    return twin != null && templates.has(twin) ? twin : null;
  }

  private java.util.Optional<Connector> account(NoticeTarget t) {
    return connectors.forCase(t.account(), t.platform());
  }

  private String brandOfAccount(String account) {
    return connectors.byName(account).map(c -> c.account().brand()).filter(b -> b != null).orElse(Brand.DEFAULT_ID);
  }
}

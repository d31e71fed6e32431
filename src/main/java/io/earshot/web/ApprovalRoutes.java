package io.earshot.web;

import io.earshot.auth.User;
import io.earshot.broadcast.BroadcastService;
import io.earshot.domain.broadcast.Broadcast;
import io.earshot.domain.CareCase;
import io.earshot.error.DomainError;
import io.earshot.publish.ApprovalPolicies;
import io.earshot.publish.ApprovalService;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;

/**
 * Approvals: the queue of held replies in their case context ({@code GET /approvals}), an
 * approver's decision ({@code POST /approvals/{replyId}}), and the policy that holds replies
 * ({@code GET|PUT /policies/approval}; managers read it, admins change it).
 */
final class ApprovalRoutes {
  private final ApprovalService approvals;
  private final ApprovalPolicies policies;
  private final Clock clock;
  private final BroadcastService broadcasts;

  ApprovalRoutes(ApprovalService approvals, ApprovalPolicies policies, Clock clock, BroadcastService broadcasts) {
    this.approvals = approvals;
    this.policies = policies;
    this.clock = clock;
    this.broadcasts = broadcasts;
  }

  void mount(Router api) {
    api.get("/approvals").handler(this::queue);
    api.post("/approvals/:replyId").handler(this::decide);
    api.get("/policies/approval").handler(this::policy);
    api.put("/policies/approval").handler(this::replacePolicy);
  }

  /** Held replies, then held broadcasts ({@code kind} tells them apart; a broadcast item has no case). */
  private void queue(RoutingContext ctx) {
    User user = Authenticator.user(ctx);
    Bodies.answer(ctx, 200, approvals.queue(user).compose(pending -> broadcasts.pending(user).map(held -> {
      JsonArray items = new JsonArray();
      pending.forEach(p -> items.add(item(p)));
      held.forEach(b -> items.add(broadcastItem(b)));
      return new JsonObject().put("items", items).put("total", items.size());
    })), body -> body);
  }

  private JsonObject broadcastItem(Broadcast b) {
    long waiting = Duration.between(b.approval().heldAt(), clock.instant()).toSeconds();
    return new JsonObject().put("kind", "broadcast").put("broadcast", BroadcastJson.broadcast(b))
        .put("heldBy", b.approval().ruleId()).put("waitingSeconds", Math.max(0, waiting));
  }

  private JsonObject item(ApprovalService.Pending p) {
    JsonObject reply = ApiJson.reply(p.reply());
    long waiting = Duration.between(p.reply().approval().heldAt(), clock.instant()).toSeconds();
    return new JsonObject().put("kind", "reply").put("reply", reply).put("heldBy", p.reply().approval().ruleId())
        .put("waitingSeconds", Math.max(0, waiting)).put("case", caseContext(p.careCase()));
  }

  private static JsonObject caseContext(CareCase c) {
    if (c == null) {
      return null;
    }
    return new JsonObject().put("id", c.id()).put("brand", c.brand()).put("platform", c.platform().code())
        .put("customerHandle", c.customerHandle()).put("subject", c.subject()).put("lastText", c.lastText())
        .put("status", c.status().code()).put("priority", c.priority().value())
        .put("sentiment", c.triage() == null ? null : c.triage().label().code())
        .put("createdAt", ApiJson.time(c.createdAt()));
  }

  /** The id names a held reply or a held broadcast; both are decided with the same body. */
  private void decide(RoutingContext ctx) {
    JsonObject body = Bodies.object(ctx);
    String decision = Bodies.requiredString(body, "decision");
    String text = Bodies.optionalString(body, "text");
    String reason = Bodies.optionalString(body, "reason");
    String id = ctx.pathParam("replyId");
    Bodies.answer(ctx, 200, broadcasts.exists(id).compose(isBroadcast -> isBroadcast
        ? broadcasts.decide(id, new BroadcastService.Verdict(decision, text, reason), Authenticator.user(ctx))
            .map(BroadcastJson::broadcast)
        : approvals.decide(id, new ApprovalService.Verdict(decision, text, reason), Authenticator.user(ctx))
            .map(ApiJson::reply)), json -> json);
  }

  private void policy(RoutingContext ctx) {
    User user = Authenticator.user(ctx);
    if (!user.canApprove()) {
      throw new DomainError.Forbidden("only managers and admins read the approval policy");
    }
    Bodies.answer(ctx, 200, policies.get(), ApprovalPolicyJson::policy);
  }

  private void replacePolicy(RoutingContext ctx) {
    User user = Authenticator.user(ctx);
    if (!user.isAdmin()) {
      throw new DomainError.Forbidden("only an admin changes the approval policy");
    }
    var rules = ApprovalPolicyJson.rules(Bodies.object(ctx));
    Bodies.answer(ctx, 200, policies.replace(rules, user), ApprovalPolicyJson::policy);
  }
}

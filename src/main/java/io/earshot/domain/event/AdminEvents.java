package io.earshot.domain.event;

import io.earshot.domain.Brand;
import java.time.Instant;
import java.util.List;

/**
 * What admins and managers set up: user accounts, webhooks, brands, saved replies, teams, saved
 * views and the routing policy.
 * A holder of {@link DomainEvent} records, extended by it alone, so that every event keeps its
 * name {@code DomainEvent.<Record>}; see {@link DomainEvent}.
 */
public sealed interface AdminEvents permits DomainEvent {
  /**
   * A change to a user account or its credentials: {@code user.created}, {@code user.updated},
   * {@code session.created}, {@code session.ended}, {@code token.created}; {@code detail} says what
   * changed, never a secret.
   */
  record AccountChanged(EventType type, String username, String actor, String detail, Instant at)
      implements DomainEvent {
    public String subject() {
      return "user:" + username;
    }
  }

  /**
   * An admin's change to an outgoing webhook endpoint: {@code webhook.created}, {@code webhook.updated},
   * {@code webhook.deleted}, {@code webhook.replayed}; {@code detail} says what changed, never the secret.
   */
  record WebhookChanged(EventType type, String webhookId, String actor, String detail, Instant at)
      implements DomainEvent {
    public String subject() {
      return "webhook:" + webhookId;
    }
  }

  /**
   * A brand created or changed, by an admin or by start-up seeding ({@link DomainEvent#BRANDS}):
   * {@code brand.created}, {@code brand.updated}; carries the brand as it is after the change and
   * {@code detail}, what changed.
   */
  record BrandChanged(EventType type, Brand brand, String actor, String detail, Instant at) implements DomainEvent {
    public String subject() {
      return "brand:" + brand.id();
    }
  }

  /**
   * A manager's or admin's change to a saved reply: {@code template.created}, {@code template.updated},
   * {@code template.deleted}; {@code detail} says what changed.
   */
  record TemplateChanged(EventType type, String templateId, String actor, String detail, Instant at)
      implements DomainEvent {
    public String subject() {
      return "template:" + templateId;
    }
  }

  /**
   * An admin created, changed or deleted a team ({@code team.created}, {@code team.updated},
   * {@code team.deleted}); carries the members after the change and {@code detail}, what changed.
   */
  record TeamChanged(EventType type, String team, List<String> members, String actor, String detail,
                     Instant at) implements DomainEvent {
    public TeamChanged {
      members = java.util.List.copyOf(members);
    }

    public String subject() {
      return "team:" + team;
    }
  }

  /**
   * A saved view was created or changed ({@code view.saved}) or deleted ({@code view.deleted}).
   * Every dashboard receives events live, so a personal view's name and filters stay out of
   * {@code detail} (only its owner sees it); a shared view's are told.
   */
  record ViewChanged(EventType type, String viewId, String owner, boolean shared, String actor, String detail,
                     Instant at) implements DomainEvent {
    public String subject() {
      return "view:" + viewId;
    }
  }

  /** An admin replaced the routing (auto-assignment) policy; {@code detail} lists each brand's mode. */
  record RoutingPolicyUpdated(long version, String actor, String detail, Instant at) implements DomainEvent {
    public EventType type() {
      return EventType.ROUTING_POLICY_UPDATED;
    }

    public String subject() {
      return "policy:routing";
    }
  }
}

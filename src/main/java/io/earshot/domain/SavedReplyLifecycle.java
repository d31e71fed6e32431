package io.earshot.domain;

import io.earshot.domain.event.AdminEvents.TemplateChanged;
import io.earshot.domain.event.EventType;
import io.earshot.error.DomainError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The life of a saved reply as pure functions: create, change (name, body, brand) and delete,
 * each answering the new record and its {@code template.*} event, or {@link DomainError.Invalid}
 * naming the field at fault. Whether a body compiles is the template engine's to say
 * ({@code publish/TemplateEngine}), checked before these are called. Changing nothing is no change.
 */
public final class SavedReplyLifecycle {
  static final int MAX_NAME = 80;
  static final int MAX_BODY = 5000;

  private SavedReplyLifecycle() {
  }

  /** What a manager writes; {@code brand} null = shared across brands. */
  public record Draft(String name, String body, String brand) {
  }

  /**
   * What a manager changes; null fields stay as they are. {@code brand} is changed only when
   * {@code changeBrand} (so that null, "shared", can be set).
   */
  public record Patch(String name, String body, boolean changeBrand, String brand) {
    boolean empty() {
      return name == null && body == null && !changeBrand;
    }
  }

  public static Decision<SavedReply> create(String id, Draft draft, String actor, Instant at) {
    SavedReply r = new SavedReply(id, name(draft.name()), body(draft.body()), brand(draft.brand()), 0, actor, at,
        at, false, 1);
    return new Decision<>(r, List.of(event(EventType.TEMPLATE_CREATED, r, actor,
        "created '" + r.name() + "' (" + scope(r.brand()) + ")", at)));
  }

  /** A template read from a file at first start, shared, created by {@code system:templates}. */
  public static SavedReply imported(String id, String body, Instant at) {
    return new SavedReply(id, id, body, null, 0, IMPORTER, at, at, false, 1);
  }

  /** The creator of templates imported from files. */
  public static final String IMPORTER = "system:templates";

  public static Decision<SavedReply> update(SavedReply r, Patch patch, String actor, Instant at) {
    if (patch.empty()) {
      throw new DomainError.Invalid("body", "give at least one of name, body, brand");
    }
    String nextName = patch.name() == null ? r.name() : name(patch.name());
    String nextBody = patch.body() == null ? r.body() : body(patch.body());
    String nextBrand = patch.changeBrand() ? brand(patch.brand()) : r.brand();
    List<String> changed = new ArrayList<>();
    if (!nextName.equals(r.name())) {
      changed.add("name → '" + nextName + "'");
    }
    if (!nextBody.equals(r.body())) {
      changed.add("body changed");
    }
    if (!Objects.equals(nextBrand, r.brand())) {
      changed.add("now " + scope(nextBrand));
    }
    if (changed.isEmpty()) {
      return Decision.unchanged(r);
    }
    SavedReply after = r.with(nextName, nextBody, nextBrand, at);
    return new Decision<>(after, List.of(event(EventType.TEMPLATE_UPDATED, after, actor,
        "'" + r.name() + "': " + String.join("; ", changed), at)));
  }

  public static Decision<SavedReply> delete(SavedReply r, String actor, Instant at) {
    SavedReply after = r.asDeleted(at);
    return new Decision<>(after, List.of(event(EventType.TEMPLATE_DELETED, after, actor,
        "deleted '" + r.name() + "' (" + scope(r.brand()) + ", used " + r.uses() + " times)", at)));
  }

  private static TemplateChanged event(EventType type, SavedReply r, String actor, String detail, Instant at) {
    return new TemplateChanged(type, r.id(), actor, detail, at);
  }

  private static String scope(String brand) {
    return brand == null ? "shared across brands" : "brand " + brand;
  }

  private static String name(String raw) {
    String name = raw == null ? "" : raw.strip();
    if (name.isEmpty()) {
      throw new DomainError.Invalid("name", "is required");
    }
    if (name.codePointCount(0, name.length()) > MAX_NAME) {
      throw new DomainError.Invalid("name", "must be at most " + MAX_NAME + " characters");
    }
    return name;
  }

  private static String body(String raw) {
    String body = raw == null ? "" : raw.strip();
    if (body.isEmpty()) {
      throw new DomainError.Invalid("body", "is required");
    }
    if (body.length() > MAX_BODY) {
      throw new DomainError.Invalid("body", "must be at most " + MAX_BODY + " characters");
    }
    return body;
  }

  private static String brand(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    if (!Brand.isValidId(raw.strip())) {
      throw new DomainError.Invalid("brand", "must be a brand id such as tallycloud, or null for every brand");
    }
    return raw.strip();
  }
}

package io.earshot.problem;

import io.earshot.auth.User;
import io.earshot.domain.event.ProblemEvents.DepartmentChanged;
import io.earshot.domain.event.EventType;
import io.earshot.error.DomainError;
import io.earshot.events.Change;
import io.earshot.events.EventDispatcher;
import io.earshot.store.DepartmentStore;
import io.earshot.store.StaleWrite;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The admin-managed list of departments. Everyone signed in reads it; only admins change it.
 * Futures fail with {@link DomainError.Forbidden}, {@code Invalid} (naming the field),
 * {@code NotFound} and {@code Conflict} (a taken id, or a department changed meanwhile).
 */
public final class DepartmentService {
  private final DepartmentStore store;
  private final EventDispatcher dispatcher;
  private final Clock clock;

  /** What an admin gives; null fields of a change stay as they are. */
  public record Draft(String id, String name, List<String> members, String contact) {
  }

  public DepartmentService(DepartmentStore store, EventDispatcher dispatcher, Clock clock) {
    this.store = store;
    this.dispatcher = dispatcher;
    this.clock = clock;
  }

  public Future<List<Department>> list() {
    return store.list();
  }

  public Future<Department> get(String id) {
    return store.get(id).compose(d -> d == null ? Future.failedFuture(new DomainError.NotFound("no department " + id))
        : Future.succeededFuture(d));
  }

  public Future<Department> create(Draft draft, User user) {
    admin(user);
    String name = name(draft.name());
    String id = draft.id() == null ? slug(name) : checkedId(draft.id());
    Instant now = clock.instant();
    Department d = new Department(id, name, draft.members(), draft.contact(), now, now, 1);
    Change change = Change.of(DepartmentStore.DEPARTMENTS, id,
        List.of(new DepartmentChanged(EventType.DEPARTMENT_CREATED, d, user.username(), "created " + name, now)));
    return dispatcher.apply(change, () -> store.insert(d, change.id()))
        .recover(e -> Future.failedFuture(e instanceof DepartmentStore.Exists
            ? new DomainError.Conflict("department " + id + " exists") : e));
  }

  public Future<Department> update(String id, Draft patch, User user) {
    admin(user);
    return get(id).compose(d -> {
      Department after = new Department(d.id(), patch.name() == null ? d.name() : name(patch.name()),
          patch.members() == null ? d.members() : patch.members(),
          patch.contact() == null ? d.contact() : patch.contact(), d.createdAt(), clock.instant(), d.version() + 1);
      return save(d, after, false, EventType.DEPARTMENT_UPDATED, "changed " + after.name(), user);
    });
  }

  public Future<Void> delete(String id, User user) {
    admin(user);
    return get(id).compose(d -> save(d, new Department(d.id(), d.name(), d.members(), d.contact(), d.createdAt(),
        clock.instant(), d.version() + 1), true, EventType.DEPARTMENT_DELETED, "deleted " + d.name(), user)).mapEmpty();
  }

  private Future<Department> save(Department before, Department after, boolean deleted, EventType type, String detail,
                                  User user) {
    Change change = Change.of(DepartmentStore.DEPARTMENTS, before.id(),
        List.of(new DepartmentChanged(type, after, user.username(), detail, after.updatedAt())));
    return dispatcher.apply(change, () -> store.save(after, deleted, before.version(), change.id()))
        .recover(e -> Future.failedFuture(e instanceof StaleWrite
            ? new DomainError.Conflict("department " + before.id() + " changed meanwhile; reload it") : e));
  }

  private static void admin(User user) {
    if (!user.isAdmin()) {
      throw new DomainError.Forbidden("only admins manage departments");
    }
  }

  private static String name(String raw) {
    if (raw == null || raw.isBlank() || raw.strip().length() > 100) {
      throw new DomainError.Invalid("name", "must be a non-empty text of at most 100 characters");
    }
    return raw.strip();
  }

  private static String checkedId(String id) {
    if (!id.matches("[a-z0-9][a-z0-9-]{0,39}")) {
      throw new DomainError.Invalid("id", "must be lower-case letters, digits and dashes (at most 40)");
    }
    return id;
  }

  private static String slug(String name) {
    String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    return checkedId(slug.isEmpty() ? "department" : slug.substring(0, Math.min(40, slug.length())));
  }
}

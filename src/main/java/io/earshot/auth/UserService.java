package io.earshot.auth;

import com.mongodb.MongoWriteException;
import io.earshot.error.DomainError;
import io.earshot.store.UserStore;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Managing people: admins list, add and change users; anyone changes their own password (with
 * the current one), display name and signatures. Disabling someone or changing their password
 * ends their sessions and tokens (a person changing their own keeps the session they did it
 * from). The last active admin can be neither disabled nor demoted. Futures fail with {@link DomainError.Forbidden},
 * {@link DomainError.NotFound}, {@link DomainError.Conflict} (name taken, last admin) or
 * {@link DomainError.Invalid} (wrong current password).
 */
public final class UserService {
  private final UserStore users;
  private final PasswordPool passwords;
  private final SignInThrottle throttle;
  private final Revocations revocations;
  private final Clock clock;

  public UserService(UserStore users, PasswordPool passwords, SignInThrottle throttle, Revocations revocations,
                     Clock clock) {
    this.users = users;
    this.passwords = passwords;
    this.throttle = throttle;
    this.revocations = revocations;
    this.clock = clock;
  }

  public Future<List<Person>> list(User actor) {
    return requireAdmin(actor).compose(v -> users.listUsers()).map(all -> all.stream().map(Person::of).toList());
  }

  public Future<Person> create(User actor, String username, Set<Role> roles, String password) {
    List<String> codes = User.of(username, roles).roleCodes();
    return requireAdmin(actor).compose(v -> passwords.hash(password))
        .compose(hash -> users.insertUser(username, codes, hash, clock.instant()))
        .recover(e -> Future.failedFuture(e instanceof MongoWriteException
            ? new DomainError.Conflict("user '" + username + "' already exists") : e))
        .compose(v -> users.findUser(username)).map(Person::of);
  }

  /** Applies {@code change} to {@code username} on behalf of {@code actor}, signed in from {@code address}. */
  public Future<Person> update(Caller actor, String address, String username, UserChange change) {
    boolean self = actor.user().username().equals(username);
    if (!actor.user().isAdmin() && (!self || change.adminOnly())) {
      return Future.failedFuture(new DomainError.Forbidden(self
          ? "you may change only your own password, display name, signatures and availability; ask an admin for the rest"
          : "only admins manage users"));
    }
    return checkCurrentPassword(actor, address, self, change)
        .compose(v -> existing(username))
        .compose(before -> keepsAnAdmin(before, change).map(before))
        .compose(before -> fields(change, self).compose(fields -> users.update(username, fields, clock.instant()))
            .compose(after -> undoIfNoAdminLeft(before, after, change)))
        .compose(after -> endCredentials(actor, username, self, change).map(after))
        .map(Person::of);
  }

  private Future<Void> requireAdmin(User actor) {
    return actor.isAdmin() ? Future.succeededFuture()
        : Future.failedFuture(new DomainError.Forbidden("only admins manage users"));
  }

  /** Someone changing their own password proves it first; the sign-in throttle counts these checks too. */
  private Future<Void> checkCurrentPassword(Caller actor, String address, boolean self, UserChange change) {
    if (change.password() == null || !self) {
      return Future.succeededFuture();
    }
    if (change.currentPassword() == null) {
      return Future.failedFuture(new DomainError.Invalid("currentPassword", "is required to change your own password"));
    }
    String name = actor.user().username();
    return throttle.attempt(name, address).compose(wait -> wait.isZero() ? existing(name)
            : Future.failedFuture(new DomainError.TooManyRequests("too many password checks; try again later",
                Math.max(1, wait.toSeconds()))))
        .compose(user -> passwords.verify(change.currentPassword(), user.passwordHash()))
        .compose(ok -> ok ? throttle.succeeded(name, address)
            : Future.failedFuture(new DomainError.Invalid("currentPassword", "is not your current password")));
  }

  private Future<UserStore.StoredUser> existing(String username) {
    return users.findUser(username).compose(u -> u == null
        ? Future.failedFuture(new DomainError.NotFound("no user " + username)) : Future.succeededFuture(u));
  }

  private Future<Void> keepsAnAdmin(UserStore.StoredUser before, UserChange change) {
    if (!change.mayDemote() || !Person.of(before).activeAdmin()) {
      return Future.succeededFuture();
    }
    return users.countActiveAdmins().compose(n -> n > 1 ? Future.succeededFuture() : Future.failedFuture(lastAdmin()));
  }

  /**
   * Two admins demoting each other at once both pass the check above; without transactions the
   * write happens first and is undone when it left no active admin, so at least one stays.
   */
  private Future<UserStore.StoredUser> undoIfNoAdminLeft(UserStore.StoredUser before, UserStore.StoredUser after,
                                                         UserChange change) {
    if (!change.mayDemote() || !Person.of(before).activeAdmin()) {
      return Future.succeededFuture(after);
    }
    return users.countActiveAdmins().compose(n -> {
      if (n > 0) {
        return Future.succeededFuture(after);
      }
      Map<String, Object> undo = new LinkedHashMap<>();
      undo.put("roles", before.roles());
      undo.put("disabled", before.disabled());
      return users.update(before.username(), undo, clock.instant()).compose(v -> Future.failedFuture(lastAdmin()));
    });
  }

  private static DomainError lastAdmin() {
    return new DomainError.Conflict("this is the last active admin; make someone else an admin first");
  }

  /** A password set by someone else must be replaced by its owner; one's own choice clears that. */
  private Future<Map<String, Object>> fields(UserChange change, boolean self) {
    Map<String, Object> fields = new LinkedHashMap<>();
    if (change.roles() != null) {
      fields.put("roles", User.of("-", change.roles()).roleCodes());
    }
    if (change.disabled() != null) {
      fields.put("disabled", change.disabled());
    }
    if (change.capacity() != null || change.clearCapacity()) {
      fields.put("capacity", change.capacity());
    }
    if (change.skills() != null) {
      fields.put("skills", change.skills());
    }
    profile(change, fields);
    if (change.password() == null) {
      return Future.succeededFuture(fields);
    }
    return passwords.hash(change.password()).map(hash -> {
      fields.put("passwordHash", hash);
      fields.put("passwordChangedAt", clock.instant());
      fields.put("mustChangePassword", !self);
      return fields;
    });
  }

  /** Signatures are set one brand at a time, so changing one keeps the others. */
  private static void profile(UserChange change, Map<String, Object> fields) {
    if (change.displayName() != null || change.clearDisplayName()) {
      fields.put("displayName", change.displayName());
    }
    if (change.signatures() != null) {
      change.signatures().forEach((brand, text) -> fields.put("signatures." + brand, text));
    }
    if (change.flagged() != null) {
      fields.put("flagged", change.flagged());
    }
    if (change.availability() != null) {
      fields.put("availability", change.availability());
    }
  }

  private Future<Void> endCredentials(Caller actor, String username, boolean self, UserChange change) {
    if (Boolean.TRUE.equals(change.disabled())) {
      return revocations.endAllOf(username, null);
    }
    if (change.password() != null) {
      return revocations.endAllOf(username, self ? actor.credentialId() : null);
    }
    return Future.succeededFuture();
  }
}

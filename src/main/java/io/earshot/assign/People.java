package io.earshot.assign;

import io.earshot.auth.Person;
import io.earshot.domain.Candidate;
import io.earshot.store.UserStore;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * People as assignment sees them: who exists, is disabled, and works cases. Reads the users
 * store; Futures fail only with the store's errors.
 */
public final class People {
  private final UserStore users;

  public People(UserStore users) {
    this.users = users;
  }

  /** The stored person named {@code username} as a candidate for cases, or null when nobody has that name. */
  public Future<Candidate> candidate(String username) {
    return users.findUser(username).map(u -> u == null ? null : candidate(Person.of(u)));
  }

  /** Every user as a candidate, by name. */
  public Future<Map<String, Candidate>> all() {
    return users.listUsers().map(list -> list.stream().map(u -> candidate(Person.of(u)))
        .collect(Collectors.toMap(Candidate::username, Function.identity())));
  }

  /** Everyone who works cases and may be given one (not disabled), by name. */
  public Future<List<Person>> workers() {
    return users.listUsers().map(all -> all.stream().map(Person::of).filter(p -> candidate(p).worksCases()
        && !p.disabled()).toList());
  }

  static Candidate candidate(Person p) {
    // Roles this version does not know leave a person with none: they work no cases here.
    boolean works = !p.roles().isEmpty() && p.user().canWorkCases();
    return new Candidate(p.username(), p.disabled(), works);
  }

  /** The names in {@code names} that are no user, are disabled or work no cases. */
  public Future<List<String>> unassignable(List<String> names) {
    return all().map(known -> names.stream().filter(n -> {
      Candidate c = known.get(n);
      return c == null || c.disabled() || !c.worksCases();
    }).toList());
  }
}

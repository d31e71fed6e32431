package io.earshot.casework;

import io.earshot.auth.User;
import io.earshot.domain.CareCase;
import io.earshot.domain.Note;
import io.earshot.domain.NoteRules;
import io.earshot.domain.event.CaseworkEvents.CaseNoted;
import io.earshot.error.DomainError;
import io.earshot.events.Change;
import io.earshot.events.EventDispatcher;
import io.earshot.store.CaseStore;
import io.earshot.store.MongoStore;
import io.earshot.store.NoteStore;
import io.earshot.store.UserStore;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Internal notes: an agent writes one on a case, naming teammates with {@code @username}; the
 * names of existing, enabled users become the note's mentions (others stay text), and the note
 * is written once and told as {@code case.noted}, which notifies each mentioned user live.
 * Futures fail with {@link DomainError.Forbidden} (a marketer), {@code Invalid} naming
 * {@code text}, or {@code NotFound} (no such case).
 */
public final class NoteService {
  private final CaseStore cases;
  private final NoteStore notes;
  private final UserStore users;
  private final EventDispatcher events;
  private final Clock clock;

  public NoteService(CaseStore cases, NoteStore notes, UserStore users, EventDispatcher events, Clock clock) {
    this.cases = cases;
    this.notes = notes;
    this.users = users;
    this.events = events;
    this.clock = clock;
  }

  public Future<Note> add(String caseId, String rawText, User user) {
    if (!user.canWorkCases()) {
      return Future.failedFuture(new DomainError.Forbidden("a marketer does not write notes on cases"));
    }
    String text = NoteRules.text(rawText);
    return existing(caseId).compose(c -> mentioned(text).compose(names -> write(c, text, names, user.username())));
  }

  /** The case's notes, oldest first (reading a case is everyone's). */
  public Future<List<Note>> ofCase(String caseId) {
    return notes.ofCase(caseId);
  }

  private Future<CareCase> existing(String caseId) {
    return cases.get(caseId).compose(c -> c == null
        ? Future.failedFuture(new DomainError.NotFound("no case " + caseId)) : Future.succeededFuture(c));
  }

  /** The {@code @names} in the text that are users who can sign in, in order of appearance. */
  private Future<List<String>> mentioned(String text) {
    List<Future<String>> found = NoteRules.candidates(text).stream()
        .map(name -> users.findUser(name).map(u -> u == null || u.disabled() ? null : u.username())).toList();
    return Future.all(found).map(all -> found.stream().map(Future::result).filter(Objects::nonNull).distinct().toList());
  }

  private Future<Note> write(CareCase c, String text, List<String> mentions, String author) {
    Instant now = clock.instant();
    Note note = new Note(UUID.randomUUID().toString(), c.id(), author, text, mentions, now);
    Change change = new Change(UUID.randomUUID().toString(), MongoStore.NOTES, note.id(),
        List.of(new CaseNoted(c, note, now)));
    return events.apply(change, () -> notes.insert(note, change.id()));
  }
}

package io.earshot.inbox;

import io.earshot.domain.CareCase;
import io.earshot.domain.Customer;
import io.earshot.domain.Mention;
import io.earshot.domain.Note;
import io.earshot.domain.Reply;
import java.util.List;

/** A case as an agent opens it: the thread, the customer, their other cases and the team's notes (oldest first). */
public record CaseDetail(CareCase careCase, List<Mention> mentions, List<Reply> replies,
                         Customer customer, List<CareCase> history, List<Note> notes) {
}

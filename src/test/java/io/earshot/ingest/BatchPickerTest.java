package io.earshot.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.earshot.domain.Author;
import io.earshot.domain.Mention;
import io.earshot.domain.Platform;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Picking batches that may run side by side")
class BatchPickerTest {
  private final BatchPicker picker = new BatchPicker();

  @Test
  @DisplayName("a customer with a mention in flight waits, and so do their later mentions")
  void customerInFlightWaits() {
    Deque<Mention> queue = new ArrayDeque<>(List.of(m("1", "ann", null), m("2", "bob", null)));
    List<Mention> first = picker.take(queue, 1, Function.identity());
    queue.addAll(List.of(m("3", "ann", null), m("4", "cid", null), m("5", "ann", null)));
    List<Mention> second = picker.take(queue, 10, Function.identity());
    assertEquals(List.of("1"), ids(first));
    assertEquals(List.of("2", "4"), ids(second));
    assertEquals(List.of("3", "5"), ids(List.copyOf(queue)));
  }

  @Test
  @DisplayName("an answer waits while the post it answers is in flight, even from another customer")
  void answerWaitsForParent() {
    Deque<Mention> queue = new ArrayDeque<>(List.of(m("10", "ann", null)));
    picker.take(queue, 10, Function.identity());
    queue.addAll(List.of(m("11", "bob", "10"), m("12", "bob", null), m("13", "dan", null)));
    assertEquals(List.of("13"), ids(picker.take(queue, 10, Function.identity())));
  }

  @Test
  @DisplayName("a post waits while an answer to it is in flight (the answer may be waiting for it as an orphan)")
  void parentWaitsForItsAnswer() {
    Deque<Mention> queue = new ArrayDeque<>(List.of(m("31", "bob", "30"), m("32", "cid", "30")));
    List<Mention> first = picker.take(queue, 10, Function.identity());
    queue.addAll(List.of(m("30", "ann", null), m("33", "dan", null)));
    assertEquals(List.of("33"), ids(picker.take(queue, 10, Function.identity())));
    picker.release(first, Function.identity());
    assertEquals(List.of("30"), ids(picker.take(queue, 10, Function.identity())));
  }

  @Test
  @DisplayName("an answer waits while another answer to the same post is in flight (the first decides their case)")
  void siblingWaitsForSibling() {
    Deque<Mention> queue = new ArrayDeque<>(List.of(m("41", "bob", "40")));
    List<Mention> first = picker.take(queue, 10, Function.identity());
    queue.addAll(List.of(m("42", "cid", "40"), m("43", "dan", "39")));
    assertEquals(List.of("43"), ids(picker.take(queue, 10, Function.identity())));
    picker.release(first, Function.identity());
    assertEquals(List.of("42"), ids(picker.take(queue, 10, Function.identity())));
  }

  @Test
  @DisplayName("released batches free their customers and posts")
  void releaseFrees() {
    Deque<Mention> queue = new ArrayDeque<>(List.of(m("20", "ann", null)));
    List<Mention> first = picker.take(queue, 10, Function.identity());
    queue.add(m("21", "ann", "20"));
    assertEquals(List.of(), picker.take(queue, 10, Function.identity()));
    picker.release(first, Function.identity());
    assertEquals(List.of("21"), ids(picker.take(queue, 10, Function.identity())));
  }

  private static Mention m(String id, String author, String inReplyTo) {
    return Mention.incoming(Platform.SANDBOX, null, id, new Author(author, author, author, 0, false), "text",
        Instant.parse("2026-11-24T08:00:00Z"), inReplyTo, null, null, null);
  }

  private static List<String> ids(List<Mention> mentions) {
    return mentions.stream().map(Mention::externalId).toList();
  }
}

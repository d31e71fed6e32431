package io.earshot.demo.emulator;

/**
 * What every emulated platform's state lets a scenario put in its feed: seeded threads, one
 * scripted mention, and an item the connector must skip as malformed.
 */
public interface SeededFeed {
  /** Seeds {@code count} mentions; every {@code threadEvery}-th one replies to an earlier one. */
  void seedMentions(int count, int threadEvery);

  /** Adds one customer mention of the brand with this text (the brand's handle added if absent). */
  void seedMention(String text);

  /** Adds one item in the platform's feed that does not parse as a post. */
  void seedMalformed();
}

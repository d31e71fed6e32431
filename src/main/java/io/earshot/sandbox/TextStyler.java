package io.earshot.sandbox;

import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Roughens a template's output the way people type: emoji, a typo, all lower case, extra
 * exclamation marks. @handles are never touched, so the post still reaches its brand.
 */
final class TextStyler {
  private final List<String> emoji;
  private final RandomGenerator rng;

  TextStyler(List<String> emoji, RandomGenerator rng) {
    this.emoji = emoji;
    this.rng = rng;
  }

  String style(String text) {
    String out = text;
    if (rng.nextInt(100) < 12) {
      out = typo(out);
    }
    if (rng.nextInt(100) < 10) {
      out = lowerExceptHandles(out);
    }
    if (rng.nextInt(100) < 8) {
      out = out.replaceAll("[.!?]*$", "") + "!!";
    }
    if (rng.nextInt(100) < 30) {
      out = out + " " + emoji.get(rng.nextInt(emoji.size()))
          + (rng.nextBoolean() ? "" : emoji.get(rng.nextInt(emoji.size())));
    }
    return out;
  }

  /** Swaps two neighbouring letters inside one longer word. */
  private String typo(String text) {
    String[] words = text.split(" ");
    for (int attempt = 0; attempt < 5; attempt++) {
      int i = rng.nextInt(words.length);
      String w = words[i];
      if (w.length() >= 5 && w.chars().allMatch(Character::isLetter)) {
        int at = rng.nextInt(1, w.length() - 2);
        words[i] = w.substring(0, at) + w.charAt(at + 1) + w.charAt(at) + w.substring(at + 2);
        return String.join(" ", words);
      }
    }
    return text;
  }

  private static String lowerExceptHandles(String text) {
    StringBuilder out = new StringBuilder();
    for (String word : text.split(" ", -1)) {
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(word.startsWith("@") ? word : word.toLowerCase(Locale.ROOT));
    }
    return out.toString();
  }
}

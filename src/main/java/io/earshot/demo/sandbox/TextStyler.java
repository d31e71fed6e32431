package io.earshot.demo.sandbox;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Roughens a template's output the way people type: emoji, a typo, all lower case, extra
 * exclamation marks. Emoji fit the mood (upset, happy, sarcastic, neutral) so a praise post
 * does not end in 😡. @handles are never touched, so the post still reaches its brand.
 */
final class TextStyler {
  private final Map<String, List<String>> emoji;
  private final RandomGenerator rng;

  TextStyler(Map<String, List<String>> emoji, RandomGenerator rng) {
    this.emoji = emoji;
    this.rng = rng;
  }

  String style(String text, String mood) {
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
    List<String> choice = emoji.get(mood);
    if (choice != null && rng.nextInt(100) < 30) {
      out = out + " " + choice.get(rng.nextInt(choice.size()))
          + (rng.nextBoolean() ? "" : choice.get(rng.nextInt(choice.size())));
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

package io.earshot.demo.sandbox;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Customer-care posts for the demo platforms, drawn from the sandbox's {@link MentionCorpus}:
 * one industry per platform account (its slots: places, plans, order numbers…), mostly
 * complaints, then questions, praise and sarcasm, roughened by the sandbox's styler. The brand
 * slot becomes the platform account's own handle, so the post really addresses that account.
 */
public final class DemoTexts {
  private static final List<String> KINDS =
      List.of("complaint", "complaint", "complaint", "question", "question", "praise", "sarcasm");
  private final MentionCorpus corpus;
  private final String industry;
  private final String brandHandle;
  private final RandomGenerator rng;
  private final TextStyler styler;

  public DemoTexts(MentionCorpus corpus, String industry, String brandHandle, RandomGenerator rng) {
    this.corpus = corpus;
    this.industry = industry;
    this.brandHandle = brandHandle;
    this.rng = rng;
    this.styler = new TextStyler(corpus.emoji(), rng);
  }

  public String next() {
    String kind = KINDS.get(rng.nextInt(KINDS.size()));
    List<String> templates = corpus.templates(industry, kind);
    String text = corpus.fill(templates.get(rng.nextInt(templates.size())), industry, brandHandle, Map.of(), rng);
    return styler.style(text, moodOf(kind));
  }

  private static String moodOf(String kind) {
    return switch (kind) {
      case "praise" -> "happy";
      case "sarcasm" -> "sarcastic";
      case "question" -> "neutral";
      default -> "upset";
    };
  }
}

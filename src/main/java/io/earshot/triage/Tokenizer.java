package io.earshot.triage;

import java.util.List;
import java.util.Locale;

/**
 * Splits social text into tokens without regular expressions, after {@link TextNormalizer} has
 * decoded entities and removed invisible characters: whitespace chunks, whole-chunk emoticons,
 * words (hashtags lose their '#' and run-together ones are split into words), single emoji,
 * @mentions (also after punctuation, as in ".@brand") and URLs (both ignored for sentiment).
 * Shouting and elongation ("sooo") are kept as flags. Text beyond {@link #MAX_CHARS} is not
 * read, so a pasted novel costs no more than a long post.
 */
final class Tokenizer {
  static final int MAX_CHARS = 16_384;

  private final Lexicon lexicon;
  private final HashtagSegmenter hashtags;
  private final WordTable table;

  Tokenizer(Lexicon lexicon, HashtagSegmenter hashtags, WordTable table) {
    this.lexicon = lexicon;
    this.hashtags = hashtags;
    this.table = table;
  }

  /** Adds a token with what the word table knows about it (and the table's String if known). */
  private void add(Tokens tokens, String word, int flags) {
    WordTable.Word known = table.get(word);
    tokens.add(known == null ? word : known.word(), flags, known);
  }

  Tokens tokenize(String raw) {
    Tokens tokens = new Tokens();
    if (raw == null) {
      return tokens;
    }
    String text = TextNormalizer.normalize(raw, MAX_CHARS);
    tokens.text = text;
    // One copy of the characters: every pass below reads an array instead of String.charAt,
    // which checks the String's encoding and bounds on each call (a call of its own under C1,
    // the compiler `score` runs with).
    char[] cs = text.toCharArray();
    int n = cs.length;
    int i = 0;
    while (i < n) {
      while (i < n && isSpace(cs[i])) {
        i++;
      }
      int start = i;
      while (i < n && !isSpace(cs[i])) {
        i++;
      }
      if (i > start) {
        chunk(text, cs, start, i, tokens);
      }
    }
    tokens.endsWithQuestion = endsWithQuestion(text, n);
    return tokens;
  }

  private void chunk(String text, char[] cs, int start, int end, Tokens tokens) {
    countPunctuation(cs, start, end, tokens);
    int at = start;
    while (at < end - 1 && isOpeningMark(cs[at])) {
      at++; // ".@brand", "(@brand", "\"@brand": a handle behind punctuation is still a handle
    }
    if (cs[at] == '@' && end - at > 1) {
      tokens.startsWithMention |= tokens.size == 0;
      tokens.add("@", Tokens.MENTION | Tokens.SKIP, null);
      return;
    }
    if (text.startsWith("http", start) || text.startsWith("www.", start)) {
      return;
    }
    String emoticon = end - start <= 6 ? emoticon(text, cs, start, end) : null;
    if (emoticon != null) {
      add(tokens, emoticon, Tokens.EMOTICON);
      return;
    }
    words(text, cs, start, end, tokens);
  }

  private String emoticon(String text, char[] cs, int start, int end) {
    boolean symbol = false;
    for (int i = start; i < end; i++) {
      symbol |= !Character.isLetter(cs[i]);
    }
    if (!symbol || !lexicon.mayBeSymbolic(text, start, end)) {
      return null;
    }
    String raw = text.substring(start, end);
    if (lexicon.containsSymbolic(raw)) {
      return raw;
    }
    String lower = raw.toLowerCase(Locale.ROOT);
    return lexicon.containsSymbolic(lower) ? lower : null;
  }

  private void words(String text, char[] cs, int start, int end, Tokens tokens) {
    int wordStart = -1;
    int i = start;
    while (i < end) {
      int cp = Character.isSurrogate(cs[i]) ? Character.codePointAt(cs, i) : cs[i];
      int len = Character.charCount(cp);
      if (AsciiWords.isLetterOrDigit(cp) || ((cp == '\'' || cp == '\u2019' || cp == '-') && wordStart >= 0)) {
        wordStart = wordStart < 0 ? i : wordStart;
      } else if (Character.getType(cp) == Character.NON_SPACING_MARK && wordStart >= 0) {
        // combining accents stay inside their word
      } else {
        wordStart = flush(text, cs, wordStart, i, tokens);
        if (Emoji.isEmoji(cp)) {
          add(tokens, Emoji.key(cp), Tokens.EMOJI);
        } else if (isClauseMark(cp)) {
          tokens.markClauseEnd();
        }
      }
      i += len;
    }
    flush(text, cs, wordStart, end, tokens);
  }

  private int flush(String text, char[] cs, int from, int to, Tokens tokens) {
    if (from < 0) {
      return -1;
    }
    while (to > from && !AsciiWords.isLetterOrDigit(cs[to - 1])) {
      to--;
    }
    if (to > from) {
      boolean hashtag = from > 0 && cs[from - 1] == '#';
      List<String> parts = hashtag ? hashtags.split(text.substring(from, to).toLowerCase(Locale.ROOT)) : null;
      if (parts == null) {
        if (!(AsciiWords.isAscii(cs, from, to) && addAsciiWord(cs, from, to, tokens))) {
          addWord(text.substring(from, to), tokens);
        }
        if (hashtag) {
          tokens.flags[tokens.size - 1] |= Tokens.HASHTAG;
        }
      } else {
        parts.forEach(part -> add(tokens, part, Tokens.HASHTAG_PART));
        tokens.plainWords++;
      }
    }
    return -1;
  }

  /**
   * {@link #addWord} for an ASCII word, without making a String when the word table knows it;
   * false, having added nothing, for a stretched word ("sooo"), which takes the general path.
   */
  private boolean addAsciiWord(char[] cs, int from, int to, Tokens tokens) {
    if (AsciiWords.hasRun(cs, from, to)) {
      return false;
    }
    int upper = 0;
    int lower = 0;
    for (int i = from; i < to; i++) {
      char c = cs[i];
      upper += c >= 'A' && c <= 'Z' ? 1 : 0;
      lower += c >= 'a' && c <= 'z' ? 1 : 0;
    }
    int flags = caseFlags(upper, lower, tokens);
    WordTable.Word known = table.getAsciiLower(cs, from, to);
    String word = known != null ? known.word()
        : upper == 0 ? new String(cs, from, to - from) : AsciiWords.lowerCopy(cs, from, to);
    tokens.add(word, flags, known);
    return true;
  }

  /** {@link Tokens#CAPS} for a shouted word, counting shouted and plain words as it goes. */
  private static int caseFlags(int upper, int lower, Tokens tokens) {
    if (upper >= 2 && lower == 0) {
      tokens.capsWords++;
      return Tokens.CAPS;
    }
    if (lower > 0) {
      tokens.plainWords++;
    }
    return 0;
  }

  private void addWord(String raw, Tokens tokens) {
    int upper = 0;
    int lower = 0;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      upper += Character.isUpperCase(c) ? 1 : 0;
      lower += Character.isLowerCase(c) ? 1 : 0;
    }
    int flags = caseFlags(upper, lower, tokens);
    String word = raw.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
    String collapsed = Elongation.normalize(word, lexicon);
    if (collapsed != word) {
      flags |= Tokens.ELONGATED;
    }
    add(tokens, collapsed, flags);
  }

  private static void countPunctuation(char[] cs, int start, int end, Tokens tokens) {
    char last = cs[end - 1];
    if (last == '.' || last == '!' || last == '?' || last == '\u2026') {
      tokens.sentenceEnds++;
    }
    for (int i = start; i < end; i++) {
      char c = cs[i];
      if (c == '!') {
        tokens.exclamations++;
      } else if (c == '?') {
        tokens.questions++;
      }
    }
  }

  private static boolean endsWithQuestion(String text, int n) {
    for (int i = n - 1; i >= 0 && i >= n - 80; i--) {
      char c = text.charAt(i);
      if (c == '?') {
        return true;
      }
      if (Character.isLetterOrDigit(c) || c == '.' || c == '!') {
        return false;
      }
    }
    return false;
  }

  private static boolean isClauseMark(int cp) {
    return cp == '.' || cp == ',' || cp == ';' || cp == ':' || cp == '!' || cp == '?'
        || cp == '(' || cp == ')' || cp == '\u2026';
  }

  private static boolean isOpeningMark(char c) {
    return c == '.' || c == '(' || c == '"' || c == '\'' || c == '\u201C' || c == '[' || c == ':';
  }

  private static boolean isSpace(char c) {
    if (c > ' ' && c < 0x7F) {
      return false;
    }
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || Character.isWhitespace(c)
        || Character.isSpaceChar(c);
  }
}

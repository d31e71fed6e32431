package io.earshot.domain;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Which brand a post addresses, read from its text: the brand whose handle on the post's platform
 * comes first in it (ignoring case; the longer handle when two start at the same place). A
 * handle counts only as a whole handle: {@code @TallyCloud} is not addressed by
 * {@code @TallyCloudFans}, {@code @brand} not by {@code @brand.bsky.emu} or
 * {@code @brand@other.social}, and an e-mail address addresses nobody. Pure.
 */
public final class BrandAddressing {
  private BrandAddressing() {
  }

  /** The id of the brand {@code text} addresses first on {@code platform}, if any. */
  public static Optional<String> addressed(Collection<Brand> brands, Platform platform, String text) {
    if (text == null || text.isEmpty()) {
      return Optional.empty();
    }
    String lower = text.toLowerCase(Locale.ROOT);
    String best = null;
    int bestAt = Integer.MAX_VALUE;
    int bestLength = 0;
    for (Brand brand : brands) {
      for (String handle : brand.handlesOn(platform)) {
        int at = firstWhole(lower, handle.toLowerCase(Locale.ROOT));
        if (at >= 0 && (at < bestAt || at == bestAt && handle.length() > bestLength)) {
          best = brand.id();
          bestAt = at;
          bestLength = handle.length();
        }
      }
    }
    return Optional.ofNullable(best);
  }

  private static int firstWhole(String text, String handle) {
    for (int at = text.indexOf(handle); at >= 0; at = text.indexOf(handle, at + 1)) {
      if (startsHandle(text, at) && endsHandle(text, at + handle.length())) {
        return at;
      }
    }
    return -1;
  }

  /** Nothing handle-like just before: {@code ann@tallycloud} is an address, not a mention. */
  private static boolean startsHandle(String text, int at) {
    return at == 0 || !isHandleChar(text.charAt(at - 1)) && text.charAt(at - 1) != '@';
  }

  /** The handle ends here: not followed by more of a name, another {@code @part} or a {@code .domain}. */
  private static boolean endsHandle(String text, int end) {
    if (end == text.length()) {
      return true;
    }
    char next = text.charAt(end);
    if (next == '.') {
      return end + 1 == text.length() || !Character.isLetterOrDigit(text.charAt(end + 1));
    }
    return !isHandleChar(next) && next != '@';
  }

  private static boolean isHandleChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-';
  }
}

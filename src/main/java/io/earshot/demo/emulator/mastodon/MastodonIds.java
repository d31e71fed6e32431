package io.earshot.demo.emulator.mastodon;

import java.util.Comparator;

/**
 * How an emulated server spells and orders ids. Mastodon's are decimal snowflakes compared as
 * numbers; GoToSocial, Akkoma and others use strings that sort lexicographically (ULIDs, flake
 * ids) and are no numbers at all. The Mastodon API says ids are strings, so a client must take
 * them as the server sends them and let the server compare.
 */
enum MastodonIds {
  NUMERIC, STRING;

  private static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

  /** The id of the {@code seq}-th item: growing, in the server's own order. */
  String id(long seq) {
    if (this == NUMERIC) {
      return String.valueOf(seq);
    }
    char[] out = new char[16];
    long v = seq;
    for (int i = out.length - 1; i >= 0; i--) {
      out[i] = CROCKFORD.charAt((int) (v & 31));
      v >>>= 5;
    }
    // Fixed width and a letter first, like a ULID-based server: never a number, always sortable.
    return "A" + new String(out) + "XYZQ";
  }

  /** The server's own comparison; an id it cannot read sorts below every real one, as "0" does. */
  Comparator<String> order() {
    if (this == STRING) {
      return Comparator.naturalOrder();
    }
    return Comparator.<String>comparingInt(s -> s.matches("[0-9]+") ? s.length() : 0)
        .thenComparing(s -> s.matches("[0-9]+") ? s : "");
  }
}

package io.earshot.find;

import io.earshot.error.DomainError;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.util.BytesRef;

/**
 * Where a page ended, as the sort keys of its last case: the next page starts right after those
 * keys, so it reads the index as it is then and nothing shifts under a reader as cases arrive or
 * change (a case whose own sort keys change meanwhile may move past the cursor or back before it).
 * Opaque to clients: base64url of {@code sort|key|…|id}. Decoding fails with
 * {@link DomainError.Invalid} naming {@code cursor}.
 */
final class Cursor {
  private Cursor() {
  }

  /**
   * Past every document with equal keys (Lucene breaks ties by document number, which must be
   * one of the reader's): the id key is unique, so that is only the case the page ended on.
   */
  static FieldDoc after(Object[] keys, int maxDoc) {
    return new FieldDoc(Math.max(0, maxDoc - 1), Float.NaN, keys);
  }

  static String encode(CaseSort sort, FieldDoc last) {
    StringBuilder s = new StringBuilder(sort.code());
    Object[] keys = last.fields;
    for (int i = 0; i < keys.length - 1; i++) {
      s.append('|').append((Long) keys[i]);
    }
    s.append('|').append(((BytesRef) keys[keys.length - 1]).utf8ToString());
    return Base64.getUrlEncoder().withoutPadding().encodeToString(s.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The sort keys of a cursor; {@link #after} makes them a search's starting point. */
  static Object[] decode(CaseSort sort, String cursor, int keys) {
    try {
      String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", keys + 1);
      if (parts.length != keys + 1 || !parts[0].equals(sort.code())) {
        throw new DomainError.Invalid("cursor", "was made for another sort or is damaged; start again without it");
      }
      Object[] fields = new Object[keys];
      for (int i = 0; i < keys - 1; i++) {
        fields[i] = Long.parseLong(parts[i + 1]);
      }
      fields[keys - 1] = new BytesRef(parts[keys]);
      return fields;
    } catch (IllegalArgumentException e) {
      throw new DomainError.Invalid("cursor", "is not a cursor this API gave (use nextCursor as it is)");
    }
  }
}

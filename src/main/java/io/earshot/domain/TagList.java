package io.earshot.domain;

import io.earshot.domain.event.CaseworkEvents.TagListUpdated;
import io.earshot.error.DomainError;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The tags admins define for everyone (a name, a colour, what it is for), offered first when
 * tagging a case; any other well-formed tag may still be used (free tags). {@code version}
 * grows with every replacement, so two admins saving at once cannot overwrite each other.
 */
public record TagList(List<Defined> tags, long version) {
  public static final int MAX_TAGS = 200;
  public static final int MAX_DESCRIPTION = 200;
  private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");
  public static final TagList EMPTY = new TagList(List.of(), 0);

  /** One defined tag: its name (as {@link Tags} normalizes it), a {@code #rrggbb} colour and a description. */
  public record Defined(String name, String color, String description) {
  }

  public TagList {
    tags = List.copyOf(tags);
  }

  /**
   * The list an admin asked for, checked (names well-formed and unique, colours {@code #rrggbb},
   * descriptions at most {@value #MAX_DESCRIPTION} characters; refusals name {@code tags[i].field}),
   * and the event that tells it.
   */
  public Decision<TagList> replace(List<Defined> asked, String actor, Instant at) {
    if (asked.size() > MAX_TAGS) {
      throw new DomainError.Invalid("tags", "at most " + MAX_TAGS + " defined tags");
    }
    Set<String> names = new HashSet<>();
    List<Defined> checked = new java.util.ArrayList<>();
    for (int i = 0; i < asked.size(); i++) {
      Defined d = asked.get(i);
      String name = Tags.tag(d.name(), "tags[" + i + "].name");
      if (!names.add(name)) {
        throw new DomainError.Invalid("tags[" + i + "].name", "'" + name + "' is defined twice");
      }
      checked.add(new Defined(name, colour(d.color(), i), description(d.description(), i)));
    }
    TagList after = new TagList(checked, version + 1);
    String detail = checked.isEmpty() ? "no defined tags" : "defined tags: " + String.join(", ", names.stream().sorted().toList());
    return new Decision<>(after, List.of(new TagListUpdated(after.version(), actor, detail, at)));
  }

  private static String colour(String raw, int i) {
    if (raw == null || raw.isBlank()) {
      return "#6b7280";
    }
    if (!COLOUR.matcher(raw.strip()).matches()) {
      throw new DomainError.Invalid("tags[" + i + "].color", "must be a colour such as #2f6fde");
    }
    return raw.strip().toLowerCase(java.util.Locale.ROOT);
  }

  private static String description(String raw, int i) {
    String d = raw == null ? "" : raw.strip();
    if (d.length() > MAX_DESCRIPTION || d.chars().anyMatch(ch -> ch < 0x20)) {
      throw new DomainError.Invalid("tags[" + i + "].description", "at most " + MAX_DESCRIPTION
          + " characters on one line");
    }
    return d;
  }
}

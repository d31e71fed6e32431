package io.earshot.domain;

import java.time.Instant;
import java.util.Map;

/**
 * A customer's post that mentions the brand, or a private message to it ({@code visibility}),
 * normalized across platforms. {@code id} is
 * {@code platform:externalId}, which makes the pair unique by construction. {@code meta} holds
 * what a platform needs to answer the post (Bluesky uri/cid and thread root, Mastodon visibility).
 * {@code account} names the connector account it came through (null when it arrived by API).
 * {@code brand} is the brand the post addresses: a brand id, null for the default brand, or
 * {@link Brand#BY_HANDLE} until the pipeline has read it from the text; once stored it is always
 * an id. {@code caseId} and {@code triage} are filled in by the ingest pipeline. A
 * {@link Visibility#PRIVATE} mention's text is the customer's private words: shown in its case,
 * marked so, and nowhere public.
 */
public record Mention(String id, Platform platform, String account, String brand, String externalId, Author author,
                      String text, Instant createdAt, String inReplyTo, String url, String lang,
                      Map<String, String> meta, Instant receivedAt, String caseId, Triage triage,
                      Visibility visibility) {
  public Mention {
    meta = meta == null ? Map.of() : Map.copyOf(meta);
    visibility = visibility == null ? Visibility.PUBLIC : visibility;
  }

  /** A public mention (what every platform read before private messages existed). */
  public Mention(String id, Platform platform, String account, String brand, String externalId, Author author,
                 String text, Instant createdAt, String inReplyTo, String url, String lang,
                 Map<String, String> meta, Instant receivedAt, String caseId, Triage triage) {
    this(id, platform, account, brand, externalId, author, text, createdAt, inReplyTo, url, lang, meta,
        receivedAt, caseId, triage, Visibility.PUBLIC);
  }

  public static String idOf(Platform platform, String externalId) {
    return platform.code() + ":" + externalId;
  }

  /** A freshly read mention, before the pipeline has threaded and scored it. */
  public static Mention incoming(Platform platform, String account, String externalId, Author author,
                                 String text, Instant createdAt, String inReplyTo, String url,
                                 String lang, Map<String, String> meta) {
    return new Mention(idOf(platform, externalId), platform, account, null, externalId, author, text,
        createdAt, inReplyTo, url, lang, meta, null, null, null);
  }

  public Mention threaded(String caseId, Triage triage, Instant receivedAt) {
    return new Mention(id, platform, account, brand, externalId, author, text, createdAt, inReplyTo, url,
        lang, meta, receivedAt, caseId, triage, visibility);
  }

  /** This mention with {@code next} visibility: a connector reading a direct message says so. */
  public Mention withVisibility(Visibility next) {
    return new Mention(id, platform, account, brand, externalId, author, text, createdAt, inReplyTo, url,
        lang, meta, receivedAt, caseId, triage, next);
  }

  public boolean isPrivate() {
    return visibility == Visibility.PRIVATE;
  }

  public Mention withBrand(String next) {
    return new Mention(id, platform, account, next, externalId, author, text, createdAt, inReplyTo, url,
        lang, meta, receivedAt, caseId, triage, visibility);
  }

  /** This mention, with {@code fallback} as its brand when it names none (an account's brand). */
  public Mention orBrand(String fallback) {
    return brand != null || fallback == null ? this : withBrand(fallback);
  }

  public String customerId() {
    return platform.code() + ":" + author.id();
  }
}

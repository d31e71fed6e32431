package io.earshot.events;

/**
 * Every event name in one place, as {@code noun.verb}. The same names travel on the Vert.x event
 * bus (inside one instance), on the Redis channel (between instances) and to dashboards.
 */
public final class Events {
  /** Redis pub/sub channel that carries events between hub instances. */
  public static final String REDIS_CHANNEL = "earshot:events";
  /** Local event-bus address where every fanned-out event arrives on each instance. */
  public static final String LIVE_ADDRESS = "earshot.live";
  /** Redis channel that tells every instance which credentials (session/token digests) just ended. */
  public static final String REVOKED_CHANNEL = "earshot:revoked";
  /** Local event-bus address where those digests arrive, so open live sockets can close. */
  public static final String REVOKED_ADDRESS = "earshot.revoked";

  public static final String MENTION_CREATED = "mention.created";
  public static final String CASE_CREATED = "case.created";
  public static final String CASE_UPDATED = "case.updated";
  public static final String REPLY_CREATED = "reply.created";
  public static final String REPLY_UPDATED = "reply.updated";
  public static final String CONNECTOR_STATUS = "connector.status";

  private Events() {
  }
}

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

  public static final String MENTION_CREATED = "mention.created";
  public static final String CASE_CREATED = "case.created";
  public static final String CASE_UPDATED = "case.updated";
  public static final String REPLY_CREATED = "reply.created";
  public static final String REPLY_UPDATED = "reply.updated";
  public static final String CONNECTOR_STATUS = "connector.status";
  /** Live events may have been missed (the fan-out was cut off): dashboards re-read what they show. */
  public static final String LIVE_RESYNC = "live.resync";

  private Events() {
  }
}

package io.earshot.live;

/**
 * Where the live feed travels: the Redis channel between instances and the local event-bus
 * address every instance's dashboard sockets listen on. Domain event names live in
 * {@code domain/event/EventType}; {@link #RESYNC} is the feed's own control message.
 */
public final class LiveFeed {
  /** Redis pub/sub channel that carries events between hub instances. */
  public static final String REDIS_CHANNEL = "earshot:events";
  /** Local event-bus address where every fanned-out event arrives on each instance. */
  public static final String LIVE_ADDRESS = "earshot.live";
  /** Live events may have been missed (the fan-out was cut off): dashboards re-read what they show. */
  public static final String RESYNC = "live.resync";

  private LiveFeed() {
  }
}

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
  /** A message to some users only (a live message carrying {@code "to":[usernames]}): a notification. */
  public static final String NOTIFICATION = "notification";
  private static final String USER_ADDRESS = "earshot.live.user.";

  /**
   * The local event-bus address of one user's sockets: an addressed message arrives here, on
   * every instance, instead of at {@link #LIVE_ADDRESS}, so nobody else's socket ever sees it.
   */
  public static String userAddress(String username) {
    return USER_ADDRESS + username;
  }

  private LiveFeed() {
  }
}

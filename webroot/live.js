// The live feed: one WebSocket to /api/v1/live, reconnected with capped exponential backoff.
// After every (re)connect the caller re-fetches what it shows, since events sent while the
// socket was down are not replayed. The hub sends `live.resync` when its own feed had a gap
// (Redis was unreachable): that is handled like a reconnect.

const MIN_DELAY_MS = 1000;
const MAX_DELAY_MS = 30000;
const RESYNC = 'live.resync';
// Every dashboard gets the resync at the same moment; spreading the re-reads over a second
// spares the hub a burst, and resyncs arriving meanwhile share the one re-read.
const RESYNC_SPREAD_MS = 1000;

/**
 * handlers: onEvent(type, data), onOpen({ reconnect, resync }) (re-read what is shown: after a
 * (re)connect, or when the hub says events were missed), onState('live'|'connecting'|'offline'),
 * onDrop() → Promise<boolean> (false stops reconnecting, e.g. the session has expired).
 */
export function connectLive(handlers) {
  let socket = null;
  let attempt = 0;
  let opened = false;
  let stopped = false;
  let timer = null;
  let resyncTimer = null;

  const url = () => `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/v1/live`;

  function open() {
    if (stopped) return;
    handlers.onState('connecting');
    socket = new WebSocket(url());
    socket.addEventListener('open', () => {
      attempt = 0;
      handlers.onState('live');
      handlers.onOpen({ reconnect: opened });
      opened = true;
    });
    socket.addEventListener('message', (ev) => dispatch(ev.data));
    socket.addEventListener('close', () => scheduleReconnect());
  }

  function dispatch(raw) {
    let event;
    try {
      event = JSON.parse(raw);
    } catch {
      return; // a frame we cannot read must not stop the feed
    }
    if (!event || typeof event.type !== 'string') return;
    if (event.type === RESYNC) resyncSoon();
    else handlers.onEvent(event.type, event.data || {});
  }

  function resyncSoon() {
    if (resyncTimer !== null || stopped) return;
    resyncTimer = setTimeout(() => {
      resyncTimer = null;
      if (!stopped) handlers.onOpen({ reconnect: true, resync: true });
    }, Math.random() * RESYNC_SPREAD_MS);
  }

  async function scheduleReconnect() {
    socket = null;
    if (stopped) return;
    handlers.onState('offline');
    const keepGoing = await handlers.onDrop().catch(() => true);
    if (!keepGoing || stopped) return;
    const base = Math.min(MAX_DELAY_MS, MIN_DELAY_MS * 2 ** attempt);
    attempt += 1;
    // Jitter keeps many dashboards from reconnecting in lock-step after a hub restart.
    timer = setTimeout(open, base / 2 + Math.random() * (base / 2));
  }

  open();
  return {
    close() {
      stopped = true;
      clearTimeout(timer);
      clearTimeout(resyncTimer);
      if (socket) socket.close();
    },
  };
}

// The live feed: one WebSocket to /api/v1/live, reconnected with capped exponential backoff.
// After every (re)connect the caller re-fetches what it shows, since events sent while the
// socket was down are not replayed.

const MIN_DELAY_MS = 1000;
const MAX_DELAY_MS = 30000;

/**
 * handlers: onEvent(type, data), onOpen({ reconnect }), onState('live'|'connecting'|'offline'),
 * onDrop() → Promise<boolean> (false stops reconnecting, e.g. the session has expired).
 */
export function connectLive(handlers) {
  let socket = null;
  let attempt = 0;
  let opened = false;
  let stopped = false;
  let timer = null;

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
    if (event && typeof event.type === 'string') handlers.onEvent(event.type, event.data || {});
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
      if (socket) socket.close();
    },
  };
}
